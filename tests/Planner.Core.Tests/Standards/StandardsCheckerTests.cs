using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Standards;

namespace Planner.Core.Tests.Standards;

public class StandardsCheckerTests
{
    private static readonly string DefaultRules = Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "default.json");

    private static readonly string Gb50180Rules = Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "gb50180.json");

    private static Region Tiny => RegionFolderReader.Read(FixtureRegion.Original()).Region!;

    [Fact]
    public void Check_TownshipWithBuiltStation_PassesAsTheMinistryCountsAndShowsOperatingSeparately()
    {
        // s2 in 雄石街道 built but not operating: full coverage counts it; the check says none operates.
        var region = Tiny with { Stations = [.. Tiny.Stations.Select(s => s.Id == "s2" ? s with { Status = StationStatus.Built } : s)] };
        var checks = StandardsChecker.Check(region, RuleSet.Load(DefaultRules)).Where(c => c.RuleId == "coverage.township_station").ToList();
        Assert.Equal((1.0, true, (int?)0), (checks[1].Measured!.Value, checks[1].Passed, checks[1].Operating));
        Assert.Equal("1 built or operating station(s) in the unit, 0 operating", checks[1].Note);
        Assert.Equal((1.0, (int?)1), (checks[0].Measured!.Value, checks[0].Operating)); // s1 operates
    }

    [Fact]
    public void Check_UnitWithoutVolunteerTeam_FailsBothDatongRulesWithZero()
    {
        var region = Tiny with { Teams = [] };
        var checks = StandardsChecker.Check(region, RuleSet.Load(DefaultRules)).Where(c => c.RuleId.StartsWith("volunteers.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(checks);
        Assert.Equal(["volunteers.activity", "volunteers.registration"], checks.Select(c => c.RuleId).Distinct());
        Assert.All(checks, c => Assert.Equal((0.0, false, "no volunteer team", "无志愿服务队伍"), (c.Measured!.Value, c.Passed, c.Note, c.NoteIn("zh"))));
    }

    [Fact]
    public void Check_Gb50180Rules_ReadTheirOwnCircleAndGroupInBothLanguages()
    {
        // Two circles' figures for the same village: the 10-minute rule must read the 10-minute one.
        var figures = new[]
        {
            new UnitCoverageFigure("360681001001", "total", 120, 120) { Circle = "gb50180-15min" },
            new UnitCoverageFigure("360681001001", "total", 120, 60) { Circle = "gb50180-10min" },
        };
        var check = Assert.Single(StandardsChecker.Check(Tiny, RuleSet.Load(Gb50180Rules), figures), c => c.RuleId == "circle.village_10min" && c.SubjectId == "360681001001");
        Assert.Equal((0.5, false, "60 of 120 total covered by gb50180-10min"), (check.Measured!.Value, check.Passed, check.Note));
        Assert.StartsWith("每个村（社区）", check.RuleIn("zh"), StringComparison.Ordinal);
        Assert.StartsWith("Every village/community", check.RuleIn("en"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"circle\": \"gb50180-20min\", \"min\": 0.85", "rule r1 field 'circle': circle 'gb50180-20min' is unknown")]
    [InlineData("\"circle\": \"gb50180-15min\", \"min\": 85", "rule r1 field 'min'")]
    public void Load_BadUnitCoveredRule_NamesFileRuleAndField(string fields, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "rules": [ { "id": "r1", "kind": "unit_covered", "unitLevel": "village", {{fields}} } ] }""");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => RuleSet.Load(path));
            Assert.Contains($"{Path.GetFileName(path)} {expected}", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_TinyRegion_StaffingOfOperatingTownshipStationPasses()
    {
        var checks = StandardsChecker.Check(Tiny, RuleSet.Load(DefaultRules));

        // s1 has 3 social workers; its street governs 1 community: max(3, ceil(0.5 * 1)) = 3 required.
        var s1 = Assert.Single(checks, c => c.RuleId == "staffing.township_station");
        Assert.Equal(("s1", 3.0, 3.0, true), (s1.SubjectId, s1.Measured, s1.Required, s1.Passed));
        Assert.Equal("东门街道 governs 1 villages/communities", s1.Note);
    }

    [Fact]
    public void Check_TownshipWithoutOperatingStation_Fails()
    {
        var checks = StandardsChecker.Check(Tiny, RuleSet.Load(DefaultRules)).Where(c => c.RuleId == "coverage.township_station").ToList();

        Assert.Equal(["360681001", "360681002"], checks.Select(c => c.SubjectId));
        Assert.True(checks[0].Passed);
        Assert.Equal((0.0, false), (checks[1].Measured!.Value, checks[1].Passed)); // s2 is only planned
    }

    [Fact]
    public void Check_VolunteerRates_MeasuredFromTeams()
    {
        var checks = StandardsChecker.Check(Tiny, RuleSet.Load(DefaultRules));

        var activity = Assert.Single(checks, c => c.RuleId == "volunteers.activity");
        Assert.Equal((12.0 / 20, 0.5, ">", true), (activity.Measured!.Value, activity.Required, activity.Comparison, activity.Passed));
        var registration = Assert.Single(checks, c => c.RuleId == "volunteers.registration");
        Assert.Equal((19.0 / 20, true), (registration.Measured!.Value, registration.Passed));
    }

    [Fact]
    public void Check_Supervision_OnePerFiveSocialWorkersOverTheCountysBuiltAndOperatingStations()
    {
        // s1 (operating) has 3 social workers; add a built station with 4 and a planned one with 9 that must
        // not count: 3 + 4 = 7 workers need ceil(7 / 5) = 2 supervisors.
        var extra = new Station("s3", "罗河站", new GeoPoint(117.236, 28.286), StationLevel.VillagePoint, StationStatus.Built, 4, "360681001", Supervisors: 1);
        var planned = new Station("s4", "规划站", new GeoPoint(117.237, 28.286), StationLevel.VillagePoint, StationStatus.Planned, 9, "360681001");
        var stations = Tiny.Stations.Select(s => s.Id == "s1" ? s with { Supervisors = 0 } : s).Append(extra).Append(planned);
        var region = Tiny with { Stations = [.. stations] };

        var check = Assert.Single(StandardsChecker.Check(region, RuleSet.Load(DefaultRules)), c => c.RuleId == "staffing.supervision");
        Assert.Equal(("unit", "360681", 1.0, 2.0, false), (check.SubjectKind, check.SubjectId, check.Measured, check.Required, check.Passed));
        Assert.Equal("1 supervisor(s) for 7 social workers at 2 station(s)", check.Note);

        var enough = region with { Stations = [.. region.Stations.Select(s => s.Id == "s1" ? s with { Supervisors = 1 } : s)] };
        Assert.True(Assert.Single(StandardsChecker.Check(enough, RuleSet.Load(DefaultRules)), c => c.RuleId == "staffing.supervision").Passed);
    }

    [Fact]
    public void Check_Supervision_NotRecordedAtAStation_CannotBeMeasured()
    {
        var check = Assert.Single(StandardsChecker.Check(Tiny, RuleSet.Load(DefaultRules)), c => c.RuleId == "staffing.supervision");

        // Only s1 counts (s2 is planned), and it records no supervisors.
        Assert.Equal((null, 1.0, false), (check.Measured, check.Required, check.Passed));
        Assert.Equal("supervisors not recorded at 1 of 1 built or operating station(s)", check.Note);
    }

    [Fact]
    public void Load_SupervisionRuleWithoutWorkersPerSupervisor_NamesTheField()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"name":"x","rules":[{"id":"sup","kind":"supervision_ratio","unitLevel":"county"}]}""");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => RuleSet.Load(path));
            Assert.Contains("rule sup field 'workersPerSupervisor'", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_ActivityExactlyFiftyPercent_FailsBecauseTheRuleIsStrict()
    {
        var region = Tiny with { Teams = [Tiny.Teams[0] with { ActiveMembers = 10 }] };
        var activity = Assert.Single(StandardsChecker.Check(region, RuleSet.Load(DefaultRules)), c => c.RuleId == "volunteers.activity");
        Assert.False(activity.Passed);
    }

    [Fact]
    public void Check_VillageCoverage_UsesCoverageFigures()
    {
        var figures = new[] { new UnitCoverageFigure("360681001001", "total", 120, 90) };
        var check = Assert.Single(StandardsChecker.Check(Tiny, RuleSet.Load(DefaultRules), figures), c => c.RuleId == "coverage.village_circle");
        Assert.Equal((0.75, false, "90 of 120 total covered"), (check.Measured!.Value, check.Passed, check.Note));
    }

    [Fact]
    public void Check_VillageCoverageWithoutFigures_ReportedNotMeasured()
    {
        var check = Assert.Single(StandardsChecker.Check(Tiny, RuleSet.Load(DefaultRules)), c => c.RuleId == "coverage.village_circle");
        Assert.Null(check.Measured);
        Assert.False(check.Passed);
        Assert.Equal("coverage not computed", check.Note);
    }

    [Theory]
    [InlineData(5, 2, 3.0, false)]  // 5 villages: max(3, ceil(2.5)) = 3; 2 workers fail
    [InlineData(8, 3, 4.0, false)]  // 8 villages: 4 required
    [InlineData(8, 4, 4.0, true)]
    [InlineData(9, 5, 5.0, true)]   // ceil(4.5) = 5
    public void Check_TownshipStation_RequiresHalfTheGovernedVillagesAndAtLeastThree(int villages, int workers, double required, bool passed)
    {
        var f = new GeometryFactory();
        Geometry Box(double x) => f.CreatePolygon([new(x, 28), new(x + 0.01, 28), new(x + 0.01, 28.01), new(x, 28.01), new(x, 28)]);
        var units = new List<AdminUnit> { new("360681001", "街道", AdminLevel.Township, null, Box(117)) };
        units.AddRange(Enumerable.Range(0, villages).Select(i => new AdminUnit($"360681001{i:000}", $"村{i}", AdminLevel.Village, "360681001", Box(117 + (i * 0.001)))));
        var region = new Region
        {
            Info = new RegionInfo("t", "360681", InputCrs.Wgs84, new PopulationGroups(["total"]), 15, "walk", []),
            Units = [.. units],
            Stations = [new Station("s", "站", new GeoPoint(117.005, 28.005), StationLevel.TownshipStation, StationStatus.Operating, workers, null)],
        };

        var check = Assert.Single(StandardsChecker.Check(region, RuleSet.Load(DefaultRules)), c => c.RuleId == "staffing.township_station");
        Assert.Equal((required, passed), (check.Required, check.Passed));
    }

    [Fact]
    public void Load_UnknownKind_NamesFileRuleAndField()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"name\":\"x\",\"rules\":[{\"id\":\"r1\",\"kind\":\"magic\",\"unitLevel\":\"village\"}]}");
            var ex = Assert.Throws<InvalidDataException>(() => RuleSet.Load(path));
            Assert.StartsWith($"{Path.GetFileName(path)} rule r1 field 'kind': unknown kind 'magic'", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
