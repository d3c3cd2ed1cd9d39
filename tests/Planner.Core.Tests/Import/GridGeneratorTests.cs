using Planner.Core.Import;
using Planner.Core.Model;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class GridGeneratorTests
{
    [Fact]
    public void Generate_GuixiCutVillages_GridsCoverEachVillageAndAreCodedUnderIt()
    {
        var extract = OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm"));
        var region = OsmRegionImporter.Build(extract, "贵溪市", "360681", "guixi_small.osm");
        region = region with { Units = [.. UnitModeller.FromPlaces(region, extract.Places, extract.Boundaries).Units] };
        var projection = region.CreateProjection();

        var units = GridGenerator.Generate(region, 300);

        var grids = units.Where(u => u.Level == AdminLevel.Grid).ToList();
        Assert.NotEmpty(grids);
        Assert.Equal(grids.Count, grids.Select(g => g.Code).Distinct().Count());
        Assert.All(grids, g => Assert.True(g.Modelled));
        foreach (var village in units.Where(u => u.Level == AdminLevel.Village))
        {
            var mine = grids.Where(g => g.ParentCode == village.Code).ToList();
            Assert.All(mine, g => Assert.Matches($"^{village.Code}\\d{{3}}$", g.Code));
            var area = projection.Project(village.Boundary).Area;
            var covered = mine.Sum(g => projection.Project(g.Boundary).Area);

            // Only slivers under 1 m² are dropped, and vertices are snapped to 1e-7 degrees.
            Assert.Equal(area, covered, 1e-4 * area);
            Assert.All(mine, g => Assert.True(projection.Project(g.Boundary).Area <= HexGrid.CellAreaM2(300) * 1.0001));
        }
    }

    [Fact]
    public void Generate_NoVillages_ThrowsNamingTheLevel()
    {
        var region = ImportFixtures.BoxRegion(new Planner.Core.Geo.GeoBounds(117.19, 28.28, 117.26, 28.33));

        var ex = Assert.Throws<ImportException>(() => GridGenerator.Generate(region, 300));

        Assert.Contains("no village units", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_NonPositiveCell_Throws()
    {
        var region = ImportFixtures.BoxRegion(new Planner.Core.Geo.GeoBounds(117.19, 28.28, 117.26, 28.33));

        Assert.Throws<ImportException>(() => GridGenerator.Generate(region, 0, AdminLevel.County));
    }
}
