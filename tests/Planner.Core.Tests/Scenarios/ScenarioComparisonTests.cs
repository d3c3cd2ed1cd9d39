using Planner.Core.Coverage;
using Planner.Core.Scenarios;
using Xunit;

namespace Planner.Core.Tests.Scenarios;

public class ScenarioComparisonTests
{
    private static CoverageReport Report(double coveredTotal, double coveredElderly, (string Id, double Total)[] stations, (string Id, double Lon, double Lat, double People)[] gaps,
        double townA, double townB) => new()
    {
        Region = "测试县",
        Minutes = 15,
        Mode = "walk",
        SpeedKmh = 4.8,
        Method = "network",
        GroupSpeedsKmh = new Dictionary<string, double>(),
        Groups = new Dictionary<string, GroupCoverage>
        {
            ["total"] = new(1000, coveredTotal, coveredTotal / 1000),
            ["elderly"] = new(200, coveredElderly, coveredElderly / 200),
        },
        Unreachable = new Dictionary<string, double>(),
        Units =
        [
            new UnitCoverage("A", "甲街道", "township", null, new Dictionary<string, GroupCoverage> { ["total"] = new(600, townA, townA / 600) }, 0),
            new UnitCoverage("B", "乙镇", "township", null, new Dictionary<string, GroupCoverage> { ["total"] = new(400, townB, townB / 400) }, 0),
        ],
        Stations = [.. stations.Select(s => new StationCoverage(s.Id, s.Id, "operating", 3, true, new Dictionary<string, double> { ["total"] = s.Total }, 0, 0, 0))],
        Gaps = [.. gaps.Select(g => new CoverageGap(g.Id, [g.Lon, g.Lat], 1, new Dictionary<string, double> { ["total"] = g.People }))],
    };

    [Fact]
    public void Compare_HandMadeReports_GivesDifferences()
    {
        var a = Report(500, 80, [("S1", 300), ("S2", 250), ("S3", 100)], [("gap-1", 117.00, 28.00, 120), ("gap-2", 117.10, 28.10, 50)], 350, 150);
        // S2 changes, S3 closes, S4 opens; gap-1 moves 100 m (same gap), gap-2 closes, a gap far away opens.
        var b = Report(640, 70, [("S1", 300), ("S2", 260), ("S4", 180)], [("gap-1", 117.001, 28.00, 110), ("gap-9", 117.20, 28.20, 30)], 350, 290);
        var c = ScenarioComparison.Compare("a", a, "b", b);

        var total = c.Groups.Single(g => g.Group == "total");
        Assert.Equal((500.0, 640.0, 140.0, 0.14), (total.CoveredA, total.CoveredB, total.Change, total.ShareChange));
        var elderly = c.Groups.Single(g => g.Group == "elderly");
        Assert.Equal((-10.0, -0.05), (elderly.Change, elderly.ShareChange));

        var unit = Assert.Single(c.Units);
        Assert.Equal(("B", "total", 140.0, 0.35), (unit.Code, unit.Group, unit.Change, unit.ShareChange));

        Assert.Equal(["S2:changed", "S3:removed", "S4:added"], c.Stations.Select(s => $"{s.Id}:{s.Change}"));
        Assert.Equal(260, c.Stations[0].CatchmentB["total"]);
        Assert.Equal("gap-9", Assert.Single(c.NewGaps).Id);
        Assert.Equal("gap-2", Assert.Single(c.ClosedGaps).Id);
    }

    [Fact]
    public void Compare_SameReport_HasNoDifferences()
    {
        var a = Report(500, 80, [("S1", 300)], [("gap-1", 117.0, 28.0, 10)], 350, 150);
        var c = ScenarioComparison.Compare("a", a, "a", a);
        Assert.All(c.Groups, g => Assert.Equal(0, g.Change));
        Assert.Empty(c.Units);
        Assert.Empty(c.Stations);
        Assert.Empty(c.NewGaps);
        Assert.Empty(c.ClosedGaps);
    }

    [Fact]
    public void ToCsv_ListsSectionsWithChanges()
    {
        var a = Report(500, 80, [("S1", 300)], [], 350, 150);
        var b = Report(600, 80, [("S1", 320), ("S2", 90)], [("gap-1", 117.0, 28.0, 25)], 450, 150);
        var lines = ScenarioComparison.Compare("a", a, "b", b).ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,key,name,group,a,b,change", lines[0]);
        Assert.Contains("region,,,total,500,600,100", lines);
        Assert.Contains("unit,A,甲街道,total,350,450,100", lines);
        Assert.Contains("station:changed,S1,S1,total,300,320,20", lines);
        Assert.Contains("station:added,S2,S2,total,0,90,90", lines);
        Assert.Contains("gap:new,117 28,gap-1,total,0,25,25", lines);
    }
}
