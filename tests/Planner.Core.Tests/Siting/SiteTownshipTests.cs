using Planner.Core.Model;
using Planner.Core.Siting;
using Planner.Core.Standards;
using Xunit;
using static Planner.Core.Tests.TestRegions;

namespace Planner.Core.Tests.Siting;

/// <summary>
/// The township floor of siting and the standards check place a station in the same township (one "which unit
/// holds this feature" rule, <see cref="UnitHierarchy"/>), also when the station's unit code and its location
/// disagree and when it stands on the boundary two townships share.
/// </summary>
public sealed class SiteTownshipTests
{
    [Fact]
    public void Township_CodeDisagreesWithLocationOrOnBoundary_SitingAndStandardsAgree()
    {
        // Townships A (x 0..1000 m) and B (x 1000..2000 m) of county C. s1 is coded to A but stands in B: by its
        // code it is A's. s2 has no code and stands on the shared edge x = 1000: both boundaries contain it, and
        // the first township in the region's order (A) holds it. c1 (a candidate) stands on the edge too: A.
        AdminUnit[] units =
        [
            new("C", "county", AdminLevel.County, null, Box(0, -1000, 2000, 1000)),
            new("A", "A", AdminLevel.Township, "C", Box(0, -1000, 1000, 1000)),
            new("B", "B", AdminLevel.Township, "C", Box(1000, -1000, 2000, 1000)),
        ];
        var region = Region(Line(0, 1000, 2000), [Point("d1", 500, 0), Point("d2", 1500, 0)],
            [Station("s1", 1500, 10) with { UnitCode = "A" }, Station("s2", 1000, 0)], units)
            with { Candidates = [new Candidate("c1", "c1", At(1000, 500), 1)] };

        var matrix = new RegionCoverageMatrixSource(new StraightLineTravelTimes(4.8, 1.3)).Build(region, 15, 15, CancellationToken.None);
        var township = matrix.Sites.ToDictionary(s => s.Id, s => s.TownshipCode);
        Assert.Equal("A", township["s1"]);
        Assert.Equal("A", township["s2"]);
        Assert.Equal("A", township["c1"]);

        var rules = new RuleSet("t", [new Rule { Id = "t.township", Kind = "unit_has_station", UnitLevel = "township", Status = "operating", Min = 1 }]);
        var checks = StandardsChecker.Check(region, rules).ToDictionary(c => c.SubjectId, c => c.Measured);
        Assert.Equal(2.0, checks["A"]);
        Assert.Equal(0.0, checks["B"]);
        Assert.Equal(township.Where(t => t.Key.StartsWith('s')).Count(t => t.Value == "A"), checks["A"]);
    }

    [Fact]
    public void Holding_PointOnSharedBoundary_OneUnitForEveryLevel()
    {
        AdminUnit[] units =
        [
            new("A", "A", AdminLevel.Township, null, Box(0, 0, 1000, 1000)),
            new("B", "B", AdminLevel.Township, null, Box(1000, 0, 2000, 1000)),
            new("A1", "A1", AdminLevel.Village, "A", Box(0, 0, 1000, 1000)),
            new("B1", "B1", AdminLevel.Village, "B", Box(1000, 0, 2000, 1000)),
        ];
        var hierarchy = new UnitHierarchy(units);
        var edge = At(1000, 500);
        Assert.Equal("A1", hierarchy.Holding(null, edge)?.Code);
        Assert.Equal("A", hierarchy.UnitAt(AdminLevel.Township, null, edge)?.Code);
        Assert.Equal("B1", hierarchy.Holding("B1", edge)?.Code);
        Assert.Equal("B", hierarchy.UnitAt(AdminLevel.Township, "B1", edge)?.Code);
        Assert.Null(hierarchy.Holding(null, At(5000, 500)));
    }
}
