using System.CommandLine;
using System.Text.Json;
using Planner.Cli.Commands;
using Xunit;

namespace Planner.Cli.Tests.Commands;

[Collection("Console")]
public sealed class RecommendCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommend").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Recommend_MatrixMode_WritesJsonWithBestSite()
    {
        // a (100 people) and b (10) are reached by S1; c (50) only by S2; S3 reaches b only. Best single site: S1 (110).
        Write("costs.csv", "demand_id,site_id,cost\na,S1,3\nb,S1,4\nc,S2,2\nb,S3,1\n");
        Write("demand.csv", "id,total,elderly\na,100,20\nb,10,5\nc,50,40\n");
        Write("sites.csv", "id,cost,existing,lon,lat\nS1,1,false,117.1,28.2\nS2,1,no,117.2,28.2\nS3,1,0,117.3,28.2\n");
        string outFile = Path.Combine(_dir, "out.json");

        var (code, _, _) = Run("recommend", "--matrix", P("costs.csv"), "--demand", P("demand.csv"), "--sites", P("sites.csv"),
            "--radius", "5", "--p", "1", "--out", outFile);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        var root = json.RootElement;
        Assert.Equal("mclp", root.GetProperty("model").GetString());
        Assert.Equal(110, root.GetProperty("objective").GetDouble());
        var site = Assert.Single(root.GetProperty("sites").EnumerateArray());
        Assert.Equal("S1", site.GetProperty("id").GetString());
        Assert.Equal(25, site.GetProperty("gain").GetProperty("elderly").GetDouble());
        Assert.Equal(1, root.GetProperty("uncoveredDemand").GetInt32());
        Assert.Equal(110.0 / 160, root.GetProperty("after").GetProperty("total").GetProperty("share").GetDouble(), 6);

        // With elderly weighted 5x, S2 (40 elderly -> 50 + 200) beats S1 (110 + 100).
        Assert.Equal(0, Run("recommend", "--matrix", P("costs.csv"), "--demand", P("demand.csv"), "--sites", P("sites.csv"),
            "--radius", "5", "--p", "1", "--weights", "total=1,elderly=5", "--out", outFile).Code);
        using var weighted = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.Equal("S2", weighted.RootElement.GetProperty("sites")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Recommend_WorkersTimesPeoplePerWorker_CapsWhatASiteServes()
    {
        // S1 reaches 110 people but 2 workers x 30 serve 60; S2 serves c's 50; S3 serves b's 10.
        Write("costs.csv", "demand_id,site_id,cost\na,S1,3\nb,S1,4\nc,S2,2\nb,S3,1\n");
        Write("demand.csv", "id,total\na,100\nb,10\nc,50\n");
        Write("sites.csv", "id,workers\nS1,2\nS2,3\nS3,1\n");
        string outFile = Path.Combine(_dir, "cap.json");

        var (code, _, _) = Run("recommend", "--matrix", P("costs.csv"), "--demand", P("demand.csv"), "--sites", P("sites.csv"),
            "--radius", "5", "--p", "2", "--people-per-worker", "30", "--out", outFile);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.Equal(110, json.RootElement.GetProperty("objective").GetDouble(), 6);
        Assert.Equal(["S1", "S2"], json.RootElement.GetProperty("sites").EnumerateArray().Select(x => x.GetProperty("id").GetString()));
    }

    [Fact]
    public void Recommend_BadInput_Exit2WithOneLinePerProblem()
    {
        Write("costs.csv", "demand_id,site_id,cost\na,S1,x\nzz,S1,1\n");
        Write("demand.csv", "id,total\na,100\n");
        Write("sites.csv", "id,existing\nS1,maybe\n");

        var (code, _, error) = Run("recommend", "--matrix", P("costs.csv"), "--demand", P("demand.csv"), "--sites", P("sites.csv"), "--radius", "5");

        Assert.Equal(2, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("sites.csv, row 1, id 'S1', field 'existing': 'maybe' is not true/false/1/0/yes/no", lines);
    }

    private string P(string name) => Path.Combine(_dir, name);

    private void Write(string name, string text) => File.WriteAllText(P(name), text);

    private static (int Code, string Out, string Error) Run(params string[] args) => PlannerCli.Run(args);
}
