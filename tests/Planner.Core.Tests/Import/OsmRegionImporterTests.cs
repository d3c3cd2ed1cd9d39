using Planner.Core.Import;
using Planner.Core.IO;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class OsmRegionImporterTests
{
    [Fact]
    public void Import_ExtractWithPublicBuildings_WritesTheLayerAndItsSource()
    {
        var folder = ImportFixtures.TempFolder();
        try
        {
            OsmRegionImporter.Import(ImportFixtures.Path("public_buildings.osm"), folder, "测试镇", "360681");

            var load = RegionFolderReader.Read(folder);
            Assert.Empty(load.Problems);
            Assert.Equal(["osm:node:1", "osm:node:3", "osm:node:5", "osm:way:101"], load.Region!.PublicBuildings.Select(b => b.Id));
            Assert.Equal(["townhall", "government", "social_facility", "school"], load.Region.PublicBuildings.Select(b => b.Kind));
            var source = Assert.Single(load.Region.Info.Sources, s => s.Layer == "public_buildings");
            Assert.False(source.Modelled);
            Assert.StartsWith("4 nodes and closed ways tagged as public buildings (government 1, school 1, social_facility 1, townhall 1)", source.Note, StringComparison.Ordinal);
            Assert.Equal(["roads", "places", "public_buildings", "units"], load.Region.Info.Sources.Select(s => s.Layer));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Import_ExtractWithoutPublicBuildings_WritesNoFileAndNoSource()
    {
        var folder = ImportFixtures.TempFolder();
        try
        {
            var (region, _) = OsmRegionImporter.Import(ImportFixtures.Path("guixi_small.osm"), folder, "贵溪市", "360681");

            Assert.Empty(region.PublicBuildings);
            Assert.False(File.Exists(Path.Combine(folder, RegionFiles.PublicBuildings)));
            Assert.DoesNotContain(region.Info.Sources, s => s.Layer == "public_buildings");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
