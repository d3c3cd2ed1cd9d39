using Planner.Core.Scenarios;
using Xunit;

namespace Planner.Core.Tests.Scenarios;

public sealed class ScenarioJsonTests
{
    public static TheoryData<ScenarioEdit> Edits() =>
    [
        new AddStationEdit("S3", "新站", 117.12, 28.03, "village_point", "built", 1, "360681101"),
        new MoveStationEdit("S1", 117.09, 28.01),
        new RemoveStationEdit("S1"),
        new RestaffStationEdit("S1", 5),
        new ChangeStatusEdit("S2", "operating"),
        new RenameStationEdit("S1", "新名 <b>"),
        new ChangeLevelEdit("S1", "village_point"),
        new SetSupervisorsEdit("S2", 3),
        new SetMinutesEdit(10),
        new SetModeEdit("ebike"),
        new SetSpeedEdit(4.5),
        new ScaleGroupEdit("elderly", "360681001", 1.2),
        new AddTeamEdit("T2", "乙巡防队", 117.16, 28.06, 6, 4, ["patrol", "clinic"], 8.5),
        new RemoveTeamEdit("T1"),
    ];

    [Theory]
    [MemberData(nameof(Edits))]
    public void Edit_RoundTripsWithKindFirst(ScenarioEdit edit)
    {
        var json = ScenarioJson.Serialize(edit);
        Assert.StartsWith($"{{\"kind\":\"{edit.Kind}\"", json);
        Assert.Equal(json, ScenarioJson.Serialize(ScenarioJson.DeserializeEdit(json)));
    }

    [Fact]
    public void Scenario_ReadsHandWrittenJson_KindAnywhere()
    {
        var s = ScenarioJson.DeserializeScenario("""
            { "name": "老人增加", "base_region": "测试县",
              "edits": [ { "group": "elderly", "unit_code": "360681001", "factor": 1.2, "kind": "scale_group" },
                         { "kind": "move_station", "station_id": "S1", "lon": 117.09, "lat": 28.01 }, ] }
            """);
        Assert.Equal(new Scenario("老人增加", "测试县", [new ScaleGroupEdit("elderly", "360681001", 1.2), new MoveStationEdit("S1", 117.09, 28.01)]), s);
        Assert.Contains("\"name\":\"老人增加\"", ScenarioJson.Serialize(s));
    }

    [Fact]
    public void Edit_UnknownKind_ClearMessage()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioJson.DeserializeEdit("{\"kind\":\"teleport_station\",\"station_id\":\"S1\"}"));
        Assert.Contains("teleport_station", e.Message);
    }

    [Fact]
    public void Scenario_MissingNameAndBase_ListsBoth_EditsDefaultToEmpty()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioJson.DeserializeScenario("{}"));
        Assert.Equal(["scenario JSON has no \"name\"", "scenario JSON has no \"base_region\""], e.Problems.ToArray());
        Assert.Empty(ScenarioJson.DeserializeScenario("{\"name\":\"a\",\"base_region\":\"b\"}").Edits);
    }
}
