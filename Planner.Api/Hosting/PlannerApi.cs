using Planner.Api.Endpoints;

namespace Planner.Api.Hosting;

/// <summary>
/// Builds the whole API into a web application another program hosts: the planners' desktop app runs it
/// in-process on a loopback port and adds its map page, and <c>Program.cs</c> serves it standalone, so both
/// always map the same groups, what-if coverage (<see cref="WhatIfEndpoints"/>) included.
/// </summary>
public static class PlannerApi
{
    /// <summary>
    /// Registers the API's services on <paramref name="builder"/> (configuration section <c>Planner</c>), builds
    /// the application, adds its middleware and maps every endpoint group, including what-if coverage.
    /// </summary>
    /// <param name="builder">A builder whose configuration the caller has set (URLs, <c>Planner:*</c>).</param>
    /// <returns>The application, not yet started.</returns>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlannerApi();
        var app = builder.Build();
        app.UsePlannerApi();
        app.MapHealthEndpoints();
        app.MapAuthEndpoints();
        app.MapLayersEndpoints();
        app.MapTilesEndpoints();
        app.MapRegionUploadEndpoints();
        app.MapCoverageEndpoints();
        app.MapScenariosEndpoints();
        app.MapScenarioRunsEndpoints();
        app.MapScenarioReportEndpoints();
        app.MapReportLinksEndpoints();
        app.MapSitingEndpoints();
        app.MapMatchingEndpoints();
        app.MapVisitPlanEndpoints();
        app.MapJobsEndpoints();
        app.MapBatchesEndpoints();
        app.MapWhatIfEndpoints();
        app.MapTravelLimitsEndpoints();
        return app;
    }
}
