using System.CommandLine;
using System.Text.Json;
using Planner.Cli.Commands;
using Xunit;

namespace Planner.Cli.Tests.Commands;

/// <summary>
/// The exit-code table (0 ok, 1 a rule failed, 2 bad input, 5 internal error) through the real command line, and
/// <c>--out</c> on the commands that had none.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private static readonly string Tiny = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");
    private static readonly string Rules = Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "default.json");
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-exit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void UnknownOption_AnyCommand_ExitsTwoWithOneLine()
    {
        var (exit, _, error) = PlannerCli.Run("coverage", Tiny, "--colour");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Single(Lines(error));
        Assert.Contains("--colour", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FailingRule_ExitsOne()
    {
        // 雄石街道 has only a planned station: the township-station rule fails (see CheckCommandTests).
        var (exit, output, _) = PlannerCli.Run("check", Tiny, "--rules", Rules, "--format", "csv");
        Assert.Equal(ExitCodes.RuleFailed, exit);
        Assert.Contains("coverage.township_station,unit,360681002,雄石街道,0,>=,1,false", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Out_WritesTheFileAndNothingToStdout()
    {
        string file = Path.Combine(_dir, "checks.csv");
        var (exit, output, _) = PlannerCli.Run("check", Tiny, "--rules", Rules, "--format", "csv", "--out", file);
        Assert.Equal(ExitCodes.RuleFailed, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("rule,subject_kind,subject_id", File.ReadAllText(file), StringComparison.Ordinal);
    }

    private static RootCommand Throwing()
    {
        var root = new RootCommand("test");
        var crash = new Command("crash");
        crash.SetAction(_ => ((string?)null)!.Length);
        root.Subcommands.Add(crash);
        return root;
    }

    [Fact]
    public async Task InternalError_WithoutVerbose_ExitsFiveWithOneLineAndNoStackTrace()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await CliInvocation.RunAsync(Throwing(), ["crash"], output, error);

        Assert.Equal(ExitCodes.InternalError, exit);
        var line = Assert.Single(Lines(error.ToString()));
        Assert.StartsWith("internal error: NullReferenceException:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternalError_WithVerbose_PrintsTheStackTrace()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await CliInvocation.RunAsync(Throwing(), ["crash", "--verbose"], output, error);

        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Contains("System.NullReferenceException", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"   at {typeof(ExitCodeTests).FullName}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ScenarioCompare_OutJson_WritesTheComparisonToTheFile()
    {
        string ws = Path.Combine(_dir, "ws.gpkg"), file = Path.Combine(_dir, "compare.json");
        Assert.Equal(0, PlannerCli.Run("import", Tiny, "--into", ws).Exit);
        Assert.Equal(0, PlannerCli.Run("scenario", "new", ws, "a", "--base", "测试区 (tiny test region)").Exit);
        Assert.Equal(0, PlannerCli.Run("scenario", "new", ws, "b", "--base", "测试区 (tiny test region)").Exit);
        var (exit, _, error) = PlannerCli.Run("scenario", "edit", ws, "b", "--status", "s2", "operating");
        Assert.True(exit == 0, error);

        var (toStdout, stdout, _) = PlannerCli.Run("scenario", "compare", ws, "a", "b", "--format", "json");
        (exit, var output, error) = PlannerCli.Run("scenario", "compare", ws, "a", "b", "--format", "json", "--out", file);

        Assert.Equal(0, toStdout);
        Assert.True(exit == 0, error);
        Assert.Equal(string.Empty, output);
        Assert.Equal(stdout, File.ReadAllText(file));
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("a", doc.RootElement.GetProperty("a").GetString());
        Assert.Contains(doc.RootElement.GetProperty("stations").EnumerateArray(), s => s.GetProperty("id").GetString() == "s2");
    }

    [Fact]
    public void ScenarioCompare_OutInMissingFolder_ExitsTwoNamingThePath()
    {
        string ws = Path.Combine(_dir, "ws.gpkg"), file = Path.Combine(_dir, "no", "such", "compare.json");
        Assert.Equal(0, PlannerCli.Run("import", Tiny, "--into", ws).Exit);
        Assert.Equal(0, PlannerCli.Run("scenario", "new", ws, "a", "--base", "测试区 (tiny test region)").Exit);

        var (exit, _, error) = PlannerCli.Run("scenario", "compare", ws, "a", "a", "--format", "json", "--out", file);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"--out {file}: folder {Path.GetDirectoryName(file)} does not exist", Assert.Single(Lines(error)).TrimEnd('\r'));
    }
}
