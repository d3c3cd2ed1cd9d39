using System.Collections.Immutable;
using System.Xml.Linq;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Tests.Import;

/// <summary>Paths of the real fixtures and builders of small test regions, in one place.</summary>
internal static class ImportFixtures
{
    public static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CoverageMap.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CoverageMap.sln not found above the test output folder.");
    }

    public static string TempFolder()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "coveragemap-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The small Guixi OSM cut, parsed with LINQ to XML (an oracle independent of OsmSharp).</summary>
    public static XDocument GuixiSmallXml() => XDocument.Load(Path("guixi_small.osm"));

    /// <summary>A region with one county unit covering <paramref name="box"/> and nothing else.</summary>
    public static Region BoxRegion(GeoBounds box, string code = "360681") => new()
    {
        Info = new RegionInfo("test", code, InputCrs.Wgs84, new PopulationGroups([PopulationGroups.Total]), 15, "walk", []),
        Units = [new AdminUnit(code, "test county", AdminLevel.County, null, Wgs84.ToGeometry(new Envelope(box.MinLon, box.MaxLon, box.MinLat, box.MaxLat)), true)],
    };

    public static Road Road(string id, string highway, params (double Lon, double Lat)[] points) =>
        new(id, Wgs84.CreateLineString([.. points.Select(p => new Coordinate(p.Lon, p.Lat))]), ImmutableDictionary<string, string>.Empty.Add("highway", highway));
}
