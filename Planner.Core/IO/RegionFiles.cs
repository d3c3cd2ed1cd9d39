using Planner.Core.Model;
using Planner.Core.Validation;

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

    /// <summary>The file of a layer in a region folder (<c>stations</c> → <c>stations.geojson</c>); other names unchanged.</summary>
    public static string For(string layer) => layer switch
    {
        RegionLayer.Info => Info,
        RegionLayer.Demand => Demand,
        RegionLayer.Units or RegionLayer.Roads or RegionLayer.Stations or RegionLayer.Teams or RegionLayer.Needs
            or RegionLayer.Candidates or RegionLayer.PublicBuildings => layer + ".geojson",
        _ => layer,
    };

    /// <summary>The layer a region-folder file holds (<c>stations.geojson</c> → <c>stations</c>); other names unchanged.</summary>
    public static string LayerOf(string file) => file switch
    {
        Info => RegionLayer.Info,
        Demand => RegionLayer.Demand,
        _ when file.EndsWith(".geojson", StringComparison.Ordinal) && For(file[..^".geojson".Length]) == file => file[..^".geojson".Length],
        _ => file,
    };

    /// <summary>The problem in words, naming the file of its layer, as a person editing the folder needs it.</summary>
    public static string Describe(ValidationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Describe(For(problem.Layer));
    }

    /// <summary>The file of the problem's layer in a region folder.</summary>
    public static string FileName(this ValidationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return For(problem.Layer);
    }
}
