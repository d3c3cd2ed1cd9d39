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
    public void Check_TextInChinese_UsesTheRulesChineseTextsAndCounts()
    {
        var zh = new StringWriter();
        var en = new StringWriter();
        Assert.Equal(1, CheckCommand.Run(Tiny, Rules, null, null, false, "text", zh, new StringWriter(), "zh"));
        Assert.Equal(1, CheckCommand.Run(Tiny, Rules, null, null, false, "text", en, new StringWriter()));

        var zhLines = zh.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var enLines = en.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(enLines.Length, zhLines.Length);
        int passed = enLines.Count(l => l.StartsWith("  PASS", StringComparison.Ordinal));
        int failed = enLines.Count(l => l.StartsWith("  FAIL", StringComparison.Ordinal));
        Assert.Equal(passed, zhLines.Count(l => l.StartsWith("  达标", StringComparison.Ordinal)));
        Assert.Equal(failed, zhLines.Count(l => l.StartsWith("  不达标", StringComparison.Ordinal)));
        Assert.Equal($"达标 {passed} 项，不达标 {failed} 项。", zhLines[^1].TrimEnd('\r'));
        Assert.Contains(zhLines, l => l.StartsWith("staffing.township_station：乡镇（街道）社工站专职社工数不少于所辖村（社区）数的 50%，且不少于 3 人。", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RuleNamingAGroupTheRegionLacks_ExitsTwoNamingRuleAndField()
    {
        var rules = Path.Combine(Directory.CreateTempSubdirectory("rules").FullName, "groups.json");
        File.WriteAllText(rules, """{ "name": "t", "rules": [ { "id": "cov.disabled", "kind": "unit_covered", "unitLevel": "village", "group": "disabled", "min": 0.5 } ] }""");
        var errors = new StringWriter();

        Assert.Equal(2, CheckCommand.Run(Tiny, new FileInfo(rules), null, null, false, "text", new StringWriter(), errors));
        Assert.StartsWith("groups.json rule cov.disabled field 'group': unknown group 'disabled'; the region has total, elderly, children", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownMode_ExitsTwo()
    {
        var errors = new StringWriter();
        Assert.Equal(2, CheckCommand.Run(Tiny, Rules, null, "horse", false, "text", new StringWriter(), errors));
        Assert.Contains("mode 'horse' is unknown", errors.ToString(), StringComparison.Ordinal);
    }
}
