using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Model;
using Xunit;

namespace Planner.Core.Tests.Import;

public sealed class UnitModellerTests
{
    private static (Region Region, OsmExtract Extract, LocalProjection Projection) Modelled()
    {
        var extract = OsmExtractReader.Read(ImportFixtures.Path("guixi_small.osm"));
        var region = OsmRegionImporter.Build(extract, "贵溪市", "360681", "guixi_small.osm");
        var (units, _) = UnitModeller.FromPlaces(region, extract.Places, extract.Boundaries);
        var modelled = region with { Units = [.. units] };
        return (modelled, extract, modelled.CreateProjection());
    }

    [Fact]
    public void FromPlaces_GuixiCut_OneTownshipPerTownNodeCodedUnderTheCounty()
    {
        var (region, extract, _) = Modelled();
        var towns = extract.Places.Where(p => p.Place == "town").Select(p => p.Name).Order();

        var townships = region.Units.Where(u => u.Level == AdminLevel.Township).ToList();

        Assert.Equal(towns, townships.Select(t => t.Name).Order());
        Assert.Equal(["360681001", "360681002", "360681003"], townships.Select(t => t.Code));
        Assert.All(townships, t => Assert.Equal("360681", t.ParentCode));
        Assert.All(region.Units.Where(u => u.Level == AdminLevel.Village), v => Assert.Matches(@"^36068100[1-3]\d{3}$", v.Code));
        Assert.All(region.Units.Where(u => u.Level == AdminLevel.Village), v => Assert.True(v.Modelled));
    }

    [Fact]
    public void FromPlaces_GuixiCut_TownshipsPartitionTheExtent()
    {
        var (region, _, projection) = Modelled();
        var county = projection.Project(region.Units.Single(u => u.Level == AdminLevel.County).Boundary);
        var townships = region.Units.Where(u => u.Level == AdminLevel.Township).Select(u => projection.Project(u.Boundary)).ToList();

        Assert.Equal(county.Area, townships.Sum(t => t.Area), 1e-5 * county.Area);
        var union = RobustOverlay.Union(county.Factory.BuildGeometry(townships));
        Assert.True(RobustOverlay.SymmetricDifference(union, county).Area < 1e-5 * county.Area);
    }

    [Fact]
    public void FromPlaces_GuixiCut_VillagesNestInsideTheirTownshipAndPartitionIt()
    {
        var (region, extract, projection) = Modelled();
        var units = region.Units.ToDictionary(u => u.Code);

        foreach (var township in region.Units.Where(u => u.Level == AdminLevel.Township))
        {
            var t = projection.Project(township.Boundary);
            var villages = region.Units.Where(u => u.ParentCode == township.Code).Select(u => projection.Project(u.Boundary)).ToList();
            if (villages.Count == 0)
            {
                continue;
            }

            Assert.Equal(t.Area, villages.Sum(v => v.Area), 1e-5 * t.Area);
            Assert.All(villages, v => Assert.True(RobustOverlay.Difference(v, t).Area < 1.0, $"{v} leaves {t}"));
        }

        // Each village's place node lies in its own cell: the Voronoi property.
        foreach (var village in region.Units.Where(u => u.Level == AdminLevel.Village))
        {
            var seed = extract.Places.Single(p => p.Name == village.Name).Location;
            Assert.True(village.Boundary.Covers(ImportFixtures.Wgs84.CreatePoint(new Coordinate(seed.Lon, seed.Lat))), village.Name);
            Assert.True(units.ContainsKey(village.ParentCode!));
        }
    }

    [Fact]
    public void FromPlaces_CompleteBoundary_IsUsedForItsTownship()
    {
        var (region, extract, projection) = Modelled();
        var real = projection.Project(extract.Boundaries.Single(b => b.Name == "东门街道").Area);
        var county = projection.Project(region.Units.Single(u => u.Level == AdminLevel.County).Boundary);
        var expected = RobustOverlay.Intersection(real, county);

        var dongmen = projection.Project(region.Units.Single(u => u.Name == "东门街道" && u.Level == AdminLevel.Township).Boundary);

        Assert.True(RobustOverlay.SymmetricDifference(dongmen, expected).Area < 1e-5 * expected.Area);
    }

    [Fact]
    public void FromHexagons_Box_CoversTheCountyWithModelledTownships()
    {
        var region = ImportFixtures.BoxRegion(new GeoBounds(-51.24, -30.06, -51.20, -30.02), "4314902");
        var projection = region.CreateProjection();

        var units = UnitModeller.FromHexagons(region, 1000);

        var county = projection.Project(region.Units[0].Boundary);
        var townships = units.Where(u => u.Level == AdminLevel.Township).ToList();
        Assert.Equal(county.Area, townships.Sum(t => projection.Project(t.Boundary).Area), 1e-5 * county.Area);
        Assert.All(townships, t => Assert.Matches(@"^4314902\d{3}$", t.Code));
        Assert.Equal(townships.Count, townships.Select(t => t.Code).Distinct().Count());
    }

    [Fact]
    public void FromPlaces_NoTownNodes_ThrowsNamingPlaces()
    {
        var region = ImportFixtures.BoxRegion(new GeoBounds(117.19, 28.28, 117.26, 28.33));
        OsmPlace[] villagesOnly = [new(1, "village", "黄坑村", null, new GeoPoint(117.1934795, 28.3091981))];

        var ex = Assert.Throws<ImportException>(() => UnitModeller.FromPlaces(region, villagesOnly, []));

        Assert.Contains("places.geojson", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void FromPlaces_TwoSeedsAtOnePosition_ThrowsNamingBothNodes()
    {
        var region = ImportFixtures.BoxRegion(new GeoBounds(117.19, 28.28, 117.26, 28.33));
        OsmPlace[] places =
        [
            new(1, "town", "东门街道", null, new GeoPoint(117.21, 28.29)),
            new(2, "quarter", "信江社区", null, new GeoPoint(117.22, 28.30)),
            new(3, "quarter", "江边社区", null, new GeoPoint(117.22, 28.30)),
        ];

        var ex = Assert.Throws<ImportException>(() => UnitModeller.FromPlaces(region, places, []));

        Assert.Contains("places.geojson: 2, 3: geometry:", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }
}
