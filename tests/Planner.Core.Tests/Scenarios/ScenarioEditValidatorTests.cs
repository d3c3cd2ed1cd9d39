using Planner.Core.Model;
using Planner.Core.Network;
using Planner.Core.Scenarios;

namespace Planner.Core.Tests.Scenarios;

public sealed class ScenarioEditValidatorTests
{
    private readonly Region region = ScenarioTestRegion.Create();

    private IReadOnlyList<ScenarioProblem> Validate(params ScenarioEdit[] edits) => ScenarioEditValidator.Validate(region, edits);

    [Fact]
    public void Validate_TravelLimits_AcceptTheMaximaAndRefuseAbove()
    {
        Assert.Empty(Validate(new SetMinutesEdit(TravelLimits.MaxMinutes), new SetSpeedEdit(TravelLimits.MaxSpeedKmh), new SetModeEdit("drive")));
        var problems = Validate(new SetMinutesEdit(TravelLimits.MaxMinutes + 1), new SetSpeedEdit(125), new SetModeEdit("boat"));
        Assert.Equal(["edits[0].minutes", "edits[1].speed_kmh", "edits[2].mode"], problems.Select(p => p.Path));
        Assert.Equal([ScenarioProblemKind.OutOfRange, ScenarioProblemKind.OutOfRange, ScenarioProblemKind.Unknown], problems.Select(p => p.Kind));
        Assert.Equal("edit 2 (set_speed): speed 125 is out of range; give more than 0 and at most 120 km/h", problems[1].Describe());
    }

    [Fact]
    public void Validate_EditsInOrder_SeeWhatEarlierEditsAddedAndRemoved()
    {
        Assert.Empty(Validate(new AddStationEdit("S3", "新站", 117.12, 28.03), new MoveStationEdit("S3", 117.13, 28.04), new RemoveStationEdit("S3")));
        var problems = Validate(new RemoveStationEdit("S1"), new RestaffStationEdit("S1", 2), new AddTeamEdit("T2", "队", 117.1, 28.05, 3, 3, [], 2), new AddTeamEdit("T2", "又", 117.1, 28.05, 3, 3, [], 2));
        Assert.Equal(["edits[1].station_id", "edits[3].id"], problems.Select(p => p.Path));
        Assert.Equal([ScenarioProblemKind.Unknown, ScenarioProblemKind.Conflict], problems.Select(p => p.Kind));
        Assert.Contains("has 1 stations: S2", problems[0].Message);
    }

    [Fact]
    public void Validate_Positions_OutsideTheRegionOrSwapped_AreRefusedAtLon()
    {
        // The region spans 117.0-117.2 E, 28.0-28.1 N; 0.05 degrees around it are accepted.
        Assert.Empty(Validate(new MoveStationEdit("S1", 117.24, 28.14)));
        var problems = Validate(new MoveStationEdit("S1", 117.26, 28.05), new AddStationEdit("S4", "反了", 28.05, 117.1), new AddTeamEdit("T2", "远", -51.2, -30.0, 1, 1, [], 1));
        Assert.Equal(["edits[0].lon", "edits[1].lon", "edits[2].lon"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Equal(ScenarioProblemKind.OutOfRange, p.Kind));
        Assert.Contains("[lat, lon]", problems[1].Message);
        Assert.Contains("outside the region", problems[2].Message);
    }

    [Fact]
    public void Validate_OneEdit_ReportsEachBadField()
    {
        var problems = Validate(new AddStationEdit("S1", "重复", 117.1, 28.05, "palace", "closed", -1, "999"));
        Assert.Equal(["edits[0].id", "edits[0].level", "edits[0].status", "edits[0].social_workers", "edits[0].unit_code"], problems.Select(p => p.Path));
        Assert.Equal(ScenarioProblemKind.Conflict, problems[0].Kind);
    }

    [Theory]
    [InlineData(0, "factor 0 must be more than 0")]
    [InlineData(100.5, "factor 100.5 is more than 100")]
    public void Validate_ScaleFactor_MoreThanZeroAtMostMax(double factor, string message) =>
        Assert.Equal(message, Assert.Single(Validate(new ScaleGroupEdit("elderly", "360681001", factor))).Message);

    [Fact]
    public void Validate_Staff_AtMostMaxSocialWorkers()
    {
        Assert.Empty(Validate(new RestaffStationEdit("S1", ScenarioEdit.MaxSocialWorkers)));
        Assert.Equal("edits[0].social_workers", Assert.Single(Validate(new RestaffStationEdit("S1", ScenarioEdit.MaxSocialWorkers + 1))).Path);
    }

    [Fact]
    public void Apply_UsesTheValidator_ItsProblemsNameTheEdit()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioApplier.Apply(region, new Scenario("s", "测试县", [new SetMinutesEdit(10), new SetSpeedEdit(125)])));
        Assert.Equal([Validate(new SetMinutesEdit(10), new SetSpeedEdit(125)).Single().Describe()], e.Problems.ToArray());
    }
}
