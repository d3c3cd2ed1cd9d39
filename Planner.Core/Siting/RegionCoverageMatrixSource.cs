using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Siting;

/// <summary>
/// A region's coverage matrix from a travel-time source: demand = the region's demand points, sites = its
/// operating stations (existing, locked in; planned and built ones too with <see cref="IncludePlanned"/>) and its candidates (with their cost). Each site's township is the
/// township unit whose boundary contains it (for the township floor).
/// </summary>
public sealed class RegionCoverageMatrixSource : ICoverageMatrixSource
{
    private readonly ITravelTimeSource _travel;

    /// <summary>Creates the source over travel times (network engine, or straight line for regions without roads).</summary>
    public RegionCoverageMatrixSource(ITravelTimeSource travel) => _travel = travel ?? throw new ArgumentNullException(nameof(travel));

    /// <summary>Lock in planned and built stations as well as operating ones (like coverage's <c>--include-planned</c>).</summary>
    public bool IncludePlanned { get; init; }

    /// <inheritdoc />
    public CoverageMatrix Build(Region region, double limitMinutes, double keepMinutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        var townships = region.Units.Where(u => u.Level == AdminLevel.Township).ToList();
        string? TownshipOf(GeoPoint p) =>
            townships.FirstOrDefault(t => t.Boundary.Covers(new Point(p.Lon, p.Lat)))?.Code;

        var sites = region.Stations.Where(s => IncludePlanned || s.Status == StationStatus.Operating)
            .Select(s => new SitingSite(s.Id, 0, SiteRole.Existing, s.Location, TownshipOf(s.Location)))
            .Concat(region.Candidates.Select(c => new SitingSite(c.Id, c.Cost, SiteRole.Candidate, c.Location, TownshipOf(c.Location))))
            .ToList();
        var demand = region.Demand.Select(d => new SitingDemand(d.Id, d.Counts, d.UnitCode, d.Location)).ToList();
        var pairs = _travel.Within([.. sites.Select(s => s.Location!.Value)], [.. demand.Select(d => d.Location!.Value)], Math.Max(limitMinutes, keepMinutes), cancellationToken);
        return new CoverageMatrix(region.Groups, demand, sites, pairs.Select(p => (p.Origin, p.Target, p.Minutes)), limitMinutes, keepMinutes);
    }
}
