using System.Text.Json;
using Planner.Cli.Commands;

namespace Planner.Cli.Tests;

public class CheckCommandTests
{
    private static readonly DirectoryInfo Tiny = new(Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny"));
    private static readonly FileInfo Rules = new(Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "default.json"));

    // By hand: d1 (117.225, 28.2855) is 55.4 m north of road 101 (lat 28.285); 979.2 m along it to the footway crossing;
    // s1 joins the footway (9.8 m away) 11.1 m north of the crossing. 1,055.5 m at 80 m/min = 13.19 minutes: inside 15, outside 12.5.
    [Theory]
    [InlineData(15, true, 120)]
    [InlineData(12.5, false, 0)]
    public void Check_VillageCircle_MeasuredAlongTheRoad(double minutes, bool passed, double covered)
    {
        var output = new StringWriter();
        var code = CheckCommand.Run(Tiny, Rules, minutes, "walk", false, "json", output, new StringWriter());

        Assert.Equal(1, code); // 雄石街道 has only a planned station
        using var doc = JsonDocument.Parse(output.ToString());
        var village = doc.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("ruleId").GetString() == "coverage.village_circle");
        Assert.Equal(passed, village.GetProperty("passed").GetBoolean());
        Assert.Equal(covered / 120, village.GetProperty("measured").GetDouble(), 9);
    }

    [Fact]
    public void Check_IncludePlanned_StillFailsTownshipRuleBecauseItCountsOperatingStations()
    {
        var output = new StringWriter();
        CheckCommand.Run(Tiny, Rules, null, null, true, "csv", output, new StringWriter());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rule,subject_kind,subject_id,subject_name,measured,comparison,required,passed,note", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("coverage.township_station,unit,360681002,雄石街道,0,>=,1,false", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingRuleSet_ExitsTwoNamingTheOption()
    {
        var errors = new StringWriter();
        var code = CheckCommand.Run(Tiny, new FileInfo("/nonexistent/rules.json"), null, null, false, "text", new StringWriter(), errors);
        Assert.Equal(2, code);
        Assert.StartsWith("--rules: rule set '/nonexistent/rules.json' does not exist", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownMode_ExitsTwo()
    {
        var errors = new StringWriter();
        Assert.Equal(2, CheckCommand.Run(Tiny, Rules, null, "horse", false, "text", new StringWriter(), errors));
        Assert.Contains("mode 'horse' is unknown", errors.ToString(), StringComparison.Ordinal);
    }
}
