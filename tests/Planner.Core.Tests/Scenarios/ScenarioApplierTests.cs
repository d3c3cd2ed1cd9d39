using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Scenarios;
using Xunit;

namespace Planner.Core.Tests.Scenarios;

public sealed class ScenarioApplierTests
{
    private readonly Region region = ScenarioTestRegion.Create();

    private AppliedScenario Apply(params ScenarioEdit[] edits) => ScenarioApplier.Apply(region, new Scenario("s", "测试县", [.. edits]));

    private string Problem(params ScenarioEdit[] edits) =>
        Assert.Throws<ScenarioException>(() => Apply(edits)).Message;

    [Fact]
    public void Apply_NoEdits_KeepsRegionAndUsesItsDefaults()
    {
        var applied = Apply();
        Assert.Same(region.Stations.ItemRef(0), applied.Region.Stations.ItemRef(0));
        Assert.Equal(new TravelParameters(15, "walk", null), applied.Parameters);
    }

    [Fact]
    public void AddStation_AppendsStationWithGivenFields()
    {
        var s = Apply(new AddStationEdit("S3", "新站", 117.12, 28.03, "village_point", "built", 1, "360681101")).Region.Stations;
        Assert.Equal(["S1", "S2", "S3"], s.Select(x => x.Id));
        Assert.Equal(new Station("S3", "新站", new GeoPoint(117.12, 28.03), StationLevel.VillagePoint, StationStatus.Built, 1, "360681101"), s[2]);
    }

    [Fact]
    public void MoveStation_ChangesOnlyItsLocation()
    {
        var s = Apply(new MoveStationEdit("S1", 117.09, 28.01)).Region.Stations;
        Assert.Equal(region.Stations[0] with { Location = new GeoPoint(117.09, 28.01) }, s[0]);
        Assert.Equal(region.Stations[1], s[1]);
        Assert.Equal(new GeoPoint(117.05, 28.05), region.Stations[0].Location);
    }

    [Fact]
    public void RemoveStation_LeavesTheOthers() =>
        Assert.Equal(["S2"], Apply(new RemoveStationEdit("S1")).Region.Stations.Select(s => s.Id));

    [Fact]
    public void RestaffAndChangeStatus_SetTheFields()
    {
        var s = Apply(new RestaffStationEdit("S1", 5), new ChangeStatusEdit("S2", "operating")).Region.Stations;
        Assert.Equal((5, StationStatus.Operating), (s[0].SocialWorkers, s[0].Status));
        Assert.Equal((2, StationStatus.Operating), (s[1].SocialWorkers, s[1].Status));
    }

    [Fact]
    public void RenameChangeLevelSetSupervisors_SetThoseFieldsOfThatStationOnly()
    {
        var s = Apply(new RenameStationEdit("S1", "新名"), new ChangeLevelEdit("S1", "village_point"), new SetSupervisorsEdit("S2", 2)).Region.Stations;
        Assert.Equal(region.Stations[0] with { Name = "新名", Level = StationLevel.VillagePoint }, s[0]);
        Assert.Equal(region.Stations[1] with { Supervisors = 2 }, s[1]);
    }

    [Fact]
    public void RenameChangeLevelSetSupervisors_BadFields_AreRefusedNamingTheField()
    {
        var e = Assert.Throws<ScenarioException>(() => Apply(
            new RenameStationEdit("S1", " "), new ChangeLevelEdit("S2", "palace"), new SetSupervisorsEdit("S9", 1), new SetSupervisorsEdit("S1", -1)));
        Assert.Equal(4, e.Problems.Length);
        Assert.Contains("name cannot be blank", e.Problems[0]);
        Assert.Contains("unknown level 'palace'", e.Problems[1]);
        Assert.Contains("'S9'", e.Problems[2]);
        Assert.Contains("edit 4 (set_supervisors): supervisors -1 is negative", e.Problems[3]);
    }

    [Fact]
    public void SetMinutesModeSpeed_OverrideDefaultsInOrder()
    {
        var p = Apply(new SetMinutesEdit(10), new SetModeEdit("ebike"), new SetSpeedEdit(15), new SetMinutesEdit(20)).Parameters;
        Assert.Equal(new TravelParameters(20, "ebike", 15), p);
    }

    [Fact]
    public void ScaleGroup_ElderlyInTownship_ScalesDescendantsAndContainedPoints_AndAddsToTotal()
    {
        // Township A holds p1 (village A1 code), p2 (township code), p4 (no code, inside) and p6 (unknown code, inside).
        var r = Apply(new ScaleGroupEdit("elderly", "360681001", 1.5)).Region;
        Assert.Equal([115, 45, 10], ScenarioTestRegion.Counts(r, "p1"));
        Assert.Equal([225, 75, 20], ScenarioTestRegion.Counts(r, "p2"));
        Assert.Equal([300, 60, 40], ScenarioTestRegion.Counts(r, "p3"));
        Assert.Equal([55, 15, 5], ScenarioTestRegion.Counts(r, "p4"));
        Assert.Equal([70, 20, 7], ScenarioTestRegion.Counts(r, "p5"));
        Assert.Equal([12, 6, 1], ScenarioTestRegion.Counts(r, "p6"));
        Assert.Equal([777, 221, 83], r.PopulationByGroup());
        Assert.Equal([730, 174, 83], region.PopulationByGroup());
    }

    [Fact]
    public void ScaleGroup_Total_ChangesOnlyTotal()
    {
        var r = Apply(new ScaleGroupEdit("total", "360681101", 2)).Region;
        Assert.Equal([600, 60, 40], ScenarioTestRegion.Counts(r, "p3"));
        Assert.Equal([140, 20, 7], ScenarioTestRegion.Counts(r, "p5"));
        Assert.Equal([100, 30, 10], ScenarioTestRegion.Counts(r, "p1"));
    }

    [Fact]
    public void AddAndRemoveTeam()
    {
        var teams = Apply(new AddTeamEdit("T2", "乙巡防队", 117.16, 28.06, 6, 4, ["patrol"], 8.5), new RemoveTeamEdit("T1")).Region.Teams;
        var t = Assert.Single(teams);
        Assert.Equal(("T2", 6, 4, "patrol", 8.5, new GeoPoint(117.16, 28.06)), (t.Id, t.Members, t.ActiveMembers, t.Skills.Single(), t.WeeklyHours, t.Base));
    }

    [Fact]
    public void Edits_ApplyInOrder_AddedStationCanBeMoved()
    {
        var s = Apply(new AddStationEdit("S3", "新站", 117.12, 28.03), new MoveStationEdit("S3", 117.13, 28.04)).Region.Stations[2];
        Assert.Equal(new GeoPoint(117.13, 28.04), s.Location);
    }

    [Fact]
    public void Invalid_UnknownStation_NamesEditAndKnownStations()
    {
        var message = Problem(new SetMinutesEdit(10), new MoveStationEdit("S9", 117.1, 28.1));
        Assert.Contains("edit 2 (move_station): unknown station 'S9'", message);
        Assert.Contains("S1, S2", message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Invalid_FactorNotPositive_IsRefused(double factor) =>
        Assert.Contains($"factor {factor} must be more than 0", Problem(new ScaleGroupEdit("elderly", "360681001", factor)));

    [Fact]
    public void Invalid_EveryProblemIsListed()
    {
        var e = Assert.Throws<ScenarioException>(() => Apply(
            new ScaleGroupEdit("youth", "360681001", 1.1),
            new ScaleGroupEdit("elderly", "000", 1.1),
            new SetModeEdit("plane"),
            new SetMinutesEdit(0),
            new AddStationEdit("S1", "重复", 117, 28),
            new AddStationEdit("S4", "反了", 28.1, 117.1),
            new ChangeStatusEdit("S2", "closed"),
            new RemoveTeamEdit("T7"),
            new RestaffStationEdit("S1", -2)));
        Assert.Equal(9, e.Problems.Length);
        Assert.Contains("unknown group 'youth'", e.Problems[0]);
        Assert.Contains("unknown unit '000'", e.Problems[1]);
        Assert.Contains("unknown mode 'plane'", e.Problems[2]);
        Assert.Contains("minutes 0", e.Problems[3]);
        Assert.Contains("station 'S1' already exists", e.Problems[4]);
        Assert.Contains("lon/lat look swapped", e.Problems[5]);
        Assert.Contains("unknown status 'closed'", e.Problems[6]);
        Assert.Contains("unknown team 'T7'", e.Problems[7]);
        Assert.Contains("edit 9 (restaff_station): social workers -2 is negative", e.Problems[8]);
    }

    [Fact]
    public void Invalid_OtherBaseRegion_IsRefused() =>
        Assert.Contains("based on region '别的县'", Assert.Throws<ScenarioException>(() => ScenarioApplier.Apply(region, new Scenario("s", "别的县", []))).Message);

    [Fact]
    public void Apply_RegionStoredUnderAKey_ChecksTheKeyNotTheOwnName()
    {
        var key = new Planner.Core.Regions.RegionKey("ceshi");
        Assert.Empty(ScenarioApplier.Validate(key, region, new Scenario("s", "ceshi", [new RemoveStationEdit("S2")])));
        Assert.Contains("based on region '测试县', not 'ceshi'", Assert.Throws<ScenarioException>(() => ScenarioApplier.Apply(key, region, new Scenario("s", "测试县", []))).Message);
    }

    [Fact]
    public void Validate_ValidScenario_HasNoProblems() =>
        Assert.Empty(ScenarioApplier.Validate(region, new Scenario("s", "测试县", [new RemoveStationEdit("S2"), new SetSpeedEdit(4.5)])));
}
