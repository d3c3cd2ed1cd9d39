using System.Collections.Immutable;
using NetTopologySuite.Geometries;
using Planner.Core.Geo;
using Planner.Core.Model;
using Planner.Core.Validation;

namespace Planner.Core.IO;

/// <summary>
/// Reads a region folder (region.json, units.geojson, roads.geojson, demand.csv, stations.geojson and the
/// optional teams, needs, candidates and public buildings) into a <see cref="Region"/> in WGS84. Features with errors are left
/// out and reported with their file, id, field and reason; reading never throws on bad data. Input marked
/// <c>gcj02</c> or <c>bd09</c> in region.json is converted to WGS84 here, and the region's
/// <see cref="RegionInfo.Crs"/> then says <see cref="InputCrs.Wgs84"/>. Cross-feature checks (parents,
/// duplicates, distance to roads) are done by the region validator.
/// </summary>
public static class RegionFolderReader
{
    /// <summary>Reads the folder at <paramref name="folder"/>.</summary>
    public static RegionLoadResult Read(string folder)
    {
        var problems = new List<ValidationProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new(folder, string.Empty, string.Empty, "region folder does not exist"));
            return new RegionLoadResult(null, [.. problems]);
        }

        var info = RegionInfoReader.Read(Path.Combine(folder, RegionFiles.Info), problems);
        if (info is null)
        {
            return new RegionLoadResult(null, [.. problems]);
        }

        var ctx = new Context(folder, info, problems);
        var region = new Region
        {
            // The layers below are converted to WGS84, so the region's info says WGS84 from here on: a writer or a
            // store that kept the input's crs would label WGS84 coordinates as gcj02/bd09.
            Info = info with { Crs = InputCrs.Wgs84 },
            Units = ctx.ReadUnits(),
            Roads = ctx.ReadRoads(),
            Demand = DemandCsvReader.Read(Path.Combine(folder, RegionFiles.Demand), info, problems),
            Stations = ctx.ReadStations(),
            Teams = ctx.ReadTeams(),
            Needs = ctx.ReadNeeds(),
            Candidates = ctx.ReadCandidates(),
            PublicBuildings = ctx.ReadPublicBuildings(),
        };
        return new RegionLoadResult(region, [.. problems]);
    }

    private sealed class Context(string folder, RegionInfo info, List<ValidationProblem> problems)
    {
        public ImmutableArray<AdminUnit> ReadUnits() => ReadFeatures<AdminUnit>(RegionFiles.Units, required: true, "code", (f, id) =>
        {
            var geometry = Geometry(RegionFiles.Units, f, id, "Polygon", "MultiPolygon");
            var name = f.GetString("name");
            if (string.IsNullOrWhiteSpace(name))
            {
                Problem(RegionFiles.Units, id, "name", "is missing or empty");
                return null;
            }

            if (!DomainNames.TryParseAdminLevel(f.GetString("level"), out var level))
            {
                Problem(RegionFiles.Units, id, "level", $"unknown level '{f.GetString("level")}': use county, township, village or grid");
                return null;
            }

            var parent = f.GetString("parent");
            var modelled = f.GetString("modelled") is "true" or "1" || f.GetString("generated") is "true" or "1";
            return geometry is null ? null : new AdminUnit(id, name, level.Value, string.IsNullOrWhiteSpace(parent) ? null : parent, geometry, modelled);
        });

        public ImmutableArray<Road> ReadRoads() => ReadFeatures<Road>(RegionFiles.Roads, required: false, "id", (f, id) =>
        {
            var geometry = Geometry(RegionFiles.Roads, f, id, "LineString", "MultiLineString");
            if (geometry is null)
            {
                return null;
            }

            var tags = f.StringProperties().Where(p => p.Key != "id").ToImmutableDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            if (!tags.ContainsKey("highway"))
            {
                Problem(RegionFiles.Roads, id, "highway", "is missing: every road needs its OSM highway class", ProblemSeverity.Warning);
            }

            // A MultiLineString becomes one road per part, keeping the tags; parts share the id with a suffix.
            return geometry is LineString line ? new Road(id, line, tags) : (object)new RoadParts(id, (MultiLineString)geometry, tags);
        });

        public ImmutableArray<Station> ReadStations() => ReadFeatures<Station>(RegionFiles.Stations, required: false, "id", (f, id) =>
        {
            var location = Location(RegionFiles.Stations, f, id);
            if (!DomainNames.TryParseStationLevel(f.GetString("level"), out var level))
            {
                Problem(RegionFiles.Stations, id, "level", $"unknown level '{f.GetString("level")}': use county_center, area_center, township_station or village_point");
                return null;
            }

            if (!DomainNames.TryParseStationStatus(f.GetString("status"), out var status))
            {
                Problem(RegionFiles.Stations, id, "status", $"unknown status '{f.GetString("status")}': use planned, built or operating");
                return null;
            }

            var workers = Count(RegionFiles.Stations, f, id, "social_workers");
            var supervisors = f.Has("supervisors") ? Count(RegionFiles.Stations, f, id, "supervisors") : null;
            return location is null || workers is null || (f.Has("supervisors") && supervisors is null) ? null
                : new Station(id, f.GetString("name") ?? id, location.Value, level.Value, status.Value, (int)workers, f.GetString("unit"), (int?)supervisors);
        });

        public ImmutableArray<VolunteerTeam> ReadTeams() => ReadFeatures<VolunteerTeam>(RegionFiles.Teams, required: false, "id", (f, id) =>
        {
            var location = Location(RegionFiles.Teams, f, id);
            var members = Count(RegionFiles.Teams, f, id, "members");
            var active = Count(RegionFiles.Teams, f, id, "active_members");
            var hours = NonNegative(RegionFiles.Teams, f, id, "weekly_hours");
            var registered = f.Has("registered_members") ? Count(RegionFiles.Teams, f, id, "registered_members") : null;
            if (registered > members)
            {
                Problem(RegionFiles.Teams, id, "registered_members", $"{registered} registered members is more than the {members} members");
                return null;
            }

            if (members is not null && active > members)
            {
                Problem(RegionFiles.Teams, id, "active_members", $"{active} active members is more than the {members} members");
                return null;
            }

            return location is null || members is null || active is null || hours is null ? null
                : new VolunteerTeam(id, f.GetString("name") ?? id, location.Value, (int)members, (int)active, [.. f.GetList("skills")], (double)hours, f.GetString("unit"), (int?)registered);
        });

        public ImmutableArray<Need> ReadNeeds() => ReadFeatures<Need>(RegionFiles.Needs, required: false, "id", (f, id) =>
        {
            var location = Location(RegionFiles.Needs, f, id);
            var hours = NonNegative(RegionFiles.Needs, f, id, "hours_per_week");
            var kind = f.GetString("kind");
            if (string.IsNullOrWhiteSpace(kind))
            {
                Problem(RegionFiles.Needs, id, "kind", "is missing: say what service is needed");
                return null;
            }

            var group = f.GetString("group") ?? PopulationGroups.Total;
            if (!info.Groups.Contains(group))
            {
                Problem(RegionFiles.Needs, id, "group", $"unknown group '{group}': region.json lists {info.Groups}");
                return null;
            }

            return location is null || hours is null ? null : new Need(id, location.Value, kind, group, (double)hours, f.GetString("unit"));
        });

        public ImmutableArray<Candidate> ReadCandidates() => ReadFeatures<Candidate>(RegionFiles.Candidates, required: false, "id", (f, id) =>
        {
            var location = Location(RegionFiles.Candidates, f, id);
            var cost = NonNegative(RegionFiles.Candidates, f, id, "cost", fallback: 1);
            return location is null || cost is null ? null : new Candidate(id, f.GetString("name") ?? id, location.Value, cost.Value);
        });

        public ImmutableArray<PublicBuilding> ReadPublicBuildings() => ReadFeatures<PublicBuilding>(RegionFiles.PublicBuildings, required: false, "id", (f, id) =>
        {
            var location = Location(RegionFiles.PublicBuildings, f, id);
            var kind = f.GetString("kind");
            if (string.IsNullOrWhiteSpace(kind))
            {
                Problem(RegionFiles.PublicBuildings, id, "kind", "is missing: say what the building is (townhall, community_centre, school, clinic, ...)");
                return null;
            }

            var name = f.GetString("name");
            var source = f.GetString("source");
            return location is null ? null
                : new PublicBuilding(id, string.IsNullOrWhiteSpace(name) ? $"{kind} {id}" : name, kind, location.Value, string.IsNullOrWhiteSpace(source) ? null : source);
        });

        private ImmutableArray<T> ReadFeatures<T>(string file, bool required, string idProperty, Func<GeoJsonFeature, string, object?> build)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                if (required)
                {
                    Problem(file, string.Empty, string.Empty, "file is missing");
                }

                return [];
            }

            List<GeoJsonFeature> features;
            try
            {
                features = GeoJsonFeatureReader.Read(path);
            }
            catch (InvalidDataException ex)
            {
                Problem(file, string.Empty, string.Empty, ex.Message);
                return [];
            }

            var result = ImmutableArray.CreateBuilder<T>();
            foreach (var f in features)
            {
                var id = f.Label(idProperty);
                if (string.IsNullOrWhiteSpace(f.GetString(idProperty)))
                {
                    // An empty id cannot be referred to or told apart from another, so it counts as missing.
                    Problem(file, id, idProperty, f.Has(idProperty) ? "is empty" : "is missing", idProperty == "id" && file == RegionFiles.Roads ? ProblemSeverity.Warning : ProblemSeverity.Error);
                    if (file != RegionFiles.Roads)
                    {
                        continue;
                    }
                }

                switch (build(f, id))
                {
                    case T item: result.Add(item); break;
                    case RoadParts parts when typeof(T) == typeof(Road):
                        for (int i = 0; i < parts.Lines.NumGeometries; i++)
                        {
                            result.Add((T)(object)new Road($"{parts.Id}/{i}", (LineString)parts.Lines.GetGeometryN(i), parts.Tags));
                        }

                        break;
                }
            }

            return result.ToImmutable();
        }

        private Geometry? Geometry(string file, GeoJsonFeature f, string id, params string[] types)
        {
            if (f.Geometry is null)
            {
                Problem(file, id, "geometry", f.GeometryError ?? "geometry is missing");
                return null;
            }

            var g = info.Crs == InputCrs.Wgs84 ? f.Geometry : ToWgs84(f.Geometry);
            var problem = GeometryChecks.Problem(g, types);
            if (problem is not null)
            {
                Problem(file, id, "geometry", problem);
                return null;
            }

            return g;
        }

        private GeoPoint? Location(string file, GeoJsonFeature f, string id) =>
            Geometry(file, f, id, "Point") is Point p ? new GeoPoint(p.X, p.Y) : null;

        private double? Count(string file, GeoJsonFeature f, string id, string field)
        {
            var v = NonNegative(file, f, id, field);
            if (v is not null && v != Math.Floor(v.Value))
            {
                Problem(file, id, field, $"{v} is not a whole number");
                return null;
            }

            return v;
        }

        private double? NonNegative(string file, GeoJsonFeature f, string id, string field, double fallback = 0)
        {
            var v = f.GetNumber(field, fallback, out var error);
            if (error is not null)
            {
                Problem(file, id, field, error);
                return null;
            }

            if (v < 0)
            {
                Problem(file, id, field, $"{v} is negative");
                return null;
            }

            return v;
        }

        private Geometry ToWgs84(Geometry g)
        {
            var copy = g.Copy();
            copy.Apply(new CrsFilter(info.Crs));
            copy.GeometryChanged();
            return copy;
        }

        private void Problem(string file, string id, string field, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
            problems.Add(new ValidationProblem(RegionFiles.LayerOf(file), id, field, message, severity));
    }

    private sealed record RoadParts(string Id, MultiLineString Lines, ImmutableDictionary<string, string> Tags);

    private sealed class CrsFilter(InputCrs crs) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var p = ChinaCoordinates.ToWgs84(new GeoPoint(seq.GetX(i), seq.GetY(i)), crs);
            seq.SetX(i, p.Lon);
            seq.SetY(i, p.Lat);
        }
    }
}
