namespace Planner.Api.Jobs;

/// <summary>
/// What a job computes, as the argument Hangfire stores with it: everything a worker in another process needs
/// to run it again from the shared store, so a job survives the process that queued it.
/// </summary>
/// <param name="Id">Our job id (URL-safe; the one <c>/jobs/{id}</c> names, not Hangfire's).</param>
/// <param name="Kind">Which <see cref="IJobHandler"/> runs it (coverage, recommendations, matching, scenario-run).</param>
/// <param name="Region">Key of its region.</param>
/// <param name="DataScope">The division-code prefix its data lies under (see <see cref="Regions.RegionView.DataScope"/>).</param>
/// <param name="Payload">The kind's parameters as JSON, parsed again and validated by the handler.</param>
public sealed record JobSpec(string Id, string Kind, string Region, string DataScope, string Payload);
