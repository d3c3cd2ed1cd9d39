using System.Globalization;
using Planner.Core.IO;
using Planner.Core.Tests.Import.Tables;

namespace Planner.Cli.Tests.Commands;

/// <summary><c>import population --raster a.tif --raster b.tif</c>: bands summed per cell into one group, against a hand sum.</summary>
public sealed class ImportRasterSumCommandTests
{
    private static string Tiny()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "regions", "tiny");
        var target = TestFiles.TempFolder();
        foreach (var f in Directory.GetFiles(source))
        {
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)));
        }

        return target;
    }

    /// <summary>A Float32 GeoTIFF in EPSG:4326 of 0.001° cells from its rows (north first), written by gdal_translate.</summary>
    private static string Raster(string folder, string name, params double[][] rows)
    {
        var asc = Path.Combine(folder, name + ".asc");
        File.WriteAllLines(asc, new[] { $"ncols {rows[0].Length}", $"nrows {rows.Length}", "xllcorner 117.225", "yllcorner 28.283", "cellsize 0.001", "NODATA_value -9999" }
            .Concat(rows.Select(r => string.Join(' ', r.Select(v => v.ToString(CultureInfo.InvariantCulture))))));
        var tif = Path.Combine(folder, name + ".tif");
        TestFiles.Tool("gdal_translate", ["-q", "-of", "GTiff", "-ot", "Float32", "-a_srs", "EPSG:4326", asc, tif]);
        return tif;
    }

    [Fact]
    public void ImportPopulation_TwoRasters_GroupIsTheHandSumPerCell()
    {
        var folder = Tiny();
        var dir = TestFiles.TempFolder();
        var m = Raster(dir, "chn_m_60", [3, 1], [2, -9999]);
        var f = Raster(dir, "chn_f_60", [4, 0], [2.5, 8]);

        var (exit, output, error) = PlannerCli.Run("import", "population", folder, "--raster", m, "--raster", f, "--group", "elderly", "--licence", "CC BY 4.0");

        Assert.True(exit == 0, error);
        var demand = RegionFolderReader.Read(folder).Region!.Demand;
        Assert.Equal([7.0, 1.0, 4.5, 8.0], demand.Select(d => Math.Round(d.Counts[0], 4)));
        Assert.Contains("elderly 20.5", output, StringComparison.Ordinal);
    }
}
