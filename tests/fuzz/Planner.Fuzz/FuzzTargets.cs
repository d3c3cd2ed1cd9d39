namespace Planner.Fuzz;

/// <summary>The fuzz targets by name.</summary>
internal static class FuzzTargets
{
    /// <summary>The names run.sh accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["region", "geojson", "demand", "osm", "geotiff", "scenario", "stationtable", "shapefile"];

    /// <summary>The target called <paramref name="name"/>, with its scratch files made.</summary>
    public static FuzzTarget Create(string name) => name switch
    {
        "region" => new RegionFolderTarget(),
        "geojson" => new GeoJsonTarget(),
        "demand" => new DemandCsvTarget(),
        "osm" => new OsmXmlTarget(),
        "geotiff" => new GeoTiffTarget(),
        "scenario" => new ScenarioEditsTarget(),
        "stationtable" => new StationTableTarget(),
        "shapefile" => new ShapefileTarget(),
        _ => throw new ArgumentException($"'{name}' is not a target", nameof(name)),
    };
}
