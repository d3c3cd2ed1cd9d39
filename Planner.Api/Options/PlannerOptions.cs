namespace Planner.Api.Options;

/// <summary>The <c>Planner</c> configuration section (environment variables <c>Planner__*</c>).</summary>
internal sealed class PlannerOptions
{
    /// <summary>Folder holding the region folders (each with a <c>region.json</c>) and <c>standards/</c>; default: the repository's <c>data/</c>.</summary>
    public string? DataPath { get; set; }

    /// <summary>Where regions and scenarios live: <c>gpkg</c> (the embedded GeoPackage workspace, default), <c>postgis</c> (needs <see cref="PostGis"/>) or <c>folders</c> (read-only region folders, scenarios in memory).</summary>
    public string Store { get; set; } = "gpkg";

    /// <summary>Path of the GeoPackage workspace (default: <c>App_Data/workspace.gpkg</c> under the content root).</summary>
    public string? Workspace { get; set; }

    /// <summary>PostgreSQL connection string (Host=...;Database=...) for <c>Store=postgis</c>; never logged.</summary>
    public string? PostGis { get; set; }

    /// <summary>An admin key for automation and first setup; never logged.</summary>
    public string? AdminKey { get; set; }

    /// <summary>File with the hashed API keys (default: <c>App_Data/keys.json</c> under the content root).</summary>
    public string? KeysFile { get; set; }

    /// <summary>Largest accepted request body in bytes (413 above).</summary>
    public long MaxBodyBytes { get; set; } = 1_000_000;

    /// <summary>Largest accepted layer upload (<c>PUT /regions/{r}/layers/{layer}</c>) in bytes (413 above): files are bigger than JSON bodies.</summary>
    public long MaxUploadBytes { get; set; } = 200_000_000;

    /// <summary>Most features accepted in one GeoJSON body (422 above).</summary>
    public int MaxFeatures { get; set; } = 5_000;

    /// <summary>Coverage results kept in memory, per region and parameters.</summary>
    public int CoverageCacheEntries { get; set; } = 32;

    /// <summary>Expensive requests (what-if, recommendations, matching, job creation, report rendering) one key may run at once (429 above).</summary>
    public int ExpensivePerKey { get; set; } = 2;

    /// <summary>Expensive requests the server runs at once over all keys (429 above); 0: half the processors, at least one.</summary>
    public int ExpensiveGlobal { get; set; }

    /// <summary>
    /// Job workers this process runs; 0 runs none, so that web nodes only queue jobs and compute nodes (or a
    /// restart with workers on) run them.
    /// </summary>
    public int Workers { get; set; } = 1;

    /// <summary>
    /// Secret for signing download links (base64, at least 32 bytes). Unset: a random one per process, so links
    /// work only on the node that made them; set the same one on every node behind a load balancer.
    /// </summary>
    public string? UrlSigningKey { get; set; }

    /// <summary>How long a signed download link stays valid, minutes.</summary>
    public double SignedUrlMinutes { get; set; } = 10;

    /// <summary>A report of a region with more demand points than this is rendered as a job (<c>POST .../reports</c>).</summary>
    public int ReportJobPoints { get; set; } = 100_000;

    /// <summary>
    /// Seconds after which a job whose worker stopped heartbeating (killed, machine lost) is fetched again by
    /// another worker (PostgreSQL job storage only).
    /// </summary>
    public int JobInvisibilitySeconds { get; set; } = 30;
}
