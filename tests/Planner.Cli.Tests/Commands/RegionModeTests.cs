using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Planner.Cli.Commands;
using Xunit;

namespace Planner.Cli.Tests.Commands;

/// <summary>Region mode of recommend and match, end to end on the Guixi sample (data/guixi in the repository).</summary>
[Collection("Console")]
public sealed class RegionModeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("region-mode").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Guixi => Path.Combine(RepoRoot(), "data", "guixi");

    [Fact]
    public void Recommend_Guixi_BeforeEqualsCoverageAndAfterEqualsCoverageWithTheChosenSites()
    {
        string outFile = Path.Combine(_dir, "mclp.json");
        var (code, _, error) = Run("recommend", Guixi, "--model", "mclp", "--p", "3", "--out", outFile);
        Assert.True(code == 0, error);
        using var answer = JsonDocument.Parse(File.ReadAllText(outFile));
        var root = answer.RootElement;
        Assert.Equal("network", root.GetProperty("travel").GetString());
        Assert.Equal(7, root.GetProperty("lockedIn").GetInt32());
        Assert.Equal("generated: unit centres, road intersections on a 500 m grid and 6 public buildings", root.GetProperty("candidates").GetProperty("source").GetString());
        var sites = root.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(3, sites.Count);

        // 'before' = what `planner coverage` counts for the operating stations, every group at its own pace (the
        // elderly at 3.6 km/h).
        using var before = JsonDocument.Parse(Run("coverage", Guixi, "--minutes", "15").Out);
        foreach (string g in new[] { "total", "elderly", "children", "disabled" })
        {
            Assert.Equal(
                before.RootElement.GetProperty("groups").GetProperty(g).GetProperty("covered").GetDouble(),
                root.GetProperty("before").GetProperty(g).GetProperty("covered").GetDouble());
        }

        // 'after' = `planner coverage` on a copy of the region where the three chosen sites are operating stations.
        string copy = Path.Combine(_dir, "guixi");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Guixi))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var stations = File.ReadAllLines(Path.Combine(copy, "stations.geojson")).ToList();
        int last = stations.FindLastIndex(l => l.StartsWith("{\"type\":\"Feature\"", StringComparison.Ordinal));
        stations[last] += ",";
        stations.InsertRange(last + 1, sites.Select((s, i) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"id\":\"new{i}\",\"name\":\"new {i}\",\"level\":\"village_point\",\"status\":\"operating\",\"social_workers\":1}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{s.GetProperty("lon").GetDouble():F7},{s.GetProperty("lat").GetDouble():F7}]}}}}")
            + (i < sites.Count - 1 ? "," : string.Empty)));
        File.WriteAllLines(Path.Combine(copy, "stations.geojson"), stations, new UTF8Encoding(false));
        var (afterCode, afterOut, afterError) = Run("coverage", copy, "--minutes", "15");
        Assert.True(afterCode == 0, afterError);
        using var after = JsonDocument.Parse(afterOut);
        foreach (string g in new[] { "total", "elderly", "children", "disabled" })
        {
            Assert.Equal(
                after.RootElement.GetProperty("groups").GetProperty(g).GetProperty("covered").GetDouble(),
                root.GetProperty("after").GetProperty(g).GetProperty("covered").GetDouble());
        }

        Assert.Equal(root.GetProperty("objective").GetDouble(), root.GetProperty("after").GetProperty("total").GetProperty("covered").GetDouble());

        // 'uncoveredDemand' counts demand points with someone left out: from coverage's per-point minutes, a point
        // is short when it is unreachable, beyond 15 minutes at 4.8 km/h, or has elderly beyond 15 minutes at 3.6 km/h.
        string points = Path.Combine(_dir, "points.csv");
        Assert.Equal(0, Run("coverage", copy, "--minutes", "15", "--points", points).Code);
        var elderly = File.ReadLines(Path.Combine(Guixi, "demand.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => double.Parse(f[5], CultureInfo.InvariantCulture));
        int shortPoints = File.ReadLines(points).Skip(1).Select(l => l.Split(',')).Count(f =>
            f[2].Length == 0 || double.Parse(f[2], CultureInfo.InvariantCulture) is var m && (m > 15 || (elderly[f[0]] > 0 && m * 4.8 / 3.6 > 15)));
        Assert.Equal(shortPoints, root.GetProperty("uncoveredDemand").GetInt32());
        Assert.True(shortPoints <= root.GetProperty("demandPoints").GetInt32());
    }

    [Fact]
    public void Recommend_GuixiIncludePlanned_LocksInEveryStationAndMatchesCoverage()
    {
        string outFile = Path.Combine(_dir, "planned.json");
        Assert.Equal(0, Run("recommend", Guixi, "--p", "1", "--include-planned", "--heuristic-only", "--out", outFile).Code);
        using var answer = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.Equal(13, answer.RootElement.GetProperty("lockedIn").GetInt32());
        using var coverage = JsonDocument.Parse(Run("coverage", Guixi, "--minutes", "15", "--include-planned").Out);
        Assert.Equal(
            coverage.RootElement.GetProperty("groups").GetProperty("total").GetProperty("covered").GetDouble(),
            answer.RootElement.GetProperty("before").GetProperty("total").GetProperty("covered").GetDouble());
    }

    [Fact]
    public void Recommend_Guixi_LscpAndPMedianRun()
    {
        string outFile = Path.Combine(_dir, "lscp.json");
        // The elderly walk at their own 3.6 km/h: even every generated candidate (public buildings included) reaches only
        // 90.9 % of them, so 95 % is reported infeasible (exit 2: the request cannot be met), and 90 % is feasible.
        var (infeasibleCode, _, infeasible) = Run("recommend", Guixi, "--model", "lscp", "--target-share", "0.95", "--group", "elderly", "--out", outFile);
        Assert.Equal(2, infeasibleCode);
        Assert.Contains("below the target 95 %", infeasible, StringComparison.Ordinal);
        Assert.Equal(0, Run("recommend", Guixi, "--model", "lscp", "--target-share", "0.9", "--group", "elderly", "--out", outFile).Code);
        using var lscp = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.True(lscp.RootElement.GetProperty("after").GetProperty("elderly").GetProperty("share").GetDouble() >= 0.9);
        Assert.Equal(lscp.RootElement.GetProperty("sites").GetArrayLength(), lscp.RootElement.GetProperty("objective").GetDouble());

        Assert.Equal(0, Run("recommend", Guixi, "--model", "pmedian", "--p", "3", "--heuristic-only", "--out", outFile).Code);
        using var pmedian = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.Equal(3, pmedian.RootElement.GetProperty("sites").GetArrayLength());
    }

    [Fact]
    public void Recommend_RegionWithCandidatesFile_UsesThem()
    {
        string tiny = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");
        string outFile = Path.Combine(_dir, "tiny.json");
        var (code, _, error) = Run("recommend", tiny, "--p", "1", "--out", outFile);
        Assert.True(code is 0 or 1, error);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.Equal("candidates.geojson", json.RootElement.GetProperty("candidates").GetProperty("source").GetString());
    }

    [Fact]
    public void Recommend_RegionWithoutRoads_SaysStraightLine()
    {
        string tiny = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");
        string copy = Path.Combine(_dir, "noroads");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(tiny).Where(f => Path.GetFileName(f) != "roads.geojson"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        string outFile = Path.Combine(_dir, "noroads.json");
        var (code, _, error) = Run("recommend", copy, "--p", "1", "--out", outFile);
        Assert.True(code is 0 or 1, error);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.StartsWith("straight-line", json.RootElement.GetProperty("travel").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Match_Guixi_ReportsNetworkTimesWithinTheLimit()
    {
        string outFile = Path.Combine(_dir, "match.json");
        var (code, _, error) = Run("match", Guixi, "--out", outFile);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var root = json.RootElement;
        Assert.Equal("network", root.GetProperty("travel").GetString());
        Assert.Equal(20, root.GetProperty("matched").GetInt32() + root.GetProperty("unmatched").GetInt32());
        Assert.All(root.GetProperty("assignments").EnumerateArray(), a => Assert.InRange(a.GetProperty("minutes").GetDouble(), 0, 30));
        Assert.NotEmpty(root.GetProperty("recruit").EnumerateArray());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoverageMap.sln not found above the test output folder.");
    }

    private static (int Code, string Out, string Error) Run(params string[] args) => PlannerCli.Run(args);
}
