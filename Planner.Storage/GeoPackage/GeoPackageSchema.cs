using System.Text;
using Planner.Storage.Sql;

namespace Planner.Storage.GeoPackage;

/// <summary>
/// The GeoPackage 1.3 schema of a workspace: the core tables (<c>gpkg_spatial_ref_sys</c>,
/// <c>gpkg_contents</c>, <c>gpkg_geometry_columns</c>), one feature table per layer (all regions together,
/// told apart by the <c>region</c> column) and three attribute tables for the versioned documents. Every
/// statement is idempotent, so opening an existing workspace re-runs it harmlessly, and that is also how a
/// workspace written before a layer existed (public_buildings) gains the layer's empty table: no version bump
/// is needed (<c>user_version</c> is the GeoPackage version, not ours) and its regions read back with the
/// layer empty.
/// </summary>
internal static class GeoPackageSchema
{
    /// <summary>The GeoPackage application id, 'GPKG' as a big-endian 32-bit integer.</summary>
    public const int ApplicationId = 0x47504B47;

    /// <summary>GeoPackage 1.3.0.</summary>
    public const int UserVersion = 10300;

    private const string Wgs84Wkt = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /// <summary>The columns of the circles layer's index: a result's circles in order.</summary>
    public const string CirclesKey = "region, scenario, result, seq";

    /// <summary>The scenarios table: one row per scenario, keyed by its base region's key and its name.</summary>
    public static string ScenariosTable(string name) => $"""
        CREATE TABLE IF NOT EXISTS {name} (
          fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT NOT NULL, base_region TEXT NOT NULL,
          version INTEGER NOT NULL, document TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (base_region, name));
        """;

    /// <summary>The results table: one row per saved result, keyed by its scenario's key and its name.</summary>
    public static string ResultsTable(string name) => $"""
        CREATE TABLE IF NOT EXISTS {name} (
          fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, region TEXT NOT NULL, scenario TEXT NOT NULL, name TEXT NOT NULL,
          version INTEGER NOT NULL, document TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (region, scenario, name));
        """;

    public static string Sql()
    {
        var sql = new StringBuilder($"""
            PRAGMA application_id = {ApplicationId};
            PRAGMA user_version = {UserVersion};
            CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
              ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
              ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
              ('WGS 84 geodetic', 4326, 'EPSG', 4326, '{Wgs84Wkt}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
            CREATE TABLE IF NOT EXISTS gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
              table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
              z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE IF NOT EXISTS regions (
              fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT NOT NULL UNIQUE, version INTEGER NOT NULL,
              document TEXT NOT NULL, updated_at TEXT NOT NULL);
            {ScenariosTable("scenarios")}
            {ResultsTable("results")}
            INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
              ('regions', 'attributes', 'regions', 'Regions: name, version and region.json as a JSON document'),
              ('scenarios', 'attributes', 'scenarios', 'Scenarios: base region, version and edits as a JSON document'),
              ('results', 'attributes', 'results', 'Saved scenario results as JSON documents');

            """);
        foreach (var layer in Layers.All)
        {
            var columns = string.Join(", ", layer.Columns.Select(c => ColumnDefinition(c, layer, forAlter: false)));
            var key = layer == Layers.Circles ? CirclesKey : "region, seq";
            sql.Append(FormattableString.Invariant($"""
                CREATE TABLE IF NOT EXISTS {layer.Table} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, {columns});
                CREATE INDEX IF NOT EXISTS {layer.Table}_key ON {layer.Table} ({key});
                INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
                  VALUES ('{layer.Table}', 'features', '{layer.Table}', '{layer.Description.Replace("'", "''", StringComparison.Ordinal)}', 4326);
                INSERT OR IGNORE INTO gpkg_geometry_columns VALUES ('{layer.Table}', 'geom', '{layer.GeometryType}', 4326, 0, 0);

                """));
        }

        return sql.ToString();
    }

    /// <summary>
    /// The definition of a column (name and type). A column added to an existing table cannot be NOT NULL
    /// without a default, so <paramref name="forAlter"/> leaves the constraint off: only optional columns are
    /// ever added later.
    /// </summary>
    public static string ColumnDefinition(Column c, Layer layer, bool forAlter) =>
        $"{c.Name} {(forAlter ? Type(c, layer).Replace(" NOT NULL", string.Empty, StringComparison.Ordinal) : Type(c, layer))}";

    private static string Type(Column c, Layer layer) => c.Type switch
    {
        ColumnType.Integer => "INTEGER",
        ColumnType.Real => "REAL",
        ColumnType.Geometry => layer.GeometryType,
        _ => "TEXT",
    } + (c.Name is "region" or "seq" or "scenario" or "result" ? " NOT NULL" : string.Empty);
}
