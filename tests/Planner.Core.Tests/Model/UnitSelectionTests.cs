using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Planner.Core.Geo;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Core.Tests.Model;

/// <summary>
/// The units a township key sees: by code prefix, then down the <c>parent</c> links, so units whose codes do
/// not share the township's prefix are still found; features by unit code when it names a unit, else by place.
/// </summary>
public sealed class UnitSelectionTests
{
    private static readonly WKTReader Wkt = new();

    // tiny: county 360681 split at 117.235E into 东门街道 360681001 (west) and 雄石街道 360681002 (east). Here the
    // villages and grids under them carry codes of another scheme (V-1, G-1) and are found through their parents.
    private static Region Region()
    {
        var tiny = RegionFolderReader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny")).Region!;
        return tiny with
        {
            Units =
            [
                Unit("360681", null, AdminLevel.County, "POLYGON ((117.22 28.28, 117.25 28.28, 117.25 28.3, 117.22 28.3, 117.22 28.28))"),
                Unit("360681001", "360681", AdminLevel.Township, "POLYGON ((117.22 28.28, 117.235 28.28, 117.235 28.3, 117.22 28.3, 117.22 28.28))"),
                Unit("360681002", "360681", AdminLevel.Township, "POLYGON ((117.235 28.28, 117.25 28.28, 117.25 28.3, 117.235 28.3, 117.235 28.28))"),
                Unit("V-1", "360681001", AdminLevel.Village, "POLYGON ((117.22 28.28, 117.235 28.28, 117.235 28.29, 117.22 28.29, 117.22 28.28))"),
                Unit("G-1", "V-1", AdminLevel.Grid, "POLYGON ((117.22 28.28, 117.23 28.28, 117.23 28.29, 117.22 28.29, 117.22 28.28))"),
                Unit("V-2", "360681002", AdminLevel.Village, "POLYGON ((117.235 28.28, 117.25 28.28, 117.25 28.29, 117.235 28.29, 117.235 28.28))"),
            ],
        };
    }

    [Fact]
    public void UnderPrefix_Township_FollowsParentsBelowCodesOfAnotherScheme()
    {
        var units = UnitSelection.UnderPrefix(Region(), "360681001")!;
        Assert.Equal(["360681001"], units.Roots.Select(u => u.Code));
        Assert.Equal(["360681001", "G-1", "V-1"], units.Codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UnderPrefix_SharedByTwoTownships_GivesBothAsRoots_AndTheirJointBoundary()
    {
        var units = UnitSelection.UnderPrefix(Region(), "36068100")!;
        Assert.Equal(["360681001", "360681002"], units.Roots.Select(u => u.Code));
        Assert.Equal(6 - 1, units.Codes.Count);
        Assert.Equal(0.03 * 0.02, units.Boundary.Area, 9);
    }

    [Fact]
    public void UnderPrefix_NoUnitUnderIt_IsNull() => Assert.Null(UnitSelection.UnderPrefix(Region(), "360681003"));

    [Theory]
    [InlineData("V-1", 117.245, 28.285, true)] // by its unit code, wherever it stands
    [InlineData("V-2", 117.225, 28.285, false)]
    [InlineData(null, 117.225, 28.285, true)] // no code: by place
    [InlineData(null, 117.245, 28.285, false)]
    [InlineData("360681001999", 117.225, 28.285, true)] // a code the region does not know: by place
    [InlineData("360681001999", 117.245, 28.285, false)]
    [InlineData(null, 117.235, 28.285, true)] // on the boundary
    public void Holds_ByUnitCodeWhenItNamesAUnit_ElseByPlace(string? unitCode, double lon, double lat, bool expected)
    {
        var units = UnitSelection.UnderPrefix(Region(), "360681001")!;
        Assert.Equal(expected, units.Holds(unitCode, new GeoPoint(lon, lat)));
    }

    [Fact]
    public void Holds_LinesThatMeetTheTownship()
    {
        var units = UnitSelection.UnderPrefix(Region(), "360681001")!;
        Assert.True(units.Holds(null, Wkt.Read("LINESTRING (117.23 28.285, 117.245 28.285)")));
        Assert.False(units.Holds(null, Wkt.Read("LINESTRING (117.24 28.285, 117.245 28.285)")));
    }

    private static AdminUnit Unit(string code, string? parent, AdminLevel level, string wkt) => new(code, code, level, parent, Wkt.Read(wkt));
}
