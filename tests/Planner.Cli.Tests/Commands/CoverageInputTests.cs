using Planner.Cli.Commands;
using Xunit;

namespace Planner.Cli.Tests.Commands;

/// <summary>
/// <c>planner coverage</c> refuses what <c>planner validate</c> refuses, and what coverage cannot work without,
/// with exit code 2 and one line per problem; output paths that cannot be written are named before any work.
/// </summary>
public sealed class CoverageInputTests : IDisposable
{
    private static readonly string Tiny = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");
    private readonly string _dir = Directory.CreateTempSubdirectory("planner-cov-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Copy(Action<string> change)
    {
        string dir = Path.Combine(_dir, "region");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(Tiny))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        change(dir);
        return dir;
    }

    private static void Replace(string file, string from, string to)
    {
        string text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string[] Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    [Fact]
    public void Coverage_DemandWithOnlyItsHeader_ExitsTwo()
    {
        string dir = Copy(d => File.WriteAllText(Path.Combine(d, "demand.csv"), File.ReadAllLines(Path.Combine(d, "demand.csv"))[0] + "\n"));
        var (exit, output, error) = PlannerCli.Run("coverage", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"{dir}/demand.csv: no demand points: coverage needs people (the file is missing or holds only its header)", Assert.Single(Lines(error)));
    }

    [Fact]
    public void Coverage_MissingStationsFile_ExitsTwo()
    {
        string dir = Copy(d => File.Delete(Path.Combine(d, "stations.geojson")));
        var (exit, _, error) = PlannerCli.Run("coverage", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"{dir}/stations.geojson: file is missing: coverage needs stations", Assert.Single(Lines(error)));
    }

    [Fact]
    public void Coverage_UnreadableStationsFile_ExitsTwo()
    {
        string dir = Copy(d => File.WriteAllText(Path.Combine(d, "stations.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{"));
        var (exit, _, error) = PlannerCli.Run("coverage", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith($"{dir}/stations.geojson", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_DuplicateStationIds_ExitsTwoAsValidateDoes()
    {
        string dir = Copy(d => Replace(Path.Combine(d, "stations.geojson"), "\"id\":\"s2\"", "\"id\":\"s1\""));
        var (exit, _, error) = PlannerCli.Run("coverage", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(ExitCodes.BadInput, ValidateCommand.Run(new DirectoryInfo(dir), 500, new StringWriter()));
        Assert.Equal($"{dir}/stations.geojson feature s1 field 'id': id is used by 2 features: ids must be unique", Assert.Single(Lines(error)));
    }

    [Fact]
    public void Coverage_UnitThatIsItsOwnParent_ExitsTwoAsValidateDoes()
    {
        string dir = Copy(d => Replace(Path.Combine(d, "units.geojson"), "\"level\":\"township\",\"parent\":\"360681\"}", "\"level\":\"township\",\"parent\":\"360681001\"}"));
        var (exit, _, error) = PlannerCli.Run("coverage", dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(ExitCodes.BadInput, ValidateCommand.Run(new DirectoryInfo(dir), 500, new StringWriter()));
        Assert.Contains(Lines(error), l => l.StartsWith($"{dir}/units.geojson feature 360681001 field 'parent':", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_EmptyStationsLayer_WarnsAndRuns()
    {
        string dir = Copy(d => File.WriteAllText(Path.Combine(d, "stations.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}"));
        var (exit, output, error) = PlannerCli.Run("coverage", dir);
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal($"warning: {dir}/stations.geojson: no stations: nobody is covered", Assert.Single(Lines(error)));
        Assert.Contains("\"groups\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--circles")]
    [InlineData("--points")]
    public void Coverage_OutputIntoMissingFolder_ExitsTwoNamingThePath(string option)
    {
        string path = Path.Combine(_dir, "missing", "file.txt");
        var (exit, _, error) = PlannerCli.Run("coverage", Tiny, option, path);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"{option} {path}: folder {Path.Combine(_dir, "missing")} does not exist", Assert.Single(Lines(error)));
    }

    [Fact]
    public void Coverage_OutputIsADirectory_ExitsTwoNamingThePath()
    {
        var (exit, _, error) = PlannerCli.Run("coverage", Tiny, "--out", _dir);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"--out {_dir}: is a directory, not a file", Assert.Single(Lines(error)));
    }
}
