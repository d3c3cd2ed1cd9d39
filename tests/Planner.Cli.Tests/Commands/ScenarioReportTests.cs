using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Planner.Core.Coverage;
using Planner.Core.IO;
using Planner.Core.Scenarios;

namespace Planner.Cli.Tests.Commands;

/// <summary><c>planner report WORKSPACE --scenario S --compare</c> against coverage computed here from the folder with the same edits.</summary>
public sealed partial class ScenarioReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-scenario-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Report_ScenarioCompared_ShowsBaseAndScenarioSharesAndTheStationChanges()
    {
        string ws = Path.Combine(_dir, "ws.gpkg"), html = Path.Combine(_dir, "more.html");
        Assert.Equal(0, PlannerCli.Run("import", WorkspaceCommandTests.Guixi, "--into", ws).Exit);
        Assert.Equal(0, PlannerCli.Run("scenario", "new", ws, "more", "--base", "贵溪市").Exit);
        var (exit, _, error) = PlannerCli.Run("scenario", "edit", ws, "more", "--add-station", "117.225,28.305,新站",
            "--move-station", "S360681002", "117.21,28.29", "--remove-station", "S360681003");
        Assert.True(exit == 0, error);

        (exit, _, error) = PlannerCli.Run("report", ws, "--scenario", "more", "--compare", "--format", "html", "--out", html);
        Assert.True(exit == 0, error);
        var rows = Rows(File.ReadAllText(html));

        // Independently: the folder's region as it is, and with the same edits applied.
        var region = RegionFolderReader.Read(WorkspaceCommandTests.Guixi).Region!;
        var before = CoverageCalculator.Compute(region, new CoverageOptions { Minutes = region.Info.DefaultMinutes, Mode = region.Info.DefaultMode });
        var applied = ScenarioApplier.Apply(region, new Scenario("more", "贵溪市",
            [new AddStationEdit("new-1", "新站", 117.225, 28.305), new MoveStationEdit("S360681002", 117.21, 28.29), new RemoveStationEdit("S360681003")]));
        var after = CoverageCalculator.Compute(applied.Region, new CoverageOptions { Minutes = applied.Parameters.LimitMinutes, Mode = applied.Parameters.Mode });
        Assert.NotEqual(before.Groups["total"].Covered, after.Groups["total"].Covered);

        Assert.Contains(["方案", "more"], rows);
        var labels = new Dictionary<string, string> { ["total"] = "全体", ["elderly"] = "老年人", ["children"] = "儿童", ["disabled"] = "残疾人", ["difficulty"] = "困难群众" };
        foreach (var (group, b) in before.Groups)
        {
            var a = after.Groups[group];
            Assert.Contains([labels[group], Percent(b.Share), Percent(a.Share), Points(a.Share - b.Share)], rows);
        }

        var groups = before.Groups.Keys.ToList();
        foreach (var unit in before.Units.Where(u => u.Level is "township" or "village"))
        {
            var now = after.Units.Single(u => u.Code == unit.Code);
            string[] expected = [unit.Code, unit.Name, .. groups.SelectMany(g => new[] { Percent(unit.Groups[g].Share), Percent(now.Groups[g].Share), Points(now.Groups[g].Share - unit.Groups[g].Share) })];
            Assert.Contains(expected, rows);
        }

        var moved = region.Stations.Single(s => s.Id == "S360681002");
        double metres = Haversine(moved.Location.Lon, moved.Location.Lat, 117.21, 28.29);
        Assert.Contains(rows, r => r.SequenceEqual(["new-1", "新站", "新增", "–"]));
        Assert.Contains(rows, r => r.Take(3).SequenceEqual(["S360681002", moved.Name, "迁移"]) && Math.Abs(double.Parse(r[3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) - metres) <= 1);
        Assert.Contains(rows, r => r.SequenceEqual(["S360681003", region.Stations.Single(s => s.Id == "S360681003").Name, "撤除", "–"]));
    }

    [Fact]
    public void Report_CompareWithoutScenario_ExitsTwoNamingTheOption()
    {
        var (exit, _, error) = PlannerCli.Run("report", WorkspaceCommandTests.Guixi, "--compare", "--out", Path.Combine(_dir, "x.pdf"));
        Assert.Equal(2, exit);
        Assert.StartsWith("--compare:", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Report_UnknownScenario_ExitsTwoNamingTheOption()
    {
        string ws = Path.Combine(_dir, "ws.gpkg");
        Assert.Equal(0, PlannerCli.Run("import", WorkspaceCommandTests.Guixi, "--into", ws).Exit);
        var (exit, _, error) = PlannerCli.Run("report", ws, "--scenario", "nope", "--out", Path.Combine(_dir, "x.pdf"));
        Assert.Equal(2, exit);
        Assert.StartsWith("--scenario:", error.Trim(), StringComparison.Ordinal);
    }

    private static List<string[]> Rows(string html) =>
        [.. RowPattern().Matches(html).Select(m => CellPattern().Matches(m.Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray())];

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Points(double change)
    {
        var text = (change * 100).ToString("0.0", CultureInfo.InvariantCulture);
        return text is "0.0" or "-0.0" ? "0.0" : change > 0 ? "+" + text : text;
    }

    private static double Haversine(double lon1, double lat1, double lon2, double lat2)
    {
        const double R = 6_371_008.8;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }

    [GeneratedRegex("<tr>.*?</tr>")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td>(.*?)</td>")]
    private static partial Regex CellPattern();
}
