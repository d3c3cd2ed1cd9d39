using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Import;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Core.Tests.Import;

/// <summary>
/// Summing population rasters (WorldPop age/sex bands) per cell: the rasters are written by GDAL
/// (<c>gdal_translate</c> from ESRI ASCII grids typed here), and the expected sums are added by hand.
/// </summary>
public class PopulationRasterSumTests
{
    private const double Cell = 0.001;

    /// <summary>A Float32 GeoTIFF in EPSG:4326 with the given rows (north first), NoData -9999, made by gdal_translate.</summary>
    public static string Raster(string folder, string name, double west, double south, params double[][] rows)
    {
        var asc = Path.Combine(folder, name + ".asc");
        var lines = new List<string>
        {
            $"ncols {rows[0].Length}", $"nrows {rows.Length}",
            string.Create(CultureInfo.InvariantCulture, $"xllcorner {west}"), string.Create(CultureInfo.InvariantCulture, $"yllcorner {south}"),
            string.Create(CultureInfo.InvariantCulture, $"cellsize {Cell}"), "NODATA_value -9999",
        };
        lines.AddRange(rows.Select(r => string.Join(' ', r.Select(v => v.ToString(CultureInfo.InvariantCulture)))));
        File.WriteAllLines(asc, lines);
        var tif = Path.Combine(folder, name + ".tif");
        TestFiles.Tool("gdal_translate", ["-q", "-of", "GTiff", "-ot", "Float32", "-a_srs", "EPSG:4326", asc, tif]);
        return tif;
    }

    private static GeoPoint Centre(double west, double south, int nrows, int row, int col) =>
        new(west + ((col + 0.5) * Cell), south + (nrows * Cell) - ((row + 0.5) * Cell));

    [Fact]
    public void Read_TwoBandsOnOneGrid_EachCellIsTheHandSum()
    {
        var folder = TestFiles.TempFolder();
        var male = Raster(folder, "m60", 117.2, 28.29, [1, 2, -9999], [4, 5, 6]);
        var female = Raster(folder, "f60", 117.2, 28.29, [10, -9999, 30], [0, 50, 60.5]);

        var points = PopulationRasterSum.Read([male, female]);

        // Hand sums: NoData and zero cells add nothing; a cell only one band fills keeps that band's count.
        var expected = new Dictionary<(int Row, int Col), double>
        {
            [(0, 0)] = 11, [(0, 1)] = 2, [(0, 2)] = 30,
            [(1, 0)] = 4, [(1, 1)] = 55, [(1, 2)] = 66.5,
        };
        Assert.Equal(expected.Count, points.Count);
        foreach (var ((row, col), sum) in expected)
        {
            var at = Centre(117.2, 28.29, 2, row, col);
            var p = Assert.Single(points, p => Math.Abs(p.Location.Lon - at.Lon) < 1e-9 && Math.Abs(p.Location.Lat - at.Lat) < 1e-9);
            Assert.Equal(sum, p.Counts[0], 4);
            Assert.Equal($"r{row}c{col}", p.Id);
        }
    }

    [Fact]
    public void Read_RasterOnAnotherGrid_KeepsItsOwnCentresAndTheTotal()
    {
        var folder = TestFiles.TempFolder();
        var a = Raster(folder, "a", 117.2, 28.29, [1, 2]);
        var shifted = Raster(folder, "b", 117.2005, 28.29, [7]);

        var points = PopulationRasterSum.Read([a, shifted]);

        Assert.Equal(3, points.Count);
        Assert.Equal(10, points.Sum(p => p.Counts[0]), 6);
        Assert.Equal(points.Count, points.Select(p => p.Id).Distinct().Count());
        Assert.Equal("2:r0c0", points[2].Id);
    }
}
