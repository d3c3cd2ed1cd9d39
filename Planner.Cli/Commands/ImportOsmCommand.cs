using System.CommandLine;
using System.Globalization;
using Planner.Core.Import;

namespace Planner.Cli.Commands;

/// <summary><c>planner import osm &lt;file&gt; --out &lt;region&gt;</c>: roads and unit seeds from an OSM extract.</summary>
internal static class ImportOsmCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "OSM extract: .osm (XML) or .osm.pbf." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Region folder to create or overwrite.", Required = true };
        var name = new Option<string?>("--name") { Description = "Region name (default: the folder name)." };
        var code = new Option<string?>("--code") { Description = "Division code of the region, e.g. 360681 (default: the folder name)." };
        var circle = new Option<string?>("--default-circle") { Description = "The region's default life circle (region.json defaults.circle): an id of data/standards/circles.json, or custom for the ad-hoc circle of the default minutes and mode (default: gb50180-15min)." };
        var clip = new Option<FileInfo?>("--clip") { Description = "Cut the roads to the polygons of a file (.geojson, .shp, zipped .shp, .gpkg; e.g. the county's townships), so that a province extract can be used; the county unit becomes that boundary." };
        var command = new Command("osm", "Create a region folder from an OSM extract: roads.geojson (highway ways with tags), places.geojson and boundaries.geojson (unit seeds), public_buildings.geojson (town halls, schools, clinics, ... when the extract has any), one county unit over the extent.");
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.Options.Add(name);
        command.Options.Add(code);
        command.Options.Add(circle);
        command.Options.Add(clip);
        command.SetAction(parse => ImportCommand.Run(parse, () =>
        {
            var f = parse.GetValue(file)!;
            var folder = parse.GetValue(output)!;
            if (!f.Exists)
            {
                throw new ImportException(ImportException.Line(f.FullName, string.Empty, string.Empty, "file does not exist"));
            }

            var defaultCircle = parse.GetValue(circle);
            if (defaultCircle is not null && defaultCircle != Planner.Core.Circles.LifeCircle.AdHocId && Planner.Core.Circles.LifeCircleCatalog.Builtin().IdProblem(defaultCircle) is { } unknown)
            {
                throw new ImportException($"--default-circle: {unknown}");
            }

            var regionName = parse.GetValue(name) ?? folder.Name;
            Func<OsmExtract, ImportClip>? clipTo = parse.GetValue(clip) is { } clipFile ? _ => ImportClip.FromFile(clipFile.FullName, null) : null;
            var (region, extract) = OsmRegionImporter.Import(f.FullName, folder.FullName, regionName, parse.GetValue(code) ?? folder.Name, defaultCircle, clipTo);
            return extract.Notes.Select(n => "note: " + n).Concat(
            [
                string.Create(CultureInfo.InvariantCulture, $"{folder.FullName}: {region.Roads.Length} roads, {extract.Places.Length} places, {extract.Boundaries.Length} boundaries ({string.Join(", ", extract.Boundaries.Select(b => b.Name))}), {extract.PublicBuildings.Length} public buildings, extent {extract.Extent}"),
            ]);
        }));
        return command;
    }
}
