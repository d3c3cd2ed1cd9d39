using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>How a census total is shared among the target units.</summary>
public enum SpreadWeight
{
    /// <summary>In proportion to the length of roads inside each unit (people live along streets), measured in the local metric projection; motorways and trunk roads are not counted.</summary>
    Roads,

    /// <summary>In proportion to each unit's area.</summary>
    Area,

    /// <summary>The same share for every unit.</summary>
    Equal,
}

/// <summary>
/// Spreads a county's census total (or its urban or rural part) over the region's units at one level,
/// one demand point per unit at its interior point, coded with the unit. The output is modelled, never
/// measured: the caller records that in region.json <c>sources</c>.
/// <list type="bullet">
/// <item>group totals: total = the census part; elderly = total × share 65+; children = total × share 0-14;
/// each extra rate group = total × rate; each rounded half away from zero to whole people;</item>
/// <item>units get the total by <see cref="SpreadWeight"/>, then each group in proportion to the units'
/// totals, both by largest remainder, so every group sums exactly to its declared total;</item>
/// <item>units whose total is zero get no demand point.</item>
/// </list>
/// </summary>
public static class CensusSpreader
{
    private static readonly HashSet<string> Unlived = ["motorway", "motorway_link", "trunk", "trunk_link"];

    /// <summary>The declared total of each group, in the order total, elderly, children, then the rates.</summary>
    public static IReadOnlyList<(string Group, long People)> GroupTotals(CountyCensus census, string part, IReadOnlyList<(string Group, double Pct)> rates)
    {
        long total = census.PartTotal(part);
        long Of(double pct) => (long)Math.Round(total * pct / 100, MidpointRounding.AwayFromZero);
        var result = new List<(string, long)> { (PopulationGroups.Total, total), ("elderly", Of(census.Share65PlusPct)), ("children", Of(census.Share0To14Pct)) };
        result.AddRange(rates.Select(r => (r.Group, Of(r.Pct))));
        return result;
    }

    /// <summary>The region with its groups and demand replaced by the spread census.</summary>
    /// <exception cref="ImportException">No units at <paramref name="level"/>, or all weights are zero.</exception>
    public static Region Spread(Region region, CountyCensus census, string part, AdminLevel level, SpreadWeight weight, IReadOnlyList<(string Group, double Pct)> rates)
    {
        var totals = GroupTotals(census, part, rates);
        var targets = region.Units.Where(u => u.Level == level).ToList();
        if (targets.Count == 0)
        {
            throw new ImportException(ImportException.Line("units.geojson", string.Empty, "level", $"no {DomainNames.Of(level)} units to spread the census over"));
        }

        var weights = Weights(region, targets, weight);
        if (!(weights.Sum() > 0))
        {
            throw new ImportException(ImportException.Line("units.geojson", string.Empty, "weight", $"every {DomainNames.Of(level)} unit has zero {weight.ToString().ToLowerInvariant()} weight"));
        }

        var people = LargestRemainder.Split(totals[0].People, weights);
        var columns = new List<long[]> { people };
        columns.AddRange(totals.Skip(1).Select(t => LargestRemainder.Split(t.People, [.. people.Select(p => (double)p)])));
        var demand = ImmutableArray.CreateBuilder<DemandPoint>();
        for (int i = 0; i < targets.Count; i++)
        {
            if (people[i] == 0)
            {
                continue;
            }

            var at = targets[i].Boundary.InteriorPoint;
            demand.Add(new DemandPoint(targets[i].Code, new GeoPoint(Math.Round(at.X, 7), Math.Round(at.Y, 7)), targets[i].Code, [.. columns.Select(c => (double)c[i])]));
        }

        var groups = new PopulationGroups(totals.Select(t => t.Group));
        return region with { Info = region.Info with { Groups = groups }, Demand = demand.ToImmutable() };
    }

    /// <summary>A note for region.json describing what was spread and how.</summary>
    public static string Note(CountyCensus census, string part, AdminLevel level, SpreadWeight weight, IReadOnlyList<(string Group, double Pct)> rates, string? rateSource) =>
        string.Create(CultureInfo.InvariantCulture,
            $"MODELLED: the 2020 census {part} population of {census.Name} ({census.Code}) spread over the {DomainNames.Of(level)} units of the extract in proportion to {Describe(weight)}; elderly = {census.Share65PlusPct} % aged 65+, children = {census.Share0To14Pct} % aged 0-14 (county shares)")
        + string.Concat(rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"; {r.Group} = {r.Pct} % ({rateSource ?? "given rate"})")))
        + "; one point per unit at its interior point; whole people by largest remainder";

    private static string Describe(SpreadWeight w) => w switch
    {
        SpreadWeight.Roads => "road length inside each unit (motorways and trunk roads excluded)",
        SpreadWeight.Area => "unit area",
        _ => "equal shares",
    };

    private static double[] Weights(Region region, List<AdminUnit> targets, SpreadWeight weight)
    {
        if (weight == SpreadWeight.Equal)
        {
            return [.. targets.Select(_ => 1.0)];
        }

        var projection = region.CreateProjection();
        var shapes = targets.Select(t => projection.Project(t.Boundary)).ToList();
        if (weight == SpreadWeight.Area)
        {
            return [.. shapes.Select(s => s.Area)];
        }

        var roads = new STRtree<Geometry>();
        foreach (var r in region.Roads.Where(r => !Unlived.Contains(r.Highway)))
        {
            var line = projection.Project(r.Line);
            roads.Insert(line.EnvelopeInternal, line);
        }

        roads.Build();
        var result = new double[targets.Count];
        for (int i = 0; i < shapes.Count; i++)
        {
            foreach (var road in roads.Query(shapes[i].EnvelopeInternal))
            {
                result[i] += RobustOverlay.Intersection(shapes[i], road).Length;
            }
        }

        return result;
    }
}
