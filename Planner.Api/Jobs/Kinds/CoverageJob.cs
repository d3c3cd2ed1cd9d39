using Planner.Api.Coverage;
using Planner.Api.Regions;
using Planner.Core.Coverage;
using Planner.Core.Narrowing;

namespace Planner.Api.Jobs.Kinds;

/// <summary>The query of a coverage job, as the request gave it (parsed again by the worker).</summary>
/// <param name="Minutes">minutes.</param>
/// <param name="Mode">mode.</param>
/// <param name="Speed">speed.</param>
/// <param name="IncludePlanned">includePlanned.</param>
/// <param name="Circle">circle.</param>
/// <param name="NoCap">noCap.</param>
internal sealed record CoverageJobQuery(string? Minutes, string? Mode, string? Speed, string? IncludePlanned, string? Circle, string? NoCap);

/// <summary>A coverage report as a job: the same report as GET coverage, narrowed to a township key's units.</summary>
internal sealed class CoverageJob(CoverageService coverage) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string Name = "coverage";

    /// <inheritdoc />
    public string Kind => Name;

    /// <inheritdoc />
    public string Run(RegionView view, string payload, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var q = JobPayload.Read<CoverageJobQuery>(payload);
        var r = view.Region;
        var (query, problem) = CoverageQuery.Parse(r.Region, q.Minutes, q.Mode, q.Speed, q.IncludePlanned, circle: q.Circle, noCap: q.NoCap);
        if (problem is not null)
        {
            throw new InvalidOperationException("the coverage parameters no longer fit the region");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = coverage.Compute(r, query!, progress);
        var report = view.Units is null ? result.Report : CoverageNarrowing.Narrow(result.Report, result.Checks, result.Region.Region, view.Units).Report;
        return CoverageWriters.ToJson(report);
    }
}
