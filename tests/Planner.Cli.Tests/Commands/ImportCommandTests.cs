using System.CommandLine;
using Planner.Cli.Commands;
using Planner.Core.IO;
using Xunit;

namespace Planner.Cli.Tests.Commands;

public sealed class ImportCommandTests
{
    // A tiny OSM extract in the shape of guixi.osm: two streets' seats, three communities, two roads.
    private const string TinyOsm = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
         <bounds minlat="28.2800" minlon="117.2000" maxlat="28.3000" maxlon="117.2300"/>
         <node id="1" lat="28.2850" lon="117.2050"><tag k="place" v="town"/><tag k="name" v="雄石街道"/></node>
         <node id="2" lat="28.2950" lon="117.2250"><tag k="place" v="town"/><tag k="name" v="花园街道"/></node>
         <node id="3" lat="28.2830" lon="117.2020"><tag k="place" v="quarter"/><tag k="name" v="南街社区"/></node>
         <node id="4" lat="28.2880" lon="117.2080"><tag k="place" v="quarter"/><tag k="name" v="东街社区"/></node>
         <node id="5" lat="28.2960" lon="117.2260"><tag k="place" v="village"/><tag k="name" v="花园村"/></node>
         <node id="10" lat="28.2820" lon="117.2010"/>
         <node id="11" lat="28.2900" lon="117.2150"/>
         <node id="12" lat="28.2980" lon="117.2290"/>
         <way id="100"><nd ref="10"/><nd ref="11"/><tag k="highway" v="residential"/><tag k="name" v="建设路"/></way>
         <way id="101"><nd ref="11"/><nd ref="12"/><tag k="highway" v="tertiary"/></way>
        </osm>
        """;

    private static (int Exit, string Out, string Error) Run(params string[] args) => PlannerCli.Run(args);

    private static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "coveragemap-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void Import_OsmUnitsGridsCensusIllustrative_BuildsAFolderThatLoadsCleanly()
    {
        var dir = TempFolder();
        var osm = Path.Combine(dir, "tiny.osm");
        File.WriteAllText(osm, TinyOsm);
        var census = Path.Combine(dir, "census.csv");
        File.WriteAllLines(census, ["code,county,population,urban,rural,share_0_14_pct,share_65_plus_pct", "360681,贵溪市,1000,600,400,20,10"]);
        var region = Path.Combine(dir, "region");

        Assert.Equal(0, Run("import", "osm", osm, "--out", region, "--name", "贵溪市", "--code", "360681").Exit);
        Assert.Equal(0, Run("import", "units", region).Exit);
        Assert.Equal(0, Run("import", "grids", region, "--cell-m", "300").Exit);
        var spread = Run("import", "census", region, "--csv", census, "--code", "360681", "--share", "urban", "--weight", "Area");
        Assert.Equal(0, spread.Exit);
        Assert.Contains("total 600, elderly 60, children 120", spread.Out, StringComparison.Ordinal);
        Assert.Equal(0, Run("import", "illustrative", region).Exit);

        var loaded = RegionFolderReader.Read(region);
        Assert.True(loaded.Problems.IsEmpty, string.Join("\n", loaded.Problems));
        Assert.Equal(2, loaded.Region!.Units.Count(u => u.Level == Core.Model.AdminLevel.Township));
        Assert.Equal(3, loaded.Region.Units.Count(u => u.Level == Core.Model.AdminLevel.Village));
        Assert.Equal(600, loaded.Region.PopulationByGroup()[0]);
        Assert.Equal(["100", "101"], loaded.Region.Roads.Select(r => r.Id));
    }

    [Fact]
    public void ImportPopulation_BadRows_ExitsTwoWithOneLinePerProblem()
    {
        var dir = TempFolder();
        var osm = Path.Combine(dir, "tiny.osm");
        File.WriteAllText(osm, TinyOsm);
        var region = Path.Combine(dir, "region");
        Assert.Equal(0, Run("import", "osm", osm, "--out", region, "--code", "360681").Exit);
        var csv = Path.Combine(dir, "people.csv");
        File.WriteAllLines(csv, ["id,lon,lat,people", "a,117.21,28.29,5", "b,117.21,28.29,x", "c,117.21,28.29,-3"]);

        var (exit, _, error) = Run("import", "population", region, "--csv", csv, "--count-columns", "people", "--licence", "test");

        Assert.Equal(2, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([$"{csv}: line 3: people: 'x' is not a number", $"{csv}: line 4: people: -3 is negative"], lines);
    }

    [Fact]
    public void ImportOsm_MissingFile_ExitsTwoNamingIt()
    {
        var missing = Path.Combine(TempFolder(), "nowhere.osm.pbf");

        var (exit, _, error) = Run("import", "osm", missing, "--out", Path.Combine(TempFolder(), "r"));

        Assert.Equal(2, exit);
        Assert.Equal($"{missing}: file does not exist", error.Trim());
    }

    [Fact]
    public void ImportGrids_UnknownLevel_ExitsTwo()
    {
        var (exit, _, error) = Run("import", "grids", TempFolder(), "--under", "province");

        Assert.Equal(2, exit);
        Assert.Contains("--under: 'province' is not county, township or village", error, StringComparison.Ordinal);
    }
}
