using System.Globalization;
using Planner.Core.Synthetic;
using Planner.Storage;

namespace Planner.Benchmarks;

/// <summary>
/// <c>seed-counties STORE COUNT EDGES POINTS</c>: stores COUNT generated counties (fixed seeds 1001.., keys
/// bench-001.., division codes 36xx01) in a workspace store, for tests/bench/batch.sh.
/// </summary>
internal static class CountySeeder
{
    public static async Task RunAsync(string store, int count, int edges, int points)
    {
        await using var workspace = await StoreFactory.OpenAsync(store, CancellationToken.None);
        for (int i = 1; i <= count; i++)
        {
            var region = SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(edges, points, Stations: 12, Seed: 1000 + i));
            var code = string.Create(CultureInfo.InvariantCulture, $"36{i:D2}01");
            region = region with { Info = region.Info with { Code = code, Name = $"合成县 {i:D3} (synthetic county)" } };
            await workspace.SaveRegionAsync(string.Create(CultureInfo.InvariantCulture, $"bench-{i:D3}"), region, null, CancellationToken.None);
        }

        Console.WriteLine($"stored {count} counties of {edges} edges and {points} points");
    }
}
