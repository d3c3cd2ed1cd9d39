namespace Planner.Core.IO;

/// <summary>The file names of a region folder (see data/README.md).</summary>
public static class RegionFiles
{
    /// <summary>Identity, CRS, groups, defaults, sources.</summary>
    public const string Info = "region.json";

    /// <summary>Administrative units (Polygon/MultiPolygon).</summary>
    public const string Units = "units.geojson";

    /// <summary>Road lines with OSM tags.</summary>
    public const string Roads = "roads.geojson";

    /// <summary>Demand points: id,lon,lat,unit,&lt;group columns&gt;.</summary>
    public const string Demand = "demand.csv";

    /// <summary>Stations (points).</summary>
    public const string Stations = "stations.geojson";

    /// <summary>Volunteer teams (points, optional).</summary>
    public const string Teams = "teams.geojson";

    /// <summary>Needs (points, optional).</summary>
    public const string Needs = "needs.geojson";

    /// <summary>Candidate sites (points, optional).</summary>
    public const string Candidates = "candidates.geojson";

    /// <summary>Existing public buildings (points, optional): id, name, kind, source.</summary>
    public const string PublicBuildings = "public_buildings.geojson";
}
