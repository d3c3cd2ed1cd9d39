using System.Collections.Immutable;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Index.Strtree;
using Planner.Core.Geo;
using Planner.Core.Import.Tables;
using Planner.Core.Model;

namespace Planner.Core.Import.Boundaries;

/// <summary>
/// Turns the features of a boundary file into admin units: code and name from the given fields, level from an option,
/// a field (Chinese or English values) or else from the code's length, parent from a field or else from the code
/// prefix (the 12-digit statistical code: county 6 digits, township 3 more, village 3 more; trailing 000 groups are
/// padding). Geometries are converted to WGS84; invalid rings are repaired (NTS <see cref="GeometryFixer"/>) with a
/// note. Checks, in the region's local metric projection: a village whose area lies less than
/// <see cref="Options.MinShareInParent"/> inside its township is a warning naming both; overlaps between units of the
/// same level larger than <see cref="Options.MinReportedAreaSquareMeters"/> and polygon parts smaller than
/// <see cref="Options.SliverAreaSquareMeters"/> are reported with their area. A feature without code, name, level
/// or polygon is an error naming the feature.
/// </summary>
public static class UnitBoundaryImporter
{
    /// <summary>How to read the fields, and the check thresholds.</summary>
    /// <param name="CodeField">Field holding the unit code.</param>
    /// <param name="NameField">Field holding the unit name.</param>
    /// <param name="Level">Level of every feature, or null to read <paramref name="LevelField"/> (or infer from the code).</param>
    /// <param name="LevelField">Field holding the level (乡镇/街道/村/社区/网格 or township/village/grid).</param>
    /// <param name="ParentField">Field holding the parent code; null derives it from the code prefix.</param>
    /// <param name="MinShareInParent">Share of a unit's area that must lie in its parent (0.95).</param>
    /// <param name="MinReportedAreaSquareMeters">Smallest overlap reported, m².</param>
    /// <param name="SliverAreaSquareMeters">Polygon parts below this area are reported as slivers, m².</param>
    public sealed record Options(string CodeField, string NameField, AdminLevel? Level, string? LevelField, string? ParentField,
        double MinShareInParent = 0.95, double MinReportedAreaSquareMeters = 1, double SliverAreaSquareMeters = 100);

    /// <summary>The units read, the refused features (any one means nothing should be stored), warnings and notes.</summary>
    /// <param name="Units">The units, WGS84.</param>
    /// <param name="Refused">Each refused feature with the field at fault and why (the API's problem details list them).</param>
    /// <param name="Warnings">Check findings that do not stop the import.</param>
    /// <param name="Notes">What was read how (encodings, repairs).</param>
    public sealed record Result(ImmutableArray<AdminUnit> Units, ImmutableArray<RowProblem> Refused, ImmutableArray<string> Warnings, ImmutableArray<string> Notes)
    {
        /// <summary>One line per refused feature: file, feature, field, reason (what the CLI prints).</summary>
        public ImmutableArray<string> Errors => [.. Refused.Select(p => p.Line())];
    }

    /// <summary>Builds units from <paramref name="file"/>; parents may be units of <paramref name="region"/> (e.g. its county).</summary>
    public static Result Read(BoundaryFile file, Region region, Options options)
    {
        var errors = new List<RowProblem>();
        var warnings = new List<string>();
        var notes = new List<string>(file.Notes);
        var name = file.FileName;
        string Where(BoundaryFeature f, string code) => code.Length > 0 ? $"feature {f.Number} ({code})" : $"feature {f.Number}";
        var units = new List<AdminUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in file.Features)
        {
            var code = f[options.CodeField];
            if (!f.Attributes.ContainsKey(options.CodeField))
            {
                errors.Add(new RowProblem(name, "header", "--code-field", $"no field '{options.CodeField}' (fields: {string.Join(", ", f.Attributes.Keys.Order(StringComparer.Ordinal))})"));
                break;
            }

            if (code.Length == 0)
            {
                errors.Add(new RowProblem(name, Where(f, code), options.CodeField, "code is empty"));
                continue;
            }

            var unitName = f[options.NameField];
            if (unitName.Length == 0)
            {
                errors.Add(new RowProblem(name, Where(f, code), options.NameField, f.Attributes.ContainsKey(options.NameField) ? "name is empty" : $"no field '{options.NameField}'"));
                continue;
            }

            if (!seen.Add(code))
            {
                errors.Add(new RowProblem(name, Where(f, code), options.CodeField, $"code {code} is used by an earlier feature"));
                continue;
            }

            AdminLevel? level = options.Level;
            if (level is null && options.LevelField is not null)
            {
                if (!DomainValues.TryParseAdminLevel(f[options.LevelField], out level))
                {
                    errors.Add(new RowProblem(name, Where(f, code), options.LevelField, $"unknown level '{f[options.LevelField]}': use 乡镇/街道, 村/社区, 网格 (township, village, grid)"));
                    continue;
                }
            }

            level ??= LevelOfCode(code);
            if (level is null)
            {
                errors.Add(new RowProblem(name, Where(f, code), options.CodeField, $"cannot tell the level of code {code}: give --level or --level-field"));
                continue;
            }

            var geometry = Polygonal(f, file.Crs, out var problem, out var repaired);
            if (geometry is null)
            {
                errors.Add(new RowProblem(name, Where(f, code), "geometry", problem!));
                continue;
            }

            if (repaired is not null)
            {
                notes.Add(ImportException.Line(name, Where(f, code), "geometry", $"{unitName}: invalid ring repaired ({repaired})"));
            }

            var parent = options.ParentField is null ? null : f[options.ParentField];
            units.Add(new AdminUnit(code, unitName, level.Value, string.IsNullOrEmpty(parent) ? null : parent, geometry));
        }

        if (errors.Count > 0)
        {
            return new Result([], [.. errors], [.. warnings], [.. notes]);
        }

        if (options.ParentField is null)
        {
            units = DeriveParents(units, region);
        }

        Check(units, region, options, name, warnings);
        return new Result([.. units], [], [.. warnings], [.. notes]);
    }

    /// <summary>The code with its trailing 000 groups removed (the 12-digit code pads townships and counties with zeros).</summary>
    public static string Significant(string code)
    {
        var s = code;
        while (s.Length > 6 && s.EndsWith("000", StringComparison.Ordinal))
        {
            s = s[..^3];
        }

        return s;
    }

    private static AdminLevel? LevelOfCode(string code) => Significant(code).Length switch
    {
        6 => AdminLevel.County,
        9 => AdminLevel.Township,
        12 => AdminLevel.Village,
        15 => AdminLevel.Grid,
        _ => null,
    };

    private static List<AdminUnit> DeriveParents(List<AdminUnit> units, Region region)
    {
        // Imported units first: a county in the file wins over the region's own.
        var bySignificant = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var u in units.Concat(region.Units))
        {
            bySignificant.TryAdd(Significant(u.Code), u.Code);
        }

        return [.. units.Select(u =>
        {
            var s = Significant(u.Code);
            for (var p = s.Length > 6 ? s[..^3] : null; p is not null; p = p.Length > 6 ? p[..^3] : null)
            {
                if (bySignificant.TryGetValue(p, out var parent))
                {
                    return u with { ParentCode = parent };
                }
            }

            return u;
        })];
    }

    private static Geometry? Polygonal(BoundaryFeature f, SourceCrs crs, out string? problem, out string? repaired)
    {
        problem = null;
        repaired = null;
        if (f.Geometry is null)
        {
            problem = "no geometry";
            return null;
        }

        var g = crs.ToWgs84(f.Geometry);
        var env = g.EnvelopeInternal;
        if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90)
        {
            problem = $"coordinates ({env.MinX:0.###}, {env.MinY:0.###}) are not in {crs.Name}: give --crs or a .prj";
            return null;
        }

        if (!g.IsValid)
        {
            repaired = new NetTopologySuite.Operation.Valid.IsValidOp(g).ValidationError?.ToString();
            g = GeometryFixer.Fix(g);
        }

        var polygons = PolygonExtracter.GetPolygons(g).Cast<Polygon>().Where(p => !p.IsEmpty).ToArray();
        if (polygons.Length == 0)
        {
            problem = $"is a {f.Geometry.GeometryType}, not a polygon";
            return null;
        }

        return polygons.Length == 1 ? polygons[0] : GeometryFactories.Wgs84.CreateMultiPolygon(polygons);
    }

    private static void Check(List<AdminUnit> units, Region region, Options options, string file, List<string> warnings)
    {
        var all = units.Concat(region.Units.Where(u => units.All(n => n.Code != u.Code))).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var center = all.Values.Select(u => u.Boundary.EnvelopeInternal).Aggregate(new Envelope(), (a, e) => { a.ExpandToInclude(e); return a; }).Centre;
        var projection = LocalProjection.ForCenter(new GeoPoint(center.X, center.Y));
        var projected = units.ToDictionary(u => u.Code, u => projection.Project(u.Boundary), StringComparer.Ordinal);
        Geometry Projected(AdminUnit u) => projected.TryGetValue(u.Code, out var g) ? g : projected[u.Code] = projection.Project(u.Boundary);
        string A(double m2) => m2.ToString(m2 < 10 ? "0.##" : "0", CultureInfo.InvariantCulture) + " m²";

        foreach (var u in units)
        {
            var shape = Projected(u);
            for (int i = 0; i < shape.NumGeometries; i++)
            {
                var part = shape.GetGeometryN(i).Area;
                if (part < options.SliverAreaSquareMeters)
                {
                    warnings.Add(ImportException.Line(file, $"{u.Code} {u.Name}", "geometry", $"sliver: a part of {A(part)}"));
                }
            }

            if (u.Level == AdminLevel.Grid || u.ParentCode is null || !all.TryGetValue(u.ParentCode, out var parent) || parent.Level == AdminLevel.County)
            {
                continue;
            }

            double share = shape.Area > 0 ? shape.Intersection(Projected(parent)).Area / shape.Area : 0;
            if (share < options.MinShareInParent)
            {
                warnings.Add(ImportException.Line(file, $"{u.Code} {u.Name}", "parent", string.Create(CultureInfo.InvariantCulture,
                    $"only {share * 100:0.#} % of its area lies in its parent {parent.Code} {parent.Name} (at least {options.MinShareInParent * 100:0} % expected)")));
            }
        }

        foreach (var level in units.Select(u => u.Level).Distinct())
        {
            var same = units.Where(u => u.Level == level).ToList();
            var index = new STRtree<int>();
            for (int i = 0; i < same.Count; i++)
            {
                index.Insert(same[i].Boundary.EnvelopeInternal, i);
            }

            for (int i = 0; i < same.Count; i++)
            {
                foreach (var j in index.Query(same[i].Boundary.EnvelopeInternal).Where(j => j > i).Order())
                {
                    double overlap = Projected(same[i]).Intersection(Projected(same[j])).Area;
                    if (overlap > options.MinReportedAreaSquareMeters)
                    {
                        warnings.Add(ImportException.Line(file, $"{same[i].Code} {same[i].Name}", "geometry", $"overlaps {same[j].Code} {same[j].Name} by {A(overlap)}"));
                    }
                }
            }
        }
    }
}
