using Planner.Core.Import;
using Planner.Core.Model;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class RegionEditingTests
{
    [Fact]
    public void Load_FolderWithoutRegionJson_ThrowsNamingTheFile()
    {
        var folder = ImportFixtures.TempFolder();

        var ex = Assert.Throws<ImportException>(() => RegionEditing.Load(folder));

        Assert.StartsWith(Path.Combine(folder, "region.json"), Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void WithSource_SameLayer_ReplacesItAndKeepsLayerOrder()
    {
        var region = ImportFixtures.BoxRegion(new Planner.Core.Geo.GeoBounds(117.19, 28.28, 117.26, 28.33))
            .WithSource(new DataSource("demand", "old", "MIT", false, "old"))
            .WithSource(new DataSource("roads", "osm", "ODbL", false, "roads"))
            .WithSource(new DataSource("demand", "census", "MIT", true, "spread"));

        Assert.Equal(["roads", "demand"], region.Info.Sources.Select(s => s.Layer));
        Assert.True(region.Info.Sources[1].Modelled);
    }

    [Fact]
    public void Save_NeedOfARemovedGroup_ThrowsAndWritesNothing()
    {
        var folder = ImportFixtures.TempFolder();
        var region = ImportFixtures.BoxRegion(new Planner.Core.Geo.GeoBounds(117.19, 28.28, 117.26, 28.33)) with
        {
            Needs = [new Need("N1", new Planner.Core.Geo.GeoPoint(117.2, 28.3), "clinic", "elderly", 2, null)],
        };

        var ex = Assert.Throws<ImportException>(() => RegionEditing.Save(region, folder));

        Assert.StartsWith($"{Path.Combine(folder, "needs.geojson")}: N1: group: 'elderly'", Assert.Single(ex.Problems), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
