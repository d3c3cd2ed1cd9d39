using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Siting;

/// <summary>
/// A region's coverage matrix from a travel-time source: demand = the region's demand points, sites = its
/// counted stations (<see cref="StationCounting"/>: operating, locked in; planned and built ones too with
/// <see cref="IncludePlanned"/>) and its candidates (with their cost). Each site's township (for the township
/// floor) is the one the standards check gives it (<see cref="UnitHierarchy.UnitAt"/>: a station's own unit
/// code first, then the location).
/// </summary>
public sealed class RegionCoverageMatrixSource : ICoverageMatrixSource
{
    private readonly ITravelTimeSource _travel;

    /// <summary>Creates the source over travel times (network engine, or straight line for regions without roads).</summary>
    public RegionCoverageMatrixSource(ITravelTimeSource travel) => _travel = travel ?? throw new ArgumentNullException(nameof(travel));

    /// <summary>Lock in planned and built stations as well as operating ones (like coverage's <c>--include-planned</c>).</summary>
    public bool IncludePlanned { get; init; }

    /// <summary>
    /// Groups that travel at their own pace, as the ratio base speed / group speed (elderly at 3.6 km/h when the
    /// base is 4.8: 1.333). Each demand point is split into one demand item per pace, holding only that pace's
    /// groups, whose travel minutes are the base minutes times the ratio: so a group is covered exactly when
    /// <c>planner coverage</c> counts it covered at its own pace. Empty: every group at the base pace.
    /// </summary>
    public IReadOnlyDictionary<string, double> PaceRatios { get; init; } = new Dictionary<string, double>();

    /// <inheritdoc />
    public CoverageMatrix Build(Region region, double limitMinutes, double keepMinutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        // The standards check's rule: a station's own unit code first, then its location (UnitHierarchy.UnitAt).
        var units = new UnitHierarchy(region.Units);
        string? TownshipOf(string? unitCode, GeoPoint p) => units.UnitAt(AdminLevel.Township, unitCode, p)?.Code;

        var sites = StationCounting.Counted(region, IncludePlanned)
            .Select(s => new SitingSite(s.Id, 0, SiteRole.Existing, s.Location, TownshipOf(s.UnitCode, s.Location)))
            .Concat(region.Candidates.Select(c => new SitingSite(c.Id, c.Cost, SiteRole.Candidate, c.Location, TownshipOf(null, c.Location))))
            .ToList();
        var groups = region.Groups.Names;
        double RatioOf(int g) => PaceRatios.TryGetValue(groups[g], out var r) ? r : 1.0;
        var ratios = Enumerable.Range(0, groups.Length).Select(RatioOf).Distinct().Order().ToList();
        var points = region.Demand.Select(d => d.Location).ToList();
        var demand = new List<SitingDemand>();
        var itemPoint = new List<int>();
        var itemRatio = new List<double>();
        for (int i = 0; i < region.Demand.Length; i++)
        {
            var d = region.Demand[i];
            foreach (var ratio in ratios)
            {
                // The base pace keeps the point's id; a slower (or faster) pace gets its own item named after its groups.
                var counts = d.Counts.Select((c, g) => RatioOf(g) == ratio ? c : 0).ToImmutableArray();
                if (ratio != 1.0 && counts.All(c => c == 0))
                {
                    continue;
                }

                var id = ratio == 1.0 ? d.Id : $"{d.Id}@{string.Join("+", groups.Where((_, g) => RatioOf(g) == ratio))}";
                demand.Add(new SitingDemand(id, counts, d.UnitCode, d.Location, ratio == 1.0 ? null : d.Id));
                itemPoint.Add(i);
                itemRatio.Add(ratio);
            }
        }

        // Search far enough at the base pace for the fastest group to reach the limit.
        double searchMinutes = Math.Max(limitMinutes, keepMinutes) / ratios.Min();
        var pairs = _travel.Within([.. sites.Select(s => s.Location!.Value)], points, searchMinutes, cancellationToken);
        var byPoint = Enumerable.Range(0, points.Count).Select(_ => new List<int>()).ToArray();
        for (int k = 0; k < itemPoint.Count; k++)
        {
            byPoint[itemPoint[k]].Add(k);
        }

        var entries = pairs.SelectMany(p => byPoint[p.Target].Select(k => (p.Origin, k, p.Minutes * itemRatio[k])));
        return new CoverageMatrix(region.Groups, demand, sites, entries, limitMinutes, keepMinutes);
    }
}
