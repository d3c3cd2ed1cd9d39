using Microsoft.Extensions.Options;
using Planner.Api.Hosting;
using Planner.Api.Options;

namespace Planner.Api.Jobs;

/// <summary>
/// A host without HTTP for <c>planner worker</c> and <c>planner batch</c>: the API's compute services and job
/// engine over a PostGIS store, with a number of Hangfire worker threads (0: only queue and read).
/// Configuration (<c>Planner__*</c> environment variables) applies as for the API.
/// </summary>
internal static class WorkerHost
{
    /// <summary>Builds the host (not started).</summary>
    public static IHost Build(string store, int threads)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = false });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Planner:Store"] = "postgis",
            ["Planner:PostGis"] = store,
            ["Planner:Workers"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var section = builder.Configuration.GetSection("Planner");
        builder.Services.Configure<PlannerOptions>(section);
        builder.Services.AddPlannerCompute(section.Get<PlannerOptions>() ?? new PlannerOptions());
        return builder.Build();
    }

    /// <summary>The options the host runs with.</summary>
    public static PlannerOptions Options(IHost host) => host.Services.GetRequiredService<IOptions<PlannerOptions>>().Value;
}
