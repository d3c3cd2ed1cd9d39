using Planner.Api.Hosting;

// The standalone API and the desktop app build the same application: one list of endpoint groups (PlannerApi).
var app = PlannerApi.Build(WebApplication.CreateBuilder(args));
await app.RunAsync().ConfigureAwait(false);

/// <summary>The API's entry point (public so that tests can host it through WebApplicationFactory).</summary>
public partial class Program;
