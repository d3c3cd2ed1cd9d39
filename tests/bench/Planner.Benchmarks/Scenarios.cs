using Planner.Core.Model;
using Planner.Core.Synthetic;

namespace Planner.Benchmarks;

/// <summary>The two sizes of the speed targets, generated once per process.</summary>
internal static class Scenarios
{
    private static Region? _county;
    private static Region? _city;

    /// <summary>County scale: 50,000 edges, 20,000 demand points, 250 stations.</summary>
    public static Region County => _county ??= SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(50_000, 20_000, 250, Seed: 42));

    /// <summary>City scale: 1,000,000 edges, 1,000,000 demand points, 5,000 stations.</summary>
    public static Region City => _city ??= SyntheticRegionGenerator.Generate(new SyntheticRegionSpec(1_000_000, 1_000_000, 5_000, Seed: 7));
}
