using System.Text;
using Planner.Core.IO;
using Planner.Core.Scenarios;

namespace Planner.Core.Tests.IO;

/// <summary>
/// Inputs the fuzzers (tests/fuzz, docs/fuzz.md) and the API's property tests found: each made a reader throw
/// InvalidOperationException (JsonElement.GetString on text JsonDocument had accepted) instead of reporting a problem.
/// </summary>
public sealed class FuzzFoundInputTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "planner-fuzzfound-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // AFL, geojson target, crash id:000000 (reduced): a byte 0x8B that is not UTF-8 inside a string.
    [Fact]
    public void GeoJson_InvalidUtf8InAString_IsInvalidDataNotACrash()
    {
        var bytes = Encoding.ASCII.GetBytes("{\"type\":\"FeatureXCollection\",\"features\":[]}");
        bytes[16] = 0x8B;
        var ex = Assert.Throws<InvalidDataException>(() => GeoJsonFeatureReader.Read(Write("bad.geojson", bytes)));
        Assert.Contains("not UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeoJson_UnpairedSurrogateEscape_IsInvalidDataNamingThePath()
    {
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"s1","name":"\ud800"},"geometry":{"type":"Point","coordinates":[117.23,28.28]}}]}""";
        var ex = Assert.Throws<InvalidDataException>(() => GeoJsonFeatureReader.Read(Write("bad.geojson", Encoding.UTF8.GetBytes(json))));
        Assert.Contains("$.features[0].properties.name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegionFolder_StationsNotUtf8_IsAProblemOfThatFile()
    {
        using var region = FixtureRegion.Copy();
        var stations = Path.Combine(region.Path, RegionFiles.Stations);
        var bytes = File.ReadAllBytes(stations);
        int at = Array.IndexOf(bytes, (byte)'s', Encoding.ASCII.GetBytes("{\"type\":\"Feature").Length);
        bytes[at] = 0xFF;
        File.WriteAllBytes(stations, bytes);

        var result = RegionFolderReader.Read(region.Path);

        Assert.Contains(result.Problems, p => p.Message.Contains("not UTF-8", StringComparison.Ordinal));
    }

    // AFL, region target (region.json), crashes 0-4 and 6-11: invalid UTF-8 inside a string of region.json.
    [Fact]
    public void RegionFolder_RegionJsonNotUtf8_IsAProblemNotACrash()
    {
        using var region = FixtureRegion.Copy();
        var info = Path.Combine(region.Path, RegionFiles.Info);
        var bytes = File.ReadAllBytes(info);
        bytes[Array.IndexOf(bytes, (byte)'t', Array.IndexOf(bytes, (byte)':'))] = 0x8B;
        File.WriteAllBytes(info, bytes);

        var result = RegionFolderReader.Read(region.Path);

        Assert.Null(result.Region);
        Assert.Contains(result.Problems, p => p.Message.Contains("not UTF-8", StringComparison.Ordinal));
    }

    // AFL, region target (demand.csv), crash 5: a quote inside an unquoted field threw CsvHelper's BadDataException.
    [Fact]
    public void RegionFolder_DemandWithStrayQuote_IsAProblemNotACrash()
    {
        using var region = FixtureRegion.Copy();
        File.WriteAllText(Path.Combine(region.Path, RegionFiles.Demand), "id,lon,lat,unit,total,elderly,children\nd1,117.23,28.28,36068\"1001001,10,2,1\n");

        var result = RegionFolderReader.Read(region.Path);

        Assert.Contains(result.Problems, p => p.Message.StartsWith("not readable CSV", StringComparison.Ordinal));
    }

    // The API's property test, seed 5V3hvgz0st58 (PUT /scenarios): a 500 before.
    [Fact]
    public void ScenarioEdits_UnpairedSurrogateInAText_IsAProblemAtThatMember()
    {
        var (edits, problems) = ScenarioEditJson.Parse("""[{"kind":"change_status","station_id":"\ud800","status":"built"},{"kind":"\udfff"},{"kind":"add_team","id":"t","lon":1,"lat":2,"skills":["\ud800"]}]""");

        Assert.Empty(edits);
        Assert.Equal(["edits[0].station_id", "edits[1].kind", "edits[2].skills"], problems.Select(p => p.Path));
    }

    // AFL, osm target, crashes 0 and 1: <bounds minlon="1+7.24"> threw FormatException, not the documented InvalidDataException.
    [Fact]
    public void Osm_BoundsNotANumber_IsInvalidData()
    {
        var osm = Write("bad.osm", Encoding.UTF8.GetBytes("<?xml version='1.0'?><osm version='0.6'><bounds minlat='28.2' minlon='1+7.24' maxlat='28.3' maxlon='117.3'/></osm>"));
        var ex = Assert.Throws<InvalidDataException>(() => Planner.Core.Import.OsmExtractReader.Read(osm));
        Assert.Contains("minlon", ex.Message, StringComparison.Ordinal);
    }

    // AFL, geotiff target, crashes 0-2 (the files as AFL saved them): LibTiff.NET threw OverflowException or
    // InvalidCastException on corrupt tags while opening, not the documented ImportException; the second run's
    // crash 1: a string tag declaring a count of billions made it allocate that much (OutOfMemoryException).
    [Theory]
    [InlineData("geotiff-overflow.tif")]
    [InlineData("geotiff-cast.tif")]
    [InlineData("geotiff-predictor.tif")]
    [InlineData("geotiff-string-count.tif")]
    [InlineData("geotiff-huge-count.tif")] // 10-minute run, hangs 1-2: 455 bytes, 6-20 s in LibTiff allocating
    [InlineData("geotiff-slow-34k.tif")]
    public void GeoTiff_CorruptTags_IsAnImportException(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", file);
        var ex = Assert.Throws<Planner.Core.Import.ImportException>(() => Planner.Core.Import.GeoTiffPopulationReader.Read(path));
        Assert.Contains("not a readable TIFF file", ex.Message, StringComparison.Ordinal);
    }

    // The 10-minute run's hang 2: a tag declaring more values than the 455-byte file holds; TiffStructure names it
    // before LibTiff sizes an array from it.
    [Fact]
    public void GeoTiff_TagCountPastTheEndOfTheFile_IsNamedByTheStructureCheck()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", "geotiff-huge-count.tif");
        var problem = Planner.Core.Import.TiffStructure.Problem(path);
        Assert.NotNull(problem);
        Assert.Matches("^directory 1, tag [0-9]+: ", problem);
    }

    [Fact]
    public void GeoTiff_SoundRaster_PassesTheStructureCheck()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wuhan_pop60plus_100m_hankou_clip.tif");
        Assert.Null(Planner.Core.Import.TiffStructure.Problem(path));
        Assert.Null(Planner.Core.Import.TiffStructure.Problem(File.ReadAllBytes(path)));
    }

    // The same raster as BigTIFF (gdal_translate -co BIGTIFF=YES, an independent writer): 8-byte counts and offsets.
    [Fact]
    public void GeoTiff_SoundBigTiff_PassesTheStructureCheck()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", "wuhan-clip-bigtiff.tif");
        Assert.Null(Planner.Core.Import.TiffStructure.Problem(path));
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 0xFF; bytes[9] = 0xFF; bytes[10] = 0xFF; // the first directory's offset, now past the end
        Assert.StartsWith("directory 1: offset ", Planner.Core.Import.TiffStructure.Problem(bytes), StringComparison.Ordinal);
    }
}
