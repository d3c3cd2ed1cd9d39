using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Planner.Reports.Model;

namespace Planner.Reports.Writers;

/// <summary>
/// The report's layers (<see cref="GisLayers"/>) as a GeoPackage 1.3 file in CGCS2000 (EPSG:4490): one feature
/// table per layer, registered in <c>gpkg_contents</c> with its extent, readable by QGIS and GDAL as it is.
/// Polygons are written as MULTIPOLYGON so a layer has one geometry type.
/// </summary>
public static class GeoPackageReportWriter
{
    /// <summary>Writes the GeoPackage to <paramref name="output"/> (built in a temporary file, which SQLite needs).</summary>
    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var path = Path.Combine(Path.GetTempPath(), $"planner-report-{Guid.NewGuid():N}.gpkg");
        try
        {
            WriteFile(report, path);
            using var file = File.OpenRead(path);
            file.CopyTo(output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteFile(ReportDocument report, string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"""
            PRAGMA application_id = 1196444487;
            PRAGMA user_version = 10300;
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            INSERT INTO gpkg_spatial_ref_sys VALUES
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
              ('China Geodetic Coordinate System 2000', {Cgcs2000.Srid}, 'EPSG', {Cgcs2000.Srid}, '{Cgcs2000.OgcWkt}', 'CGCS2000 longitude/latitude');
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
              srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL UNIQUE REFERENCES gpkg_contents(table_name), column_name TEXT NOT NULL,
              geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL REFERENCES gpkg_spatial_ref_sys(srs_id), z TINYINT NOT NULL, m TINYINT NOT NULL,
              PRIMARY KEY (table_name, column_name));
            """, transaction);
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        foreach (var layer in GisLayers.From(report))
        {
            WriteLayer(connection, transaction, writer, layer);
        }

        transaction.Commit();
    }

    private static void WriteLayer(SqliteConnection connection, SqliteTransaction transaction, GeoPackageGeoWriter writer, GisLayer layer)
    {
        var columns = string.Join(", ", layer.Fields.Select(f => $"\"{f.Name}\" {Sql(f.Type)}"));
        Execute(connection, $"CREATE TABLE \"{layer.Name}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {(layer.Polygons ? "MULTIPOLYGON" : "POINT")}, {columns});", transaction);
        var extent = new Envelope();
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{layer.Name}\" (geom, {string.Join(", ", layer.Fields.Select(f => $"\"{f.Name}\""))}) VALUES ($geom, {string.Join(", ", layer.Fields.Select((_, i) => $"$v{i}"))})";
            var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
            var values = layer.Fields.Select((_, i) => insert.Parameters.Add($"$v{i}", SqliteType.Text)).ToList();
            foreach (var feature in layer.Features)
            {
                var g = layer.Polygons ? AsMulti(feature.Geometry) : feature.Geometry.Copy();
                g.SRID = Cgcs2000.Srid;
                extent.ExpandToInclude(g.EnvelopeInternal);
                geom.Value = writer.Write(g);
                for (int i = 0; i < values.Count; i++)
                {
                    values[i].SqliteType = layer.Fields[i].Type switch { GisFieldType.Integer => SqliteType.Integer, GisFieldType.Real => SqliteType.Real, _ => SqliteType.Text };
                    values[i].Value = feature.Values[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }
        }

        using var register = connection.CreateCommand();
        register.Transaction = transaction;
        register.CommandText = $"""
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
              VALUES ($t, 'features', $t, $d, $x0, $y0, $x1, $y1, {Cgcs2000.Srid});
            INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', '{(layer.Polygons ? "MULTIPOLYGON" : "POINT")}', {Cgcs2000.Srid}, 0, 0);
            """;
        register.Parameters.AddWithValue("$t", layer.Name);
        register.Parameters.AddWithValue("$d", layer.Description);
        register.Parameters.AddWithValue("$x0", extent.IsNull ? DBNull.Value : extent.MinX);
        register.Parameters.AddWithValue("$y0", extent.IsNull ? DBNull.Value : extent.MinY);
        register.Parameters.AddWithValue("$x1", extent.IsNull ? DBNull.Value : extent.MaxX);
        register.Parameters.AddWithValue("$y1", extent.IsNull ? DBNull.Value : extent.MaxY);
        register.ExecuteNonQuery();
    }

    /// <summary>A polygonal geometry as a MultiPolygon (a copy; the report's geometry is not changed).</summary>
    internal static Geometry AsMulti(Geometry g) => g switch
    {
        MultiPolygon m => m.Copy(),
        Polygon p => g.Factory.CreateMultiPolygon([(Polygon)p.Copy()]),
        _ => g.Factory.CreateMultiPolygon(Enumerable.Range(0, g.NumGeometries).Select(i => g.GetGeometryN(i)).OfType<Polygon>().Select(p => (Polygon)p.Copy()).ToArray()),
    };

    private static string Sql(GisFieldType type) => type switch { GisFieldType.Integer => "INTEGER", GisFieldType.Real => "REAL", _ => "TEXT" };

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
