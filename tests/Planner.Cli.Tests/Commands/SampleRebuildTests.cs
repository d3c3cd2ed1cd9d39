using System.CommandLine;
using Planner.Cli.Commands;
using Xunit;

namespace Planner.Cli.Tests.Commands;

/// <summary>
/// Rebuilds the shipped samples with the import commands from the copies of the sources kept under
/// tests/Planner.Core.Tests/Fixtures and compares every file byte for byte with data/. The steps mirror
/// scripts/build-samples.sh, which does the same from ../shared/data.
/// </summary>
public sealed class SampleRebuildTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoverageMap.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoverageMap.sln not found above the test output folder.");
    }

    private static string Fixture(string name) => Path.Combine(RepoRoot(), "tests", "Planner.Core.Tests", "Fixtures", name);

    private static void Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(VisitsCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.True(exit == 0, $"planner {string.Join(' ', args)} exited {exit}: {error}");
    }

    private static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = Directory.GetFiles(expectedFolder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(expected, Directory.GetFiles(actualFolder).Select(Path.GetFileName).Order().ToList());
        foreach (var name in expected)
        {
            var same = File.ReadAllBytes(Path.Combine(expectedFolder, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, name!)));
            Assert.True(same, $"{name} differs from the committed sample: run scripts/build-samples.sh");
        }
    }

    private static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "coveragemap-samples-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void Rebuild_Guixi_IsIdenticalToData()
    {
        var work = TempFolder();
        var census = Path.Combine(work, "county_2020.csv");
        File.Copy(Fixture("county_2020_sample.csv"), census);
        var g = Path.Combine(work, "guixi");

        Run("import", "osm", Fixture("guixi.osm"), "--out", g, "--name", "贵溪市", "--code", "360681");
        Run("import", "units", g);
        Run("import", "grids", g, "--cell-m", "300");
        Run("import", "census", g, "--csv", census, "--code", "360681", "--share", "urban", "--over", "grid", "--weight", "Roads",
            "--rate", "disabled=6.34", "--rate-source", "national rate of the 2006 Second China National Sample Survey on Disability, applied as a model");
        Run("import", "illustrative", g);
        Run("import", "divisions", g, "--codes", Path.Combine(RepoRoot(), "data", "divisions", "360681.csv"));
        Run("visits", g, "--illustrative-cases", Path.Combine(g, "cases.csv"));

        AssertSameFiles(Path.Combine(RepoRoot(), "data", "guixi"), g);
    }

    [Fact]
    public void Rebuild_PortoAlegre_IsIdenticalToData()
    {
        var p = Path.Combine(TempFolder(), "porto-alegre");
        var hexgrid = Fixture("poa_hexgrid.csv");

        Run("import", "osm", Fixture("poa_osm.pbf"), "--out", p, "--name", "Porto Alegre", "--code", "4314902", "--default-circle", "custom");
        Run("import", "units", p, "--hex-m", "2000");
        Run("import", "population", p, "--csv", hexgrid, "--id-column", "id", "--count-columns", "population",
            "--source", "r5r sample data poa_hexgrid.csv (H3 resolution 9 hexagon centroids)", "--licence", "MIT (r5r package sample data)");
        Run("import", "stations", p, "--csv", hexgrid, "--id-column", "id", "--where-positive", "healthcare",
            "--name-prefix", "Stand-in (healthcare hexagon)", "--level", "village_point", "--status", "operating", "--social-workers", "1", "--licence", "MIT",
            "--note", "STAND-INS, not social-work stations: centroids of the r5r hexagons with healthcare > 0");

        AssertSameFiles(Path.Combine(RepoRoot(), "data", "porto-alegre"), p);
    }
}
