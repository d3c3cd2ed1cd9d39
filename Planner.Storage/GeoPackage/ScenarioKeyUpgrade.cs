namespace Planner.Storage.GeoPackage;

/// <summary>
/// Brings a workspace from before scenarios were keyed by (region key, name) to that key, once, when the store
/// opens it (never on a read). Such a workspace has a <c>results</c> table without a <c>region</c> column and a
/// <c>scenarios</c> table whose names are unique on their own. The API stored its scenarios there as
/// <c>region/name</c>: they get their bare name back, unless a scenario of that region already has it (then the
/// name stays as it was). Results and circles take their scenario's region and new name; a result or circle of
/// no stored scenario is dropped. SQLite cannot change a table's unique constraint, so <c>scenarios</c> and
/// <c>results</c> are rebuilt under their own names (their rows keep their fids).
/// </summary>
internal static class ScenarioKeyUpgrade
{
    /// <summary>True when the workspace needs the upgrade: its <c>results</c> table has no <c>region</c> column.</summary>
    public const string NeededSql = "SELECT COUNT(*) = 0 FROM pragma_table_info('results') WHERE name = 'region'";

    /// <summary>The upgrade, to run inside the open's write transaction after the circles layer gained its <c>region</c> column.</summary>
    public static string Sql() => $"""
        CREATE TEMP TABLE scenario_rename AS
          SELECT s.name AS old, s.base_region AS region,
            CASE WHEN length(s.name) > length(s.base_region) + 1
                  AND substr(s.name, 1, length(s.base_region) + 1) = s.base_region || '/'
                  AND NOT EXISTS (SELECT 1 FROM scenarios t WHERE t.base_region = s.base_region AND t.name = substr(s.name, length(s.base_region) + 2))
              THEN substr(s.name, length(s.base_region) + 2) ELSE s.name END AS new
          FROM scenarios s;
        {GeoPackageSchema.ScenariosTable("scenarios_keyed")}
        INSERT INTO scenarios_keyed (fid, name, base_region, version, document, updated_at)
          SELECT s.fid, r.new, s.base_region, s.version, json_set(s.document, '$.name', r.new), s.updated_at
          FROM scenarios s JOIN scenario_rename r ON r.old = s.name;
        DROP TABLE scenarios;
        ALTER TABLE scenarios_keyed RENAME TO scenarios;
        {GeoPackageSchema.ResultsTable("results_keyed")}
        INSERT INTO results_keyed (fid, region, scenario, name, version, document, updated_at)
          SELECT x.fid, r.region, r.new, x.name, x.version, x.document, x.updated_at
          FROM results x JOIN scenario_rename r ON r.old = x.scenario;
        DROP TABLE results;
        ALTER TABLE results_keyed RENAME TO results;
        UPDATE circles SET
          region = (SELECT r.region FROM scenario_rename r WHERE r.old = circles.scenario),
          scenario = coalesce((SELECT r.new FROM scenario_rename r WHERE r.old = circles.scenario), scenario);
        DELETE FROM circles WHERE region IS NULL;
        DROP INDEX IF EXISTS circles_key;
        CREATE INDEX circles_key ON circles ({GeoPackageSchema.CirclesKey});
        DROP TABLE scenario_rename;
        """;
}
