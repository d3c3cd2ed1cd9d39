using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;
using Planner.Reports.Model;

namespace Planner.Reports.Writers;

/// <summary>
/// The report's layers (<see cref="GisLayers"/>) as a zip of Shapefile sets (units, stations, gaps, circles),
/// the format every GIS desk still exchanges: attribute tables in GBK (code page 936, what ArcGIS and QGIS on
/// Chinese Windows read) with a <c>.cpg</c> that says so, field names within ten characters, and a <c>.prj</c>
/// in CGCS2000 (EPSG:4490).
/// </summary>
public static class ShapefileReportWriter
{
    /// <summary>GBK text; the code-page provider is asked directly, so nothing process-wide is registered.</summary>
    internal static Encoding Gbk { get; } = CodePagesEncodingProvider.Instance.GetEncoding(936)
        ?? throw new InvalidOperationException("code page 936 (GBK) is not available");

    /// <summary>Writes the zip to <paramref name="output"/>.</summary>
    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = Directory.CreateTempSubdirectory("planner-shp-");
        try
        {
            foreach (var layer in GisLayers.From(report).Where(l => l.Features.Count > 0))
            {
                WriteLayer(layer, Path.Combine(folder.FullName, layer.Name + ".shp"));
            }

            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var file in folder.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file.FullName, file.Name, CompressionLevel.Fastest);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void WriteLayer(GisLayer layer, string path)
    {
        var options = new ShapefileWriterOptions(layer.Polygons ? ShapeType.Polygon : ShapeType.Point)
        {
            Encoding = Gbk,
            Projection = Cgcs2000.EsriWkt,
        };
        foreach (var f in layer.Fields)
        {
            switch (f.Type)
            {
                case GisFieldType.Integer: options.AddNumericInt64Field(f.Name); break;
                case GisFieldType.Real: options.AddNumericDoubleField(f.Name); break;
                default: options.AddCharacterField(f.Name, 120); break;
            }
        }

        using (var writer = Shapefile.OpenWrite(path, options))
        {
            foreach (var feature in layer.Features)
            {
                var attributes = new AttributesTable();
                for (int i = 0; i < layer.Fields.Count; i++)
                {
                    attributes.Add(layer.Fields[i].Name, feature.Values[i]);
                }

                writer.Write(new Feature(layer.Polygons ? GeoPackageReportWriter.AsMulti(feature.Geometry) : feature.Geometry.Copy(), attributes));
            }
        }

        // The code page by the name GDAL, QGIS and ArcGIS all read.
        File.WriteAllText(Path.ChangeExtension(path, ".cpg"), "GBK");
    }
}
