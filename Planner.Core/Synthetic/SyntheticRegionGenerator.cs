using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Synthetic;

/// <summary>
/// Makes synthetic regions of a given size with the structure of a Chinese county: a town street grid with
/// jittered intersections, missing blocks and arterials; villages (small grids) joined to the town by winding
/// country roads; a few road classes walking may not use (motorway, private service roads) and some small
/// disconnected fragments; population clustered around the town centre and the villages with elderly and
/// children groups; stations near population; a county / township / village unit hierarchy. Deterministic
/// from the seed. Coordinates are built in metres and stored in WGS84.
/// </summary>
public static class SyntheticRegionGenerator
{
    private static readonly GeometryFactory Factory = GeometryFactories.Projected;
    private static readonly PopulationGroups Groups = new(["total", "elderly", "children"]);

    /// <summary>Generates the region described by <paramref name="spec"/>.</summary>
    public static Region Generate(SyntheticRegionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rng = new Random(spec.Seed);
        var builder = new SyntheticRoads(rng, spec.BlockMeters);
        int townSide = Math.Max(3, (int)Math.Sqrt(spec.Edges * 0.88 / 2));
        builder.Town(townSide);
        double extent = townSide * spec.BlockMeters;
        var villages = new List<ProjectedPoint>();
        int villageEdges = (int)(spec.Edges * 0.18);
        while (villageEdges > 0)
        {
            var centre = new ProjectedPoint((rng.NextDouble() * 1.6 - 0.3) * extent, (rng.NextDouble() * 1.6 - 0.3) * extent);
            int side = rng.Next(3, 7);
            villageEdges -= builder.Village(centre, side, extent);
            villages.Add(centre);
        }

        builder.Fragments(Math.Max(1, spec.Edges / 2000), extent);
        var projection = LocalProjection.ForCenter(spec.Origin);
        var origin = projection.Project(spec.Origin);
        var cache = new Dictionary<ProjectedPoint, Coordinate>();
        Coordinate ToWgs(ProjectedPoint p)
        {
            if (!cache.TryGetValue(p, out var c))
            {
                var g = projection.Unproject(new ProjectedPoint(origin.X + p.X, origin.Y + p.Y));
                cache[p] = c = new Coordinate(g.Lon, g.Lat);
            }

            return c;
        }

        var roads = builder.Ways.Select((w, i) => new Road($"w{i}", Factory.CreateLineString([.. w.Points.Select(ToWgs)]), w.Tags)).ToImmutableArray();
        cache.Clear();
        GeoPoint Geo(ProjectedPoint p) => projection.Unproject(new ProjectedPoint(origin.X + p.X, origin.Y + p.Y));

        var centres = new List<(ProjectedPoint Centre, double Spread, double Weight)> { (new(extent / 2, extent / 2), extent / 4, 4) };
        for (int k = 0; k < Math.Max(2, townSide / 12); k++)
        {
            centres.Add((new(rng.NextDouble() * extent, rng.NextDouble() * extent), extent / 12, 1));
        }

        centres.AddRange(villages.Select(v => (v, spec.BlockMeters * 2.5, 0.3)));
        var demand = Demand(rng, spec.DemandPoints, centres, Geo);
        var stations = Stations(rng, spec.Stations, centres, Geo);
        return new Region
        {
            Info = new RegionInfo($"synthetic-{spec.Edges}-{spec.Seed}", "360000", InputCrs.Wgs84, Groups, 15, "walk",
                [new DataSource("all", "SyntheticRegionGenerator", "CC0", true, $"seed {spec.Seed}")]),
            Roads = roads,
            Demand = demand,
            Stations = stations,
            Units = Units(extent, Geo),
        };
    }

    private static ImmutableArray<DemandPoint> Demand(Random rng, int count, List<(ProjectedPoint Centre, double Spread, double Weight)> centres, Func<ProjectedPoint, GeoPoint> geo)
    {
        double totalWeight = centres.Sum(c => c.Weight);
        var points = ImmutableArray.CreateBuilder<DemandPoint>(count);
        for (int i = 0; i < count; i++)
        {
            var (centre, spread, _) = Pick(rng, centres, totalWeight);
            var p = new ProjectedPoint(centre.X + (Gaussian(rng) * spread), centre.Y + (Gaussian(rng) * spread));
            double total = Math.Round(Math.Exp(3.5 + (Gaussian(rng) * 0.8)));
            double elderly = Math.Round(total * (0.12 + (0.1 * rng.NextDouble())));
            double children = Math.Round(total * (0.1 + (0.08 * rng.NextDouble())));
            points.Add(new DemandPoint($"d{i}", geo(p), null, [total, elderly, children]));
        }

        return points.MoveToImmutable();
    }

    private static ImmutableArray<Station> Stations(Random rng, int count, List<(ProjectedPoint Centre, double Spread, double Weight)> centres, Func<ProjectedPoint, GeoPoint> geo)
    {
        double totalWeight = centres.Sum(c => c.Weight);
        var stations = ImmutableArray.CreateBuilder<Station>(count);
        for (int i = 0; i < count; i++)
        {
            var (centre, spread, _) = Pick(rng, centres, totalWeight);
            var p = new ProjectedPoint(centre.X + (Gaussian(rng) * spread), centre.Y + (Gaussian(rng) * spread));
            double u = rng.NextDouble();
            var status = u < 0.85 ? StationStatus.Operating : u < 0.93 ? StationStatus.Built : StationStatus.Planned;
            var level = i == 0 ? StationLevel.CountyCenter : rng.NextDouble() < 0.3 ? StationLevel.TownshipStation : StationLevel.VillagePoint;
            stations.Add(new Station($"s{i}", $"Station {i}", geo(p), level, status, rng.Next(1, 7), null));
        }

        return stations.MoveToImmutable();
    }

    private static ImmutableArray<AdminUnit> Units(double extent, Func<ProjectedPoint, GeoPoint> geo)
    {
        double lo = -0.5 * extent, hi = 1.5 * extent, step = (hi - lo) / 4;
        Polygon Box(double x0, double y0, double x1, double y1) => Factory.CreatePolygon(
            new[] { (x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0) }.Select(c => geo(new ProjectedPoint(c.Item1, c.Item2))).Select(g => new Coordinate(g.Lon, g.Lat)).ToArray());
        var units = ImmutableArray.CreateBuilder<AdminUnit>();
        units.Add(new AdminUnit("360000", "Synthetic county", AdminLevel.County, null, Box(lo, lo, hi, hi), true));
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                string town = $"360000{(i * 4) + j + 1:000}";
                double x0 = lo + (i * step), y0 = lo + (j * step);
                units.Add(new AdminUnit(town, $"Township {(i * 4) + j + 1}", AdminLevel.Township, "360000", Box(x0, y0, x0 + step, y0 + step), true));
                for (int k = 0; k < 4; k++)
                {
                    double vx = x0 + (k % 2 * step / 2), vy = y0 + (k / 2 * step / 2);
                    units.Add(new AdminUnit($"{town}{k + 1:000}", $"Village {town}-{k + 1}", AdminLevel.Village, town, Box(vx, vy, vx + (step / 2), vy + (step / 2)), true));
                }
            }
        }

        return units.ToImmutable();
    }

    private static (ProjectedPoint Centre, double Spread, double Weight) Pick(Random rng, List<(ProjectedPoint Centre, double Spread, double Weight)> items, double totalWeight)
    {
        double u = rng.NextDouble() * totalWeight;
        foreach (var item in items)
        {
            u -= item.Weight;
            if (u <= 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
