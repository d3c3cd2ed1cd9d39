using System.CommandLine;
using System.Text.Json;
using Npgsql;
using Planner.Cli.Commands;
using Planner.Core.Coverage;
using Planner.Core.IO;
using Planner.Core.Network;
using Planner.Core.Scenarios;
using Xunit;

namespace Planner.Cli.Tests.Commands;

/// <summary>
/// <c>planner import FOLDER --into</c>, <c>planner export</c> and <c>planner scenario ...</c> on a GeoPackage
/// workspace, and on PostGIS when <c>PLANNER_TEST_POSTGIS</c> is set (scripts/test.sh starts one).
/// </summary>
public sealed class WorkspaceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-ws-").FullName;

    public static TheoryData<string> Stores()
    {
        var data = new TheoryData<string> { "gpkg" };
        if (Environment.GetEnvironmentVariable("PLANNER_TEST_POSTGIS") is { Length: > 0 })
        {
            data.Add("postgis");
        }

        return data;
    }

    public void Dispose()
    {
        foreach (var schema in _schemas)
        {
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("PLANNER_TEST_POSTGIS"));
            connection.Open();
            using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            cmd.ExecuteNonQuery();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private readonly List<string> _schemas = [];

    internal static string Guixi
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), "data", "guixi");
        }
    }

    private string Workspace(string kind)
    {
        if (kind == "gpkg")
        {
            return Path.Combine(_dir, "ws.gpkg");
        }

        string schema = $"t_{Guid.NewGuid():N}";
        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("PLANNER_TEST_POSTGIS")) { SearchPath = $"{schema}, public" }.ConnectionString;
    }

    internal static (int Exit, string Out, string Error) Run(params string[] args) => PlannerCli.Run(args);

    [Theory]
    [MemberData(nameof(Stores))]
    public void ImportThenExport_Guixi_RegionFilesAreByteIdentical(string kind)
    {
        string ws = Workspace(kind), outDir = Path.Combine(_dir, "out");
        var (exit, output, error) = Run("import", Guixi, "--into", ws);
        Assert.True(exit == 0, error);
        Assert.Contains("imported region 'guixi' (贵溪市) version 1", output);
        (exit, output, error) = Run("export", ws, "贵溪市", "--out", outDir);
        Assert.Contains("exported region 'guixi' version 1", output);
        Assert.True(exit == 0, error);

        string[] regionFiles = [RegionFiles.Info, RegionFiles.Units, RegionFiles.Roads, RegionFiles.Demand, RegionFiles.Stations, RegionFiles.Teams, RegionFiles.Needs, RegionFiles.Candidates, RegionFiles.PublicBuildings];
        var expected = regionFiles.Where(f => File.Exists(Path.Combine(Guixi, f))).ToArray();
        Assert.Contains(RegionFiles.PublicBuildings, expected);
        Assert.Equal(expected.Order(), Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        foreach (var f in expected)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(Guixi, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(outDir, f))), $"{f} differs after the round trip");
        }

        // A second import replaces the region based on its current version.
        (exit, output, _) = Run("import", Guixi, "--into", ws);
        Assert.Equal(0, exit);
        Assert.Contains("version 2", output);
    }

    [Fact]
    public void Import_SubcommandsStillParse_AndFolderFormNeedsInto()
    {
        var root = new RootCommand();
        root.Subcommands.Add(ImportCommand.Create());
        var osm = root.Parse(["import", "osm", "extract.osm.pbf", "--out", "folder"]);
        Assert.Empty(osm.Errors);
        Assert.Equal("osm", osm.CommandResult.Command.Name);
        var folder = root.Parse(["import", "data/guixi", "--into", "w.gpkg"]);
        Assert.Empty(folder.Errors);
        Assert.Equal("import", folder.CommandResult.Command.Name);

        var (exit, _, error) = Run("import", Guixi);
        Assert.Equal(2, exit);
        Assert.Contains("--into", error);
        (exit, _, error) = Run("import", Guixi, "--into", Path.Combine(_dir, "w.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("not a workspace", error);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void ScenarioSession_NewEditRunCompare(string kind)
    {
        string ws = Workspace(kind);
        Assert.Equal(0, Run("import", Guixi, "--into", ws).Exit);
        Assert.Equal(0, Run("scenario", "new", ws, "base", "--base", "贵溪市").Exit);
        Assert.Equal(0, Run("scenario", "new", ws, "more", "--base", "贵溪市").Exit);
        var (exit, output, error) = Run("scenario", "edit", ws, "more", "--add-station", "117.225,28.305,新站", "--move-station", "S360681002", "117.21,28.29",
            "--status", "S360681001003", "operating", "--scale-group", "elderly", "360681001", "1.2");
        Assert.True(exit == 0, error);
        Assert.Contains("saved scenario 'more' version 2 (4 edits)", output);

        (exit, output, error) = Run("scenario", "run", ws, "more", "--format", "json");
        Assert.True(exit == 0, error);

        // Independently: apply the same edits to the folder's region and compute coverage directly.
        var region = RegionFolderReader.Read(Guixi).Region!;
        var scenario = new Scenario("more", "贵溪市", [new AddStationEdit("new-1", "新站", 117.225, 28.305), new MoveStationEdit("S360681002", 117.21, 28.29),
            new ChangeStatusEdit("S360681001003", "operating"), new ScaleGroupEdit("elderly", "360681001", 1.2)]);
        var applied = ScenarioApplier.Apply(region, scenario);
        var expected = CoverageCalculator.Compute(applied.Region, new CoverageOptions { Minutes = applied.Parameters.LimitMinutes, Mode = applied.Parameters.Mode });
        Assert.Equal(CoverageWriters.ToJson(expected), output.TrimEnd());

        Assert.Equal(0, Run("scenario", "run", ws, "base").Exit);
        (exit, output, _) = Run("scenario", "list", ws);
        Assert.Equal(0, exit);
        Assert.Contains("scenario more  v2  base guixi  4 edits  (coverage saved)", output);

        (exit, output, error) = Run("scenario", "compare", ws, "base", "more", "--format", "json");
        Assert.True(exit == 0, error);
        var baseReport = CoverageCalculator.Compute(region, new CoverageOptions());
        using var doc = JsonDocument.Parse(output);
        var total = doc.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "total");
        Assert.Equal(baseReport.Groups["total"].Covered, total.GetProperty("coveredA").GetDouble());
        Assert.Equal(expected.Groups["total"].Covered, total.GetProperty("coveredB").GetDouble());
        var changed = doc.RootElement.GetProperty("stations").EnumerateArray().Select(s => s.GetProperty("id").GetString() + ":" + s.GetProperty("change").GetString()).ToList();
        Assert.Contains("new-1:added", changed);
        Assert.Contains("S360681001003:added", changed);
        Assert.Contains("S360681002:changed", changed);

        (exit, output, _) = Run("scenario", "compare", ws, "base", "more", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.StartsWith("section,key,name,group,a,b,change\n", output);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Scenario_OnRegionStoredUnderAnotherKey_RunsOnIt_AndReportsTheRegionsName(string kind)
    {
        // The API seeds the sample regions under their folder names (guixi) and keeps their names (贵溪市).
        string ws = Workspace(kind);
        var region = RegionFolderReader.Read(Guixi).Region!;
        await using (var store = Planner.Storage.StoreFactory.Open(ws))
        {
            await store.SaveRegionAsync("guixi", region, null, default);
        }

        Assert.Equal(0, Run("scenario", "new", ws, "s", "--base", "guixi").Exit);
        var (exit, _, error) = Run("scenario", "edit", ws, "s", "--minutes", "10", "--move-station", "S360681002", "117.21,28.29");
        Assert.True(exit == 0, error);
        (exit, var output, error) = Run("scenario", "run", ws, "s", "--format", "json");
        Assert.True(exit == 0, error);

        var applied = ScenarioApplier.Apply(region, new Scenario("s", "贵溪市", [new SetMinutesEdit(10), new MoveStationEdit("S360681002", 117.21, 28.29)]));
        var expected = CoverageCalculator.Compute(applied.Region, new CoverageOptions { Minutes = 10, Mode = applied.Parameters.Mode });
        Assert.Equal(CoverageWriters.ToJson(expected), output.TrimEnd());
        Assert.Equal("贵溪市", JsonDocument.Parse(output).RootElement.GetProperty("region").GetString());
        Assert.Contains("s  v2  base guixi  2 edits", Run("scenario", "list", ws).Out);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void Import_ThenBaseByKeyCodeOrOwnName_AllNameTheFoldersKey(string kind)
    {
        string ws = Workspace(kind);
        var (exit, output, error) = Run("import", Guixi, "--into", ws);
        Assert.True(exit == 0, error);
        Assert.StartsWith("imported region 'guixi' (贵溪市) version 1", output);

        foreach (var (scenario, alias) in new[] { ("a", "guixi"), ("b", "360681"), ("c", "贵溪市") })
        {
            (exit, output, error) = Run("scenario", "new", ws, scenario, "--base", alias);
            Assert.True(exit == 0, error);
            Assert.Equal($"created scenario '{scenario}' on region 'guixi' (version 1)", output.TrimEnd());
        }

        (exit, output, _) = Run("scenario", "list", ws);
        Assert.Equal(0, exit);
        Assert.Equal(
            ["region   guixi  v1  贵溪市 (360681)", "scenario a  v1  base guixi  0 edits", "scenario b  v1  base guixi  0 edits", "scenario c  v1  base guixi  0 edits"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // The three scenarios run on the one stored region: the folder's own figures, named by its own name.
        (exit, output, error) = Run("scenario", "run", ws, "b", "--format", "json");
        Assert.True(exit == 0, error);
        var expected = CoverageCalculator.Compute(RegionFolderReader.Read(Guixi).Region!, new CoverageOptions());
        Assert.Equal(CoverageWriters.ToJson(expected), output.TrimEnd());
        Assert.Equal(0, Run("scenario", "edit", ws, "c", "--minutes", "10").Exit);
        Assert.Equal(0, Run("export", ws, "360681", "--out", Path.Combine(_dir, "by-code")).Exit);
    }

    [Fact]
    public async Task Scenario_AmbiguousOrUnknownBase_ExitsTwoListingTheRegions()
    {
        string ws = Workspace("gpkg");
        var region = RegionFolderReader.Read(Guixi).Region!;
        await using (var store = Planner.Storage.StoreFactory.Open(ws))
        {
            await store.SaveRegionAsync("guixi", region, null, default);
            await store.SaveRegionAsync("guixi-2020", region with { Info = region.Info with { Name = "贵溪市（2020）" } }, null, default);
        }

        var (exit, _, error) = Run("scenario", "new", ws, "a", "--base", "360681");
        Assert.Equal(2, exit);
        Assert.Equal("--base: region '360681' is ambiguous: it names guixi (贵溪市, 360681), guixi-2020 (贵溪市（2020）, 360681); give the key. Import a region with planner import FOLDER --into WORKSPACE.", error.TrimEnd());
        (exit, _, error) = Run("scenario", "new", ws, "a", "--base", "Guixi");
        Assert.Equal(2, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("region 'Guixi' is not stored in GeoPackage", error);
        Assert.Contains("known regions are guixi (贵溪市, 360681), guixi-2020 (贵溪市（2020）, 360681)", error);
        (exit, _, error) = Run("export", ws, "360681", "--out", Path.Combine(_dir, "out"));
        Assert.Equal(2, exit);
        Assert.StartsWith("region: region '360681' is ambiguous", error);

        // Its own name still names each region.
        Assert.Equal(0, Run("scenario", "new", ws, "a", "--base", "贵溪市（2020）").Exit);
        Assert.Contains("scenario a  v1  base guixi-2020  0 edits", Run("scenario", "list", ws).Out);
    }

    [Fact]
    public async Task Scenario_SameNameInTwoRegions_IsTwoScenarios_AddressedWithRegion()
    {
        string ws = Workspace("gpkg");
        var region = RegionFolderReader.Read(Guixi).Region!;
        await using (var store = Planner.Storage.StoreFactory.Open(ws))
        {
            await store.SaveRegionAsync("guixi", region, null, default);
            await store.SaveRegionAsync("yingtan", region with { Info = region.Info with { Name = "鹰潭市", Code = "360600" } }, null, default);
        }

        Assert.Equal(0, Run("scenario", "new", ws, "plan", "--base", "guixi").Exit);
        Assert.Equal(0, Run("scenario", "new", ws, "plan", "--base", "鹰潭市").Exit);
        Assert.Equal(2, Run("scenario", "new", ws, "plan", "--base", "360681").Exit);

        var (exit, _, error) = Run("scenario", "run", ws, "plan");
        Assert.Equal(2, exit);
        Assert.Equal("scenario 'plan' is in several regions (guixi, yingtan): give --region.", error.TrimEnd());
        (exit, _, error) = Run("scenario", "edit", ws, "plan", "--region", "360600", "--minutes", "10");
        Assert.True(exit == 0, error);
        (exit, _, error) = Run("scenario", "edit", ws, "plan", "--region", "360000", "--minutes", "10");
        Assert.Equal(2, exit);
        Assert.StartsWith("--region: region '360000' is not stored in GeoPackage", error);
        (exit, var output, error) = Run("scenario", "run", ws, "plan", "--region", "鹰潭市", "--format", "json");
        Assert.True(exit == 0, error);
        Assert.Equal(10, JsonDocument.Parse(output).RootElement.GetProperty("minutes").GetDouble());
        (exit, output, error) = Run("scenario", "run", ws, "plan", "--region", "guixi", "--format", "json");
        Assert.True(exit == 0, error);
        Assert.Equal(15, JsonDocument.Parse(output).RootElement.GetProperty("minutes").GetDouble());

        var list = Run("scenario", "list", ws).Out;
        Assert.Contains("scenario plan  v1  base guixi  0 edits  (coverage saved)", list);
        Assert.Contains("scenario plan  v2  base yingtan  1 edits  (coverage saved)", list);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void ScenarioEdit_BasedOnOldVersion_IsAConflict(string kind)
    {
        string ws = Workspace(kind);
        Assert.Equal(0, Run("import", Guixi, "--into", ws).Exit);
        Assert.Equal(0, Run("scenario", "new", ws, "s", "--base", "贵溪市").Exit);
        Assert.Equal(0, Run("scenario", "edit", ws, "s", "--minutes", "20", "--expect-version", "1").Exit);
        var (exit, _, error) = Run("scenario", "edit", ws, "s", "--minutes", "10", "--expect-version", "1");
        Assert.Equal(3, exit);
        Assert.Contains("conflict", error);
        Assert.Contains("version 1", error);
        Assert.Contains("s  v2  base guixi  1 edits", Run("scenario", "list", ws).Out);
    }

    [Fact]
    public void ScenarioEdit_TeamsAndEditsFile_AreAppendedInCommandLineOrder()
    {
        string ws = Workspace("gpkg");
        Assert.Equal(0, Run("import", Guixi, "--into", ws).Exit);
        Assert.Equal(0, Run("scenario", "new", ws, "t", "--base", "贵溪市").Exit);
        string file = Path.Combine(_dir, "edits.json");
        File.WriteAllText(file, """[{"kind":"set_minutes","minutes":20},{"kind":"remove_station","station_id":"S360681002"}]""");
        var (exit, output, error) = Run("scenario", "edit", ws, "t", "--add-team", "117.22,28.30,15,8.5,haircut;repair,滨江志愿队",
            "--edits", file, "--remove-team", "T360681001");
        Assert.True(exit == 0, error);
        Assert.Contains("saved scenario 't' version 2 (4 edits)", output);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var team = ScenarioJson.DeserializeEdit(lines[0][(lines[0].IndexOf('{', StringComparison.Ordinal))..]);
        var added = Assert.IsType<AddTeamEdit>(team);
        Assert.Equal(new AddTeamEdit("team-1", "滨江志愿队", 117.22, 28.30, 15, 15, [], 8.5), added with { Skills = [] });
        Assert.Equal(["haircut", "repair"], added.Skills.ToArray());
        Assert.Contains("\"kind\":\"set_minutes\"", lines[1]);
        Assert.Contains("\"kind\":\"remove_station\"", lines[2]);
        Assert.Contains("\"kind\":\"remove_team\"", lines[3]);

        // The stored scenario applies: one team in, one out, so the count is unchanged and the new one is there.
        var region = RegionFolderReader.Read(Guixi).Region!;
        var applied = ScenarioApplier.Apply(region, new Scenario("t", "贵溪市", [team, new SetMinutesEdit(20), new RemoveStationEdit("S360681002"), new RemoveTeamEdit("T360681001")]));
        Assert.Equal(region.Teams.Length, applied.Region.Teams.Length);
        Assert.Contains(applied.Region.Teams, t => t.Id == "team-1" && t.WeeklyHours == 8.5);
        Assert.DoesNotContain(applied.Region.Teams, t => t.Id == "T360681001");

        File.WriteAllText(file, """[{"kind":"fly_station"}]""");
        (exit, _, error) = Run("scenario", "edit", ws, "t", "--edits", file, "--add-team", "117.2,28.3,x,4,repair", "--remove-team", "NOPE");
        Assert.Equal(2, exit);
        var problems = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, problems.Length);
        Assert.Contains(problems, l => l.StartsWith($"--edits: {file}: edits[0].kind: 'fly_station' is not an edit", StringComparison.Ordinal));
        Assert.Contains(problems, l => l.StartsWith("--add-team: 'x' is not a whole number of members", StringComparison.Ordinal));
        Assert.Contains(problems, l => l.Contains("remove_team", StringComparison.Ordinal) && l.Contains("NOPE", StringComparison.Ordinal));
        Assert.Contains("t  v2  base guixi  4 edits", Run("scenario", "list", ws).Out);
    }

    [Fact]
    public void ScenarioEdit_TravelLimits_AreTheCoresLimits()
    {
        string ws = Workspace("gpkg");
        Assert.Equal(0, Run("import", Guixi, "--into", ws).Exit);
        Assert.Equal(0, Run("scenario", "new", ws, "s", "--base", "贵溪市").Exit);
        string max = TravelLimits.MaxMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string above = (TravelLimits.MaxMinutes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string tooFast = (TravelLimits.MaxSpeedKmh + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exit, _, error) = Run("scenario", "edit", ws, "s", "--minutes", above, "--speed-kmh", tooFast);
        Assert.Equal(2, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"edit 1 (set_minutes): minutes {above} is out of range", lines[0]);
        Assert.StartsWith($"edit 2 (set_speed): speed {tooFast} is out of range", lines[1]);

        // A JSON file goes through the same parser and checks: a wrong kind names its field.
        string file = Path.Combine(_dir, "fast.json");
        File.WriteAllText(file, $$"""[{"kind":"set_speed","speed_kmh":"{{tooFast}}"}]""");
        (exit, _, error) = Run("scenario", "edit", ws, "s", "--edits", file);
        Assert.Equal(2, exit);
        Assert.Equal($"--edits: {file}: edits[0].speed_kmh: must be a number.", error.Trim());

        (exit, _, error) = Run("scenario", "edit", ws, "s", "--minutes", max);
        Assert.True(exit == 0, error);
    }

    [Fact]
    public void ScenarioEdit_BadInput_ExitsTwoWithOneLinePerProblem()
    {
        string ws = Workspace("gpkg");
        Assert.Equal(0, Run("import", Guixi, "--into", ws).Exit);
        Assert.Equal(0, Run("scenario", "new", ws, "s", "--base", "贵溪市").Exit);
        var (exit, _, error) = Run("scenario", "edit", ws, "s", "--move-station", "NOPE", "117.2,28.3", "--minutes", "-3", "--restaff", "S360681001", "x");
        Assert.Equal(2, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("--restaff: 'x'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("move_station", StringComparison.Ordinal) && l.Contains("NOPE", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("set_minutes", StringComparison.Ordinal) && l.Contains("-3", StringComparison.Ordinal));
        Assert.Contains("0 edits", Run("scenario", "list", ws).Out);

        (exit, _, error) = Run("scenario", "edit", ws, "s", "--minutes");
        Assert.Equal(2, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        (exit, _, error) = Run("scenario", "run", ws, "missing");
        Assert.Equal(2, exit);
        Assert.Contains("scenario 'missing' is not in", error);
        (exit, _, _) = Run("scenario", "new", ws, "t", "--base", "nowhere");
        Assert.Equal(2, exit);
    }

    [Fact]
    public void Scenario_UnreachablePostGis_ExitsFourNamingTheConnectionWithoutPassword()
    {
        var (exit, output, error) = Run("scenario", "list", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=secret;Timeout=2");
        Assert.Equal(4, exit);
        Assert.Empty(output);
        Assert.Contains("127.0.0.1:1/x", error);
        Assert.DoesNotContain("secret", error);
    }
}
