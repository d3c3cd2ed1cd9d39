using System.Text.Json;
using Planner.Core.Scenarios;

namespace Planner.Core.Tests.Scenarios;

public sealed class ScenarioEditJsonTests
{
    public static TheoryData<ScenarioEdit> Edits() => ScenarioJsonTests.Edits();

    [Theory]
    [MemberData(nameof(Edits))]
    public void Parse_SerializedEdit_GivesTheSameEdit(ScenarioEdit edit)
    {
        // The serializer writes the exchange form; the edge parser must read back what it wrote.
        var (edits, problems) = ScenarioEditJson.Parse("[" + ScenarioJson.Serialize(edit) + "]");
        Assert.Empty(problems);
        Assert.Equal(ScenarioJson.Serialize(edit), ScenarioJson.Serialize(Assert.Single(edits)));
    }

    [Fact]
    public void Parse_EveryKindOfTheSerializer_IsKnown() =>
        Assert.Equal(((IEnumerable<object[]>)Edits()).Select(row => ((ScenarioEdit)row[0]).Kind), ScenarioEditJson.Kinds);

    [Fact]
    public void Parse_AddStationWithoutOptionalFields_TakesTheRecordDefaults()
    {
        var (edits, problems) = ScenarioEditJson.Parse("""[{"kind":"add_station","id":"n1","lon":117.1,"lat":28.05,"level":null}]""");
        Assert.Empty(problems);
        Assert.Equal(new AddStationEdit("n1", "n1", 117.1, 28.05), Assert.Single(edits));
    }

    [Fact]
    public void Parse_SingleObject_IsOneEdit() =>
        Assert.Equal(new SetSpeedEdit(12.5), Assert.Single(ScenarioEditJson.Parse("""{"speed_kmh":12.5,"kind":"set_speed"}""").Edits));

    [Fact]
    public void Parse_WrongKinds_NameEachPathAndNeverThrow()
    {
        var (edits, problems) = ScenarioEditJson.Parse("""
            [
              {"kind":"set_minutes","minutes":10},
              {"kind":"move_station","station_id":"S1","lon":"117.1","lat":28.0},
              {"kind":"add_team","id":"T9","lon":117.1,"lat":28.0,"members":2.5,"skills":["a",3]},
              "set_mode",
              {"kind":"teleport"},
              {"kind":"restaff_station","station_id":7},
              {"kind":"set_speed"}
            ]
            """);
        Assert.Equal(new ScenarioEdit[] { new SetMinutesEdit(10) }, edits.ToArray());
        Assert.Equal(
            ["edits[1].lon", "edits[2].members", "edits[2].skills", "edits[3].kind", "edits[4].kind", "edits[5].station_id", "edits[5].social_workers", "edits[6].speed_kmh"],
            problems.Select(p => p.Path));
        Assert.All(problems.Where(p => p.Path != "edits[4].kind"), p => Assert.Equal(ScenarioProblemKind.Malformed, p.Kind));
        Assert.Equal(ScenarioProblemKind.Unknown, problems.Single(p => p.Path == "edits[4].kind").Kind);
        Assert.Contains("add_station", problems.Single(p => p.Path == "edits[4].kind").Message);
        Assert.Equal("edit 2 (move_station): must be a number.", problems[0].Describe());
    }

    [Theory]
    [InlineData("""{"kind":"set_minutes"}""")]
    [InlineData("42")]
    [InlineData("null")]
    public void Parse_NotAnArray_IsOneProblemAtEdits(string json)
    {
        using var document = JsonDocument.Parse(json);
        var (edits, problems) = ScenarioEditJson.Parse(document.RootElement);
        Assert.Empty(edits);
        Assert.Equal("edits", Assert.Single(problems).Path);
    }

    [Fact]
    public void Parse_TextThatIsNotJson_IsOneProblem()
    {
        var problem = Assert.Single(ScenarioEditJson.Parse("[{\"kind\":").Problems);
        Assert.Equal(("edits", ScenarioProblemKind.Malformed), (problem.Path, problem.Kind));
        Assert.StartsWith("is not JSON", problem.Message);
    }
}
