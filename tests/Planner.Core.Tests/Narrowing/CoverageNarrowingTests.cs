using NetTopologySuite.Geometries;
using Planner.Core.Coverage;
using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Narrowing;
using Planner.Core.Standards;
using Planner.Core.Tests.Import;

namespace Planner.Core.Tests.Narrowing;

/// <summary>
/// A county report narrowed to a township (or to several) holds nothing of the rest of the county: every field
/// is checked against figures the test computes itself from the region's demand points and the full report's
/// per-point results, with the point's unit found here by walking <c>parent</c> links from its unit code (every
/// Guixi demand point names its village or grid) and by place for a point whose code the region does not know.
/// </summary>
public sealed class CoverageNarrowingTests
{
    private static readonly Lazy<(Region Region, CoverageReport Report, IReadOnlyList<StandardCheck> Checks)> Guixi = new(() =>
    {
        var region = RegionFolderReader.Read(Path.Combine(ImportFixtures.RepoRoot(), "data", "guixi")).Region!;
        var report = CoverageCalculator.Compute(region);
        var rules = RuleSet.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "default.json"));
        return (region, report, StandardsChecker.Check(region, rules, UnitCoverageFigure.From(report)));
    });

    [Theory]
    [InlineData("360681001")] // 花园街道
    [InlineData("360681002")] // 雄石街道
    [InlineData("360681003")] // 东门街道
    public void Narrow_GuixiTownshipScope_HoldsNothingOutsideTheScope(string prefix)
    {
        var (region, full, checks) = Guixi.Value;
        var selection = UnitSelection.UnderPrefix(region, prefix)!;
        var narrowed = CoverageNarrowing.Narrow(full, checks, region, selection);
        var report = narrowed.Report;

        var inScope = InScope(region, prefix);
        var held = region.Demand.Select(d => IsHeld(region, d, inScope)).ToArray();
        Assert.Contains(held, h => h);
        Assert.Contains(held, h => !h);

        // Units: exactly the full report's rows of units under the scope, in order.
        Assert.Equal(full.Units.Where(u => inScope.Contains(u.Code)).Select(u => u.Code), report.Units.Select(u => u.Code));
        Assert.All(report.Units, u => Assert.Same(full.Units.Single(f => f.Code == u.Code), u));

        // Stations: exactly those standing in the scope (by their unit code, else by place).
        var stationsIn = region.Stations.Where(s => IsHeld(region, s.UnitCode, s.Location, inScope)).Select(s => s.Id).ToHashSet();
        Assert.NotEmpty(stationsIn);
        Assert.Equal(full.Stations.Where(s => stationsIn.Contains(s.Id)).Select(s => s.Id), report.Stations.Select(s => s.Id));

        // Groups: population and covered people summed over the points in scope.
        foreach (var (name, g) in region.Groups.Names.Select((n, g) => (n, g)))
        {
            double population = Sum(region, held, g, _ => true);
            double covered = Sum(region, held, g, p => IsCovered(full, p, name));
            var figure = report.Groups[name];
            Assert.Equal(population, figure.Population, 6);
            Assert.Equal(covered, figure.Covered, 6);
            Assert.Equal(population > 0 ? Math.Round(covered / population, 6) : 0, figure.Share, 9);

            // Unreachable: the people in scope far from every road.
            Assert.Equal(Sum(region, held, g, p => full.Points[p].Unreachable), report.Unreachable[name], 6);

            // Gaps: together they hold every uncovered person in scope and nobody else.
            Assert.Equal(Sum(region, held, g, p => !IsCovered(full, p, name)), report.Gaps.Sum(x => x.Groups[name]), 6);
        }

        Assert.True(report.Groups["total"].Population < full.Groups["total"].Population);

        // Each gap: only points in scope, its people theirs, its outline inside the scope's boundary, none empty.
        var projection = region.CreateProjection();
        var boundary = selection.Boundary.Buffer(1e-7);
        int total = region.Groups.IndexOf("total");
        foreach (var gap in report.Gaps)
        {
            Assert.NotEmpty(gap.Members);
            Assert.Equal(gap.Members.Count, gap.Points);
            Assert.All(gap.Members, m => Assert.True(held[m.Point], $"{gap.Id} holds demand point {region.Demand[m.Point].Id} outside the scope"));
            var whole = full.Gaps.Single(f => f.Id == gap.Id);
            Assert.Equal(whole.Members.Where(m => held[m.Point]).Select(m => m.Point), gap.Members.Select(m => m.Point));
            foreach (var (name, g) in region.Groups.Names.Select((n, g) => (n, g)))
            {
                double expected = gap.Members.Sum(m => IsCovered(full, m.Point, name) ? 0 : region.Demand[m.Point].Counts[g]);
                Assert.Equal(expected, gap.Groups[name], 6);
            }

            Assert.NotNull(gap.Outline);
            Assert.True(boundary.Covers(gap.Outline), $"{gap.Id} outline {gap.Outline} leaves the scope");
            var xy = gap.Members.Select(m => (P: projection.Project(region.Demand[m.Point].Location), W: Math.Max(region.Demand[m.Point].Counts[total], 1e-9))).ToList();
            double w = xy.Sum(x => x.W);
            var centre = projection.Unproject(new ProjectedPoint(xy.Sum(x => x.P.X * x.W) / w, xy.Sum(x => x.P.Y * x.W) / w));
            Assert.Equal(centre.Lon, gap.Centroid[0], 1e-6);
            Assert.Equal(centre.Lat, gap.Centroid[1], 1e-6);
        }

        // The full report has a gap that straddles the scope's edge, so the cut above was exercised.
        Assert.Contains(full.Gaps, g => g.Members.Any(m => held[m.Point]) && g.Members.Any(m => !held[m.Point]));
        Assert.Equal(report.Gaps.OrderByDescending(g => g.Groups["total"]).Select(g => g.Id), report.Gaps.Select(g => g.Id));

        // No road-network totals (they are the county's graph), no per-point results (indexed by the county's points).
        Assert.NotNull(full.Network);
        Assert.Null(report.Network);
        Assert.Empty(report.Points);

        // Checks: those about units in scope and stations in scope, in order; nothing else.
        var expectedChecks = checks.Where(c => c.SubjectKind == "unit" ? inScope.Contains(c.SubjectId) : stationsIn.Contains(c.SubjectId)).ToList();
        Assert.NotEmpty(expectedChecks);
        Assert.Equal(expectedChecks, narrowed.Checks);
        Assert.Equal(full.Region, report.Region);
    }

    [Fact]
    public void Narrow_WholeCounty_KeepsEveryGapsPointsAndPeople()
    {
        var (region, full, checks) = Guixi.Value;
        var county = region.Units.Single(u => u.Level == AdminLevel.County);
        var report = CoverageNarrowing.Narrow(full, checks, region, UnitSelection.Of(region, county)).Report;
        Assert.Equal(full.Gaps.Select(g => (g.Id, g.Points, g.Centroid[0], g.Centroid[1])), report.Gaps.Select(g => (g.Id, g.Points, g.Centroid[0], g.Centroid[1])));
        Assert.All(report.Gaps, g => Assert.Same(full.Gaps.Single(f => f.Id == g.Id).Groups, g.Groups));
        Assert.Same(full.Units.Single(u => u.Code == county.Code).Groups, report.Groups);
    }

    [Fact]
    public void Narrow_ReportOfAnotherRegion_IsRefused()
    {
        var (region, full, checks) = Guixi.Value;
        var fewer = region with { Demand = region.Demand.RemoveAt(0) };
        Assert.Throws<ArgumentException>(() => CoverageNarrowing.Narrow(full, checks, fewer, UnitSelection.UnderPrefix(fewer, "360681001")!));
    }

    /// <summary>Codes of the units whose own code or an ancestor's (through parent) starts with the prefix's matching units.</summary>
    private static HashSet<string> InScope(Region region, string prefix)
    {
        var byCode = region.Units.ToDictionary(u => u.Code);
        return [.. region.Units.Where(u =>
        {
            for (var c = u; c is not null; c = c.ParentCode is { } p ? byCode.GetValueOrDefault(p) : null)
            {
                if (c.Code.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }).Select(u => u.Code)];
    }

    private static bool IsHeld(Region region, DemandPoint d, HashSet<string> inScope) => IsHeld(region, d.UnitCode, d.Location, inScope);

    private static bool IsHeld(Region region, string? unitCode, GeoPoint location, HashSet<string> inScope)
    {
        if (unitCode is not null && region.Units.Any(u => u.Code == unitCode))
        {
            return inScope.Contains(unitCode);
        }

        // No known code: the deepest unit containing the point.
        var point = new Point(location.Lon, location.Lat);
        var deepest = region.Units.Where(u => u.Boundary.Covers(point)).OrderByDescending(u => u.Level).FirstOrDefault();
        return deepest is not null && inScope.Contains(deepest.Code);
    }

    /// <summary>Covered at the group's pace: the base-pace minutes within the limit scaled by the group's speed.</summary>
    private static bool IsCovered(CoverageReport report, int p, string group)
    {
        double speed = report.GroupSpeedsKmh.GetValueOrDefault(group, report.SpeedKmh);
        return report.Points[p].Minutes is { } minutes && minutes <= report.Minutes * speed / report.SpeedKmh + 5e-4;
    }

    private static double Sum(Region region, bool[] held, int g, Func<int, bool> where) =>
        Enumerable.Range(0, held.Length).Where(p => held[p] && where(p)).Sum(p => region.Demand[p].Counts[g]);
}
