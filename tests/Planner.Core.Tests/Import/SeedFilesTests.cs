using Planner.Core.Import;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class SeedFilesTests
{
    [Fact]
    public void WriteThenRead_GuixiCut_ReturnsThePlacesAndBoundaries()
    {
        var extract = OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm"));
        var folder = ImportFixtures.TempFolder();

        SeedFiles.Write(folder, extract.Places, extract.Boundaries);
        var places = SeedFiles.ReadPlaces(folder);
        var boundaries = SeedFiles.ReadBoundaries(folder);

        Assert.Equal(extract.Places, places);
        var dongmen = Assert.Single(boundaries);
        Assert.Equal(extract.Boundaries[0].RelationId, dongmen.RelationId);
        Assert.Equal(extract.Boundaries[0].Area.Area, dongmen.Area.Area, 1e-12);
    }

    [Fact]
    public void ReadPlaces_FeatureWithoutId_ReportsFileFeatureAndField()
    {
        var folder = ImportFixtures.TempFolder();
        File.WriteAllText(Path.Combine(folder, SeedFiles.Places),
            """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"place":"town","name":"东门街道"},"geometry":{"type":"Point","coordinates":[117.2,28.3]}}]}""");

        var ex = Assert.Throws<ImportException>(() => SeedFiles.ReadPlaces(folder));

        Assert.Equal($"{Path.Combine(folder, SeedFiles.Places)}: #1: id: is not an OSM node id", Assert.Single(ex.Problems));
    }

    [Fact]
    public void ReadPlaces_NoFile_IsNoPlaces()
    {
        Assert.Empty(SeedFiles.ReadPlaces(ImportFixtures.TempFolder()));
    }
}
