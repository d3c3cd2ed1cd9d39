extern alias cli;

using System.CommandLine;
using System.Globalization;
using System.Text;
using CliCommands = cli::Planner.Cli.Commands;

namespace Planner.Api.Tests;

/// <summary>
/// The same siting request through both hosts: <c>planner recommend</c> (run in-process as Program.cs runs it)
/// on the Guixi sample folder and <c>POST /regions/guixi/recommendations</c> on the same region as the API's
/// store holds it. Both call the core's <c>Recommendation.Run</c>, so the objective, the sites and the coverage
/// before and after must be the same, on foot and by car, with a speed override, with and without planned stations.
/// </summary>
[Collection(GuixiCollection.Name)]
public sealed class RecommendationHostsTests(GuixiApiFixture api) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recommend-hosts").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("mclp", "walk", 5.5, false)]
    [InlineData("mclp", "drive", 40.0, true)]
    [InlineData("pmedian", "drive", 40.0, false)]
    public async Task Recommend_SameRequest_CliAndApiGiveTheSameObjectiveAndSites(string model, string mode, double speedKmh, bool includePlanned)
    {
        const int p = 2;
        const double minutes = 10;
        string outFile = Path.Combine(_dir, $"{model}-{mode}.json");
        var inv = CultureInfo.InvariantCulture;
        List<string> args = ["recommend", api.SampleFolder, "--model", model, "--p", p.ToString(inv), "--minutes", minutes.ToString(inv),
            "--mode", mode, "--speed-kmh", speedKmh.ToString(inv), "--out", outFile];
        if (includePlanned)
        {
            args.Add("--include-planned");
        }

        var (exit, error) = RunCli([.. args]);
        Assert.True(exit == 0, error);
        using var cliAnswer = JsonDocument.Parse(File.ReadAllText(outFile));
        var fromCli = cliAnswer.RootElement;

        using var planner = api.Client("planner", "guixi");
        var body = string.Create(inv, $"{{\"model\":\"{model}\",\"p\":{p},\"minutes\":{minutes},\"mode\":\"{mode}\",\"speedKmh\":{speedKmh},\"includePlanned\":{(includePlanned ? "true" : "false")}}}");
        var response = await planner.PostAsync("/regions/guixi/recommendations", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await JobsTests.WaitFinished(planner, response.Headers.Location!);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var fromApi = job.GetProperty("result");

        Assert.Equal("optimal", fromCli.GetProperty("status").GetString());
        Assert.Equal(fromCli.GetProperty("status").GetString(), fromApi.GetProperty("status").GetString());
        Assert.Equal(fromCli.GetProperty("objective").GetDouble(), fromApi.GetProperty("objective").GetDouble());
        var cliSites = fromCli.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(p, cliSites.Count);
        Assert.Equal(cliSites, fromApi.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        foreach (var side in new[] { "before", "after" })
        {
            foreach (var group in fromCli.GetProperty(side).EnumerateObject())
            {
                Assert.Equal(group.Value.GetProperty("covered").GetDouble(), fromApi.GetProperty(side).GetProperty(group.Name).GetProperty("covered").GetDouble());
            }
        }

        Assert.Equal(fromCli.GetProperty("lockedIn").GetInt32(), fromApi.GetProperty("lockedIn").GetInt32());
        Assert.Equal(fromCli.GetProperty("candidates").GetProperty("count").GetInt32(), fromApi.GetProperty("candidates").GetProperty("count").GetInt32());
        Assert.Equal("generated", fromApi.GetProperty("candidates").GetProperty("source").GetString());
        Assert.Equal(speedKmh, fromApi.GetProperty("speedKmh").GetDouble());
    }

    [Fact]
    public async Task Recommend_IncludePlanned_LocksInPlannedAndBuiltStations()
    {
        // The sample has 13 stations, 7 of them operating (see the CLI's region-mode test): with includePlanned all 13 are locked in.
        using var planner = api.Client("planner", "guixi");
        var counts = new List<int>();
        foreach (var planned in new[] { "false", "true" })
        {
            var response = await planner.PostAsync("/regions/guixi/recommendations",
                new StringContent($"{{\"model\":\"mclp\",\"p\":1,\"includePlanned\":{planned}}}", Encoding.UTF8, "application/json"));
            var job = await JobsTests.WaitFinished(planner, response.Headers.Location!);
            counts.Add(job.GetProperty("result").GetProperty("lockedIn").GetInt32());
        }

        Assert.Equal([7, 13], counts);
    }

    private static (int Exit, string Error) RunCli(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = CliCommands.CommandCatalog.Root().Parse(args);
        int exit = CliCommands.ParseErrors.Report(parse, error) ?? parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, error.ToString());
    }
}
