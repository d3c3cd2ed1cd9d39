using Planner.Core.Coverage;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Coverage;

public class GapFinderTests
{
    [Fact]
    public void Gaps_SeededRandomPoints_MatchBruteForceSingleLinkage()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var rng = new Random(seed);
            int n = rng.Next(5, 120);
            var xy = Enumerable.Range(0, n).Select(_ => (X: rng.NextDouble() * 4000, Y: rng.NextDouble() * 4000)).ToArray();
            var region = Region(Line(0, 4000), xy.Select((p, i) => Point($"p{i}", p.X, p.Y)), []);
            var report = CoverageCalculator.Compute(region, new CoverageOptions { MinIslandVertices = 0, MaxSnapMeters = 10000, BuildCircles = false });

            var expected = BruteForce(xy, 400).OrderBy(s => s).ToArray();
            var actual = report.Gaps.Select(g => g.Points).OrderBy(s => s).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"seed {seed}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
        }
    }

    private static IEnumerable<int> BruteForce((double X, double Y)[] p, double link)
    {
        var label = Enumerable.Range(0, p.Length).ToArray();
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < p.Length; i++)
            {
                for (int j = 0; j < p.Length; j++)
                {
                    double d = Math.Sqrt(((p[i].X - p[j].X) * (p[i].X - p[j].X)) + ((p[i].Y - p[j].Y) * (p[i].Y - p[j].Y)));
                    if (d <= link && label[j] < label[i])
                    {
                        label[i] = label[j];
                        changed = true;
                    }
                }
            }
        }

        return label.GroupBy(l => l).Select(g => g.Count());
    }
}
