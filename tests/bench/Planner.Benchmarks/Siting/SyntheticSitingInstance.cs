using System.Collections.Immutable;
using Planner.Core.Model;
using Planner.Core.Siting;

namespace Planner.Benchmarks.Siting;

/// <summary>
/// A seeded synthetic planar siting instance standing in for a county until the road-network engine supplies
/// real coverage sets: demand points and candidates scattered over a square in towns (Gaussian clusters) plus a
/// rural background, coverage = straight-line distance within a radius (a few hundred points per candidate).
/// </summary>
internal static class SyntheticSitingInstance
{
    public static readonly PopulationGroups Groups = new(["total", "elderly"]);

    /// <summary>Builds the instance.</summary>
    /// <param name="demandCount">Demand points.</param>
    /// <param name="candidateCount">Candidate sites.</param>
    /// <param name="sideMeters">Side of the square in metres.</param>
    /// <param name="radiusMeters">Coverage radius in metres.</param>
    /// <param name="seed">Random seed.</param>
    public static CoverageMatrix Create(int demandCount = 50_000, int candidateCount = 2_000, double sideMeters = 30_000, double radiusMeters = 1_200, int seed = 2026)
    {
        var rng = new Random(seed);
        var towns = Enumerable.Range(0, 40).Select(_ => (X: rng.NextDouble() * sideMeters, Y: rng.NextDouble() * sideMeters, Spread: 400 + (rng.NextDouble() * 1600))).ToArray();
        (double X, double Y) Place()
        {
            if (rng.NextDouble() < 0.25)
            {
                return (rng.NextDouble() * sideMeters, rng.NextDouble() * sideMeters);
            }

            var t = towns[rng.Next(towns.Length)];
            return (Math.Clamp(t.X + (Gaussian(rng) * t.Spread), 0, sideMeters), Math.Clamp(t.Y + (Gaussian(rng) * t.Spread), 0, sideMeters));
        }

        var points = Enumerable.Range(0, demandCount).Select(_ => Place()).ToArray();
        var demand = points.Select((_, i) =>
        {
            double total = 1 + rng.Next(200);
            return new SitingDemand($"d{i:00000}", ImmutableArray.Create(total, Math.Floor(total * 0.3 * rng.NextDouble())));
        }).ToList();
        var candidates = Enumerable.Range(0, candidateCount).Select(_ => Place()).ToArray();
        var sites = candidates.Select((_, j) => new SitingSite($"c{j:0000}")).ToList();

        // Grid buckets of one radius: a candidate's neighbours lie in the 3 x 3 cells around it.
        int cells = (int)Math.Ceiling(sideMeters / radiusMeters) + 1;
        var buckets = new List<int>[cells * cells];
        for (int i = 0; i < points.Length; i++)
        {
            (buckets[Cell(points[i].X) + (cells * Cell(points[i].Y))] ??= []).Add(i);
        }

        var entries = new List<(int, int, double)>();
        for (int j = 0; j < candidates.Length; j++)
        {
            int cx = Cell(candidates[j].X), cy = Cell(candidates[j].Y);
            for (int gx = Math.Max(0, cx - 1); gx <= Math.Min(cells - 1, cx + 1); gx++)
            {
                for (int gy = Math.Max(0, cy - 1); gy <= Math.Min(cells - 1, cy + 1); gy++)
                {
                    foreach (int i in buckets[gx + (cells * gy)] ?? [])
                    {
                        double d = Math.Sqrt(Math.Pow(points[i].X - candidates[j].X, 2) + Math.Pow(points[i].Y - candidates[j].Y, 2));
                        if (d <= radiusMeters)
                        {
                            entries.Add((j, i, d));
                        }
                    }
                }
            }
        }

        return new CoverageMatrix(Groups, demand, sites, entries, radiusMeters);

        int Cell(double v) => Math.Min(cells - 1, (int)(v / radiusMeters));
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
