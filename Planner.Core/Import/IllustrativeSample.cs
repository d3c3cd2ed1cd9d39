using System.Collections.Immutable;
using System.Globalization;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>
/// Illustrative stations, volunteer teams and needs for a sample region, so that coverage, staffing and
/// matching features have data to show. Nothing here is real: every name ends in "(示例)" and the caller
/// records the layers as modelled. The rules are fixed and documented so that the output is reproducible:
/// <list type="bullet">
/// <item>township stations: one per township unit at its place node (else its interior point), status
/// cycling operating, operating, built; 4, 3 and 2 social workers;</item>
/// <item>village points: every second village/community unit (1st, 3rd, ...) at its place node, status
/// alternating operating and planned, 1 and 0 social workers;</item>
/// <item>teams: one per township at its station, 12 + 8·i members, active = 60 % of members rounded down,
/// two skills from a fixed list, 10 + 6·i hours per week;</item>
/// <item>needs: one per village/community unit at its interior point, kind and group cycling through fixed
/// lists (groups limited to those the region has), 2 + i mod 4 hours per week.</item>
/// </list>
/// </summary>
public static class IllustrativeSample
{
    private static readonly string[] Skills = ["haircut", "clinic", "repair", "tutoring", "patrol", "psychological"];

    /// <summary>The region with stations, teams and needs replaced by illustrative ones.</summary>
    /// <exception cref="ImportException">The region has no township units.</exception>
    public static Region Build(Region region, IReadOnlyList<OsmPlace> places)
    {
        var townships = region.Units.Where(u => u.Level == AdminLevel.Township).ToList();
        if (townships.Count == 0)
        {
            throw new ImportException(ImportException.Line("units.geojson", string.Empty, "level", "no township units: run 'planner import units' first"));
        }

        var villages = region.Units.Where(u => u.Level == AdminLevel.Village).ToList();
        var stations = ImmutableArray.CreateBuilder<Station>();
        var teams = ImmutableArray.CreateBuilder<VolunteerTeam>();
        StationStatus[] townStatus = [StationStatus.Operating, StationStatus.Operating, StationStatus.Built];
        int[] townStaff = [4, 3, 2];
        for (int i = 0; i < townships.Count; i++)
        {
            var t = townships[i];
            var at = PlaceOf(t, places);
            stations.Add(new Station($"S{t.Code}", $"{t.Name}社工站 (示例)", at, StationLevel.TownshipStation, townStatus[i % 3], townStaff[i % 3], t.Code));
            int members = 12 + (8 * i);
            teams.Add(new VolunteerTeam($"T{t.Code}", $"{t.Name}志愿服务队 (示例)", at, members, members * 6 / 10,
                [Skills[(2 * i) % Skills.Length], Skills[((2 * i) + 1) % Skills.Length]], 10 + (6 * i), t.Code));
        }

        for (int i = 0; i < villages.Count; i += 2)
        {
            var v = villages[i];
            bool operating = i / 2 % 2 == 0;
            stations.Add(new Station($"S{v.Code}", $"{v.Name}服务点 (示例)", PlaceOf(v, places), StationLevel.VillagePoint,
                operating ? StationStatus.Operating : StationStatus.Planned, operating ? 1 : 0, v.Code));
        }

        string[] groups = [.. new[] { "elderly", "children", "disabled" }.Where(region.Groups.Contains)];
        if (groups.Length == 0)
        {
            groups = [region.Groups.Names[0]];
        }

        var needs = ImmutableArray.CreateBuilder<Need>();
        for (int i = 0; i < villages.Count; i++)
        {
            var p = villages[i].Boundary.InteriorPoint;
            needs.Add(new Need($"N{villages[i].Code}", new GeoPoint(Math.Round(p.X, 7), Math.Round(p.Y, 7)), Skills[i % Skills.Length], groups[i % groups.Length], 2 + (i % 4), villages[i].Code));
        }

        return region with { Stations = stations.ToImmutable(), Teams = teams.ToImmutable(), Needs = needs.ToImmutable() };
    }

    /// <summary>A note for region.json.</summary>
    public static string Note(Region r) => string.Create(CultureInfo.InvariantCulture,
        $"ILLUSTRATIVE, not real: {r.Stations.Length} stations, {r.Teams.Length} teams, {r.Needs.Length} needs placed by fixed rules (planner import illustrative; see data/README.md)");

    private static GeoPoint PlaceOf(AdminUnit unit, IReadOnlyList<OsmPlace> places)
    {
        var place = places.FirstOrDefault(p => p.Name == unit.Name);
        if (place is not null)
        {
            return place.Location;
        }

        var ip = unit.Boundary.InteriorPoint;
        return new GeoPoint(Math.Round(ip.X, 7), Math.Round(ip.Y, 7));
    }
}
