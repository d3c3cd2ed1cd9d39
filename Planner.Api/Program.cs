using Planner.Api.Endpoints;
using Planner.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlannerApi();

var app = builder.Build();
app.UsePlannerApi();
app.MapHealthEndpoints();
app.MapAuthEndpoints();
app.MapLayersEndpoints();
app.MapCoverageEndpoints();
app.MapScenariosEndpoints();
app.MapScenarioRunsEndpoints();
app.MapSitingEndpoints();
app.MapJobsEndpoints();
await app.RunAsync().ConfigureAwait(false);

/// <summary>The API's entry point (public so that tests can host it through WebApplicationFactory).</summary>
public partial class Program;
