using System.CommandLine;
using System.Globalization;
using Planner.Core.Import;
using Planner.Core.IO;
using Planner.Core.Model;

namespace Planner.Cli.Commands;

/// <summary><c>planner import units &lt;region&gt;</c>: modelled township and village units from place seeds or hexagons, or real boundaries with <c>--from</c> (<see cref="ImportUnitBoundaries"/>).</summary>
internal static class ImportUnitsCommand
{
    public static Command Create()
    {
        var region = new Argument<DirectoryInfo>("region") { Description = "Region folder made by 'import osm'." };
        var hex = new Option<double?>("--hex-m") { Description = "Model townships as hexagons of this edge in metres instead of Voronoi cells of place nodes." };
        var boundaries = new ImportUnitBoundaries();
        var command = new Command("units", "Replace the units below the county by real boundaries (--from .shp/.gpkg/.geojson), or by modelled townships and villages: Voronoi cells of places.geojson (real boundaries.geojson where complete), or hexagons (--hex-m).");
        command.Arguments.Add(region);
        command.Options.Add(hex);
        foreach (var o in boundaries.All)
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => ImportCommand.Run(parse, () =>
        {
            var folder = parse.GetValue(region)!.FullName;
            if (parse.GetValue(boundaries.From) is { } from)
            {
                return boundaries.Run(parse, folder, from);
            }

            var r = RegionEditing.Load(folder);
            var hexM = parse.GetValue(hex);
            List<AdminUnit> units;
            List<string> notes = [];
            DataSource source;
            if (hexM is double edge)
            {
                units = UnitModeller.FromHexagons(r, edge);
                source = new DataSource("units", "generated hexagons", "n/a", true, string.Create(CultureInfo.InvariantCulture,
                    $"county unit = extract extent; township-like units = hexagons of edge {edge} m in {r.CreateProjection().Name} clipped to it; codes generated"));
            }
            else
            {
                (units, notes) = UnitModeller.FromPlaces(r, SeedFiles.ReadPlaces(folder), SeedFiles.ReadBoundaries(folder));
                source = new DataSource("units", "Voronoi cells of OSM place nodes", "ODbL 1.0 (© OpenStreetMap contributors)", true,
                    "townships: Voronoi cells of place=town/suburb nodes clipped to the extent (complete OSM admin_level=8 boundaries used where they exist); villages/communities: Voronoi cells of place=quarter/village/neighbourhood nodes within their township; codes generated (county + 3 digits, township + 3 digits), not statistical codes");
            }

            var updated = (r with { Units = [.. units] }).WithSource(source);
            RegionEditing.Save(updated, folder);
            return notes.Select(n => "note: " + n).Append(Summary(folder, updated));
        }));
        return command;
    }

    public static string Summary(string folder, Region r) =>
        $"{folder}: units " + string.Join(", ", r.Units.GroupBy(u => u.Level).OrderBy(g => g.Key).Select(g => $"{g.Count()} {DomainNames.Of(g.Key)}"));
}
