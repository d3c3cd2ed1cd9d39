namespace Planner.Core.Model;

/// <summary>
/// The layers of a region, by the names that validation problems, the stores and the API's collections use.
/// A layer is not a file: a region read from a workspace has layers but no files, and the region folder maps
/// each layer to its file (<c>RegionFiles.For</c> in Planner.Core.IO).
/// </summary>
public static class RegionLayer
{
    /// <summary>Identity, CRS, groups, defaults, sources (region.json in a folder).</summary>
    public const string Info = "region";

    /// <summary>Administrative units.</summary>
    public const string Units = "units";

    /// <summary>Road lines with OSM tags.</summary>
    public const string Roads = "roads";

    /// <summary>Demand points with counts per group.</summary>
    public const string Demand = "demand";

    /// <summary>Stations.</summary>
    public const string Stations = "stations";

    /// <summary>Volunteer teams.</summary>
    public const string Teams = "teams";

    /// <summary>Needs.</summary>
    public const string Needs = "needs";

    /// <summary>Candidate sites.</summary>
    public const string Candidates = "candidates";

    /// <summary>Existing public buildings.</summary>
    public const string PublicBuildings = "public_buildings";
}
