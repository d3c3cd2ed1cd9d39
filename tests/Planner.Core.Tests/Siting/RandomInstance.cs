using System.Collections.Immutable;
using Planner.Core.Model;
using Planner.Core.Siting;

namespace Planner.Core.Tests.Siting;

/// <summary>A small seeded random siting instance kept as plain arrays, so brute force never touches the code under test.</summary>
internal sealed class RandomInstance
{
    public static readonly PopulationGroups Groups = new(["total", "elderly"]);

    public RandomInstance(int seed, int sites, int demand, double radius, bool withRoles = false, bool withTownships = false)
    {
        var rng = new Random(seed);
        Radius = radius;
        Costs = new double[demand, sites];
        Counts = new double[demand, 2];
        var sx = Enumerable.Range(0, sites).Select(_ => (rng.NextDouble() * 100, rng.NextDouble() * 100)).ToArray();
        for (int i = 0; i < demand; i++)
        {
            (double x, double y) = (rng.NextDouble() * 100, rng.NextDouble() * 100);
            Counts[i, 0] = rng.Next(1, 100);
            Counts[i, 1] = Math.Floor(Counts[i, 0] * rng.NextDouble() * 0.4);
            for (int j = 0; j < sites; j++)
            {
                Costs[i, j] = Math.Round(Math.Sqrt(((x - sx[j].Item1) * (x - sx[j].Item1)) + ((y - sx[j].Item2) * (y - sx[j].Item2))), 1);
            }
        }

        Roles = new SiteRole[sites];
        SiteCost = new double[sites];
        Township = new string?[sites];
        for (int j = 0; j < sites; j++)
        {
            SiteCost[j] = rng.Next(1, 6);
            Township[j] = withTownships ? $"T{j % 3}" : null;
            Roles[j] = withRoles ? rng.Next(8) switch { 0 => SiteRole.Existing, 1 => SiteRole.Excluded, 2 => SiteRole.Forced, _ => SiteRole.Candidate } : SiteRole.Candidate;
        }

        if (withRoles && Roles.Count(r => r == SiteRole.Forced) > 1)
        {
            // Keep at most one forced site so that small p stays feasible.
            for (int j = Array.LastIndexOf(Roles, SiteRole.Forced); j >= 0 && Roles.Count(r => r == SiteRole.Forced) > 1; j--)
            {
                if (Roles[j] == SiteRole.Forced)
                {
                    Roles[j] = SiteRole.Candidate;
                }
            }
        }
    }

    public double Radius { get; }

    public double[,] Costs { get; }

    public double[,] Counts { get; }

    public SiteRole[] Roles { get; }

    public double[] SiteCost { get; }

    public string?[] Township { get; }

    public int SiteCount => Costs.GetLength(1);

    public int DemandCount => Costs.GetLength(0);

    public CoverageMatrix Matrix(double? maxCost = null) => CoverageMatrix.FromDense(
        Groups,
        [.. Enumerable.Range(0, DemandCount).Select(i => new SitingDemand($"d{i:00}", ImmutableArray.Create(Counts[i, 0], Counts[i, 1])))],
        [.. Enumerable.Range(0, SiteCount).Select(j => new SitingSite($"s{j:00}", SiteCost[j], Roles[j], TownshipCode: Township[j]))],
        Costs,
        Radius,
        maxCost);
}
