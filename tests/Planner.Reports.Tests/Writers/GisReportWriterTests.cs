using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Planner.Reports.Writers;

namespace Planner.Reports.Tests.Writers;

/// <summary>GeoPackage and zipped Shapefile, opened by GDAL's ogrinfo.</summary>
[Collection(GuixiCollection.Name)]
public partial class GisReportWriterTests(GuixiReport guixi)
{
    [Fact]
    public void GeoPackage_Guixi_OgrinfoReadsChineseNamesSharesAndCgcs2000()
    {
        var path = Path.Combine(GuixiReport.OutputDirectory, "guixi.gpkg");
        using (var file = File.Create(path))
        {
            GeoPackageReportWriter.Write(guixi.Document, file);
        }

        var layers = Tool.Run("ogrinfo", "-ro", "-q", path);
        foreach (var layer in new[] { "units", "stations", "gaps", "circles" })
        {
            Assert.Contains(layer, layers, StringComparison.Ordinal);
        }

        AssertUnits(Tool.Run("ogrinfo", "-ro", "-al", path, "units"));
        var srs = Tool.Run("ogrinfo", "-ro", "-so", path, "units");
        Assert.Contains("ID[\"EPSG\",4490]", srs, StringComparison.Ordinal);
    }

    [Fact]
    public void Shapefile_Guixi_ZipHasGbkDbfCpgPrjAndOgrinfoReadsChineseNames()
    {
        var path = Path.Combine(GuixiReport.OutputDirectory, "guixi-shp.zip");
        using (var file = File.Create(path))
        {
            ShapefileReportWriter.Write(guixi.Document, file);
        }

        using (var zip = ZipFile.OpenRead(path))
        {
            var names = zip.Entries.Select(e => e.Name).ToHashSet();
            foreach (var ext in new[] { ".shp", ".shx", ".dbf", ".cpg", ".prj" })
            {
                Assert.Contains("units" + ext, names);
            }

            using var cpg = new StreamReader(zip.GetEntry("units.cpg")!.Open());
            Assert.Equal("GBK", cpg.ReadToEnd().Trim());
            using var dbf = new MemoryStream();
            zip.GetEntry("units.dbf")!.Open().CopyTo(dbf);
            var gbk = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!;
            var township = guixi.JsonUnits("township")[0].Name;
            Assert.True(IndexOf(dbf.ToArray(), gbk.GetBytes(township)) >= 0, $"{township} is not in units.dbf as GBK bytes");
            Assert.True(IndexOf(dbf.ToArray(), System.Text.Encoding.UTF8.GetBytes(township)) < 0, "units.dbf holds UTF-8, not GBK");
            for (int field = 0; 32 + (32 * field) < dbf.Length && dbf.ToArray()[32 + (32 * field)] != 0x0D; field++)
            {
                var nameBytes = dbf.ToArray().AsSpan(32 + (32 * field), 11);
                Assert.True(nameBytes.IndexOf((byte)0) is >= 1 and <= 10, "a .dbf field name is longer than 10 characters");
            }
        }

        AssertUnits(Tool.Run("ogrinfo", "-ro", "-al", $"/vsizip/{path}/units.shp"));
        var srs = Tool.Run("ogrinfo", "-ro", "-so", $"/vsizip/{path}/units.shp", "units");
        Assert.Contains("ID[\"EPSG\",4490]", srs, StringComparison.Ordinal);
        Assert.Contains("花园街道", Tool.Run("ogrinfo", "-ro", "-al", $"/vsizip/{path}/stations.shp"), StringComparison.Ordinal);
    }

    /// <summary>Every township and village of the JSON report is a feature with its name and total share (%).</summary>
    private void AssertUnits(string ogr)
    {
        var features = ogr.Split("OGRFeature(", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var json = guixi.JsonUnits("township").Concat(guixi.JsonUnits("village")).ToList();
        Assert.Equal(json.Count, features.Count);
        foreach (var (code, name, shares) in json)
        {
            var feature = features.Single(f => f.Contains($"code (String) = {code}\n", StringComparison.Ordinal));
            Assert.Contains($"name (String) = {name}\n", feature, StringComparison.Ordinal);
            var share = double.Parse(ShareTotal().Match(feature).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(shares["total"] * 100, share, 0.005 + 1e-9);
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    [GeneratedRegex(@"shr_total \(Real\) = ([0-9.eE+-]+)")]
    private static partial Regex ShareTotal();
}
