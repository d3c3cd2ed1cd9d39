using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using Planner.Core.Geo;
using Planner.Core.Import.Tables;
using Planner.Core.IO;

namespace Planner.Core.Import.Boundaries;

/// <summary>
/// Reads polygon features from a Shapefile (NetTopologySuite.IO.Esri.Shapefile; attribute text in the encoding of
/// <c>--encoding</c>, else of the <c>.cpg</c>, else GB18030, which is what Chinese GIS desktops write without one; CRS
/// from <c>--crs</c>, else the <c>.prj</c>), a GeoPackage (a named or the first feature table; NTS GeoPackage geometry
/// reader; CRS from its EPSG srs_id) or GeoJSON (CRS from <c>--crs</c>, else WGS84). A <c>.zip</c> holding one
/// Shapefile (how a Shapefile travels as one file, e.g. in an upload) is read as that Shapefile.
/// </summary>
public static class BoundaryFileReader
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="crs"/> (when given) overrides what the file says.</summary>
    /// <exception cref="ImportException">Missing or unreadable file, unknown CRS or encoding.</exception>
    public static BoundaryFile Read(string path, SourceCrs? crs, string? encoding, string? layer)
    {
        if (!File.Exists(path))
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, "file does not exist"));
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".shp" => ReadShapefile(path, crs, encoding),
            ".zip" => ReadZippedShapefile(path, crs, encoding),
            ".gpkg" => ReadGeoPackage(path, crs, layer),
            ".geojson" or ".json" => ReadGeoJson(path, crs),
            var ext => throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"'{ext}' is not a boundary file: give .shp, .zip (a zipped Shapefile), .gpkg or .geojson")),
        };
    }

    /// <summary>
    /// Extracts the Shapefile's parts (.shp, .shx, .dbf, .prj, .cpg; by file name only, so no entry can land
    /// outside the scratch folder) into a scratch folder, reads it and removes the folder again.
    /// </summary>
    private static BoundaryFile ReadZippedShapefile(string path, SourceCrs? crs, string? encoding)
    {
        string[] parts = [".shp", ".shx", ".dbf", ".prj", ".cpg"];
        var scratch = Path.Combine(Path.GetTempPath(), "planner-zip-" + Guid.NewGuid().ToString("N"));
        try
        {
            string shp;
            try
            {
                using var zip = ZipFile.OpenRead(path);
                var entries = zip.Entries.Where(e => e.Name.Length > 0 && !e.FullName.Contains("__MACOSX", StringComparison.Ordinal)
                    && parts.Contains(Path.GetExtension(e.Name).ToLowerInvariant())).ToList();
                var shps = entries.Where(e => Path.GetExtension(e.Name).Equals(".shp", StringComparison.OrdinalIgnoreCase)).ToList();
                if (shps.Count != 1)
                {
                    throw new ImportException(ImportException.Line(path, string.Empty, string.Empty,
                        shps.Count == 0 ? "the zip holds no .shp" : $"the zip holds {shps.Count} Shapefiles ({string.Join(", ", shps.Select(e => e.Name))}): give one"));
                }

                if (entries.Sum(e => e.Length) > MaxZipBytes)
                {
                    throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"the Shapefile in the zip is larger than {MaxZipBytes / 1_000_000} MB"));
                }

                Directory.CreateDirectory(scratch);
                var stem = Path.GetFileNameWithoutExtension(shps[0].Name);
                foreach (var e in entries.Where(e => Path.GetFileNameWithoutExtension(e.Name).Equals(stem, StringComparison.OrdinalIgnoreCase)))
                {
                    e.ExtractToFile(Path.Combine(scratch, stem + Path.GetExtension(e.Name).ToLowerInvariant()));
                }

                shp = Path.Combine(scratch, stem + ".shp");
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"not a readable zip file: {ex.Message}"), ex);
            }

            var file = ReadShapefile(shp, crs, encoding);
            return file with { Path = Path.Combine(path, Path.GetFileName(shp)) };
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>Largest Shapefile read out of a zip, bytes uncompressed (a guard against zip bombs).</summary>
    private const long MaxZipBytes = 2_000_000_000;

    private static BoundaryFile ReadShapefile(string path, SourceCrs? crs, string? encoding)
    {
        var notes = new List<string>();
        var cpg = Path.ChangeExtension(path, ".cpg");
        Encoding text;
        if (encoding is not null)
        {
            text = TableReader.EncodingNamed(encoding) ?? throw new ImportException(ImportException.Line(path, string.Empty, "--encoding", $"unknown encoding '{encoding}': use utf-8, gbk or gb18030"));
            notes.Add($"attribute text read as {encoding} (--encoding)");
        }
        else if (File.Exists(cpg))
        {
            var name = File.ReadAllText(cpg).Trim();
            text = TableReader.EncodingNamed(name) ?? (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : null)
                ?? throw new ImportException(ImportException.Line(cpg, string.Empty, string.Empty, $"unknown code page '{name}': give --encoding"));
            notes.Add($"attribute text read as {name} (.cpg)");
        }
        else
        {
            text = TableReader.EncodingNamed("gb18030")!;
            notes.Add("no .cpg: attribute text read as GB18030 (give --encoding utf-8 if the names look wrong)");
        }

        if (crs is null)
        {
            var prj = Path.ChangeExtension(path, ".prj");
            if (File.Exists(prj))
            {
                crs = SourceCrs.FromWkt(File.ReadAllText(prj), out var error) ?? throw new ImportException(ImportException.Line(prj, string.Empty, string.Empty, error!));
                notes.Add($"coordinates read as {crs.Name} (.prj)");
            }
            else
            {
                crs = SourceCrs.Wgs84;
                notes.Add("no .prj: coordinates read as WGS84 longitude/latitude (give --crs otherwise)");
            }
        }

        if (ShapefileStructure.Problem(File.ReadAllBytes(path)) is { } broken)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"not a readable Shapefile: {broken}"));
        }

        List<NetTopologySuite.Features.Feature> features;
        try
        {
            features = [.. Shapefile.ReadAllFeatures(path, new ShapefileReaderOptions { Encoding = text, GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes })];
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"not a readable Shapefile: {ex.Message}"), ex);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            // The .dbf's numeric fields are text; the library parses them and throws on garbage (found by fuzzing).
            throw new ImportException(ImportException.Line(Path.ChangeExtension(path, ".dbf"), string.Empty, string.Empty, $"an attribute value is not a number: {ex.Message}"), ex);
        }

        var result = features.Select((f, i) => new BoundaryFeature(i + 1, f.Geometry is { IsEmpty: false } g ? g : null,
            f.Attributes.GetNames().ToImmutableDictionary(n => n, n => Text(f.Attributes[n]), StringComparer.OrdinalIgnoreCase)));
        return new BoundaryFile(path, [.. result], crs, [.. notes]);
    }

    private static BoundaryFile ReadGeoPackage(string path, SourceCrs? crs, string? layer)
    {
        try
        {
            return ReadGeoPackageTable(path, crs, layer);
        }
        catch (SqliteException ex)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, $"not a readable GeoPackage: {ex.Message}"), ex);
        }
    }

    private static BoundaryFile ReadGeoPackageTable(string path, SourceCrs? crs, string? layer)
    {
        var notes = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        string table, column;
        long srs;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns WHERE $layer IS NULL OR table_name = $layer ORDER BY table_name LIMIT 1";
            cmd.Parameters.AddWithValue("$layer", (object?)layer ?? DBNull.Value);
            using var r = cmd.ExecuteReader();
            if (!r.Read())
            {
                throw new ImportException(ImportException.Line(path, string.Empty, "--layer", layer is null ? "the GeoPackage has no feature table" : $"no feature table '{layer}'"));
            }

            (table, column, srs) = (r.GetString(0), r.GetString(1), r.GetInt64(2));
        }

        if (crs is null)
        {
            crs = SourceCrs.FromEpsg((int)srs) ?? throw new ImportException(ImportException.Line(path, table, "srs_id", $"EPSG:{srs} is not supported: give --crs"));
            notes.Add($"layer {table}: coordinates read as {crs.Name} (srs_id)");
        }

        var reader = new GeoPackageGeoReader();
        var features = ImmutableArray.CreateBuilder<BoundaryFeature>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var r = cmd.ExecuteReader();
            int n = 0;
            while (r.Read())
            {
                n++;
                NetTopologySuite.Geometries.Geometry? geometry = null;
                var attributes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < r.FieldCount; i++)
                {
                    if (r.GetName(i).Equals(column, StringComparison.OrdinalIgnoreCase))
                    {
                        geometry = r.IsDBNull(i) ? null : reader.Read((byte[])r.GetValue(i));
                    }
                    else
                    {
                        attributes[r.GetName(i)] = r.IsDBNull(i) ? string.Empty : Text(r.GetValue(i));
                    }
                }

                features.Add(new BoundaryFeature(n, geometry is { IsEmpty: false } ? geometry : null, attributes.ToImmutable()));
            }
        }

        return new BoundaryFile(path, features.ToImmutable(), crs, [.. notes]);
    }

    private static BoundaryFile ReadGeoJson(string path, SourceCrs? crs)
    {
        List<GeoJsonFeature> features;
        try
        {
            features = GeoJsonFeatureReader.Read(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, ex.Message), ex);
        }

        var result = features.Select((f, i) => new BoundaryFeature(i + 1, f.Geometry, f.StringProperties().ToImmutableDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase)));
        return new BoundaryFile(path, [.. result], crs ?? SourceCrs.Wgs84, [crs is null ? "GeoJSON: coordinates read as WGS84 longitude/latitude" : $"coordinates read as {crs.Name} (--crs)"]);
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
