using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Validation;

/// <summary>
/// Cross-feature checks of a loaded region: duplicate ids, unit parents that do not exist or are not a level
/// up, unit references to unknown units, features far from the region (lon/lat swapped, wrong CRS), a
/// Chinese division code on a region outside China, and stations or demand too far from every road.
/// Per-feature checks (geometry, ranges, numbers, levels) happen while reading.
/// </summary>
public static class RegionValidator
{
    /// <summary>Problems found in <paramref name="region"/>, in file order.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(Region region, ValidationOptions? options = null)
    {
        options ??= ValidationOptions.Default;
        var problems = new List<ValidationProblem>();
        CheckDuplicates(region, problems);
        CheckHierarchy(region, problems);
        CheckPlacement(region, options, problems);
        if (!region.Roads.IsEmpty)
        {
            RoadDistanceCheck.Run(region, options.MaxRoadDistanceMeters, problems);
        }

        return problems;
    }

    private static void CheckDuplicates(Region region, List<ValidationProblem> problems)
    {
        void Check<T>(string file, string field, IEnumerable<T> items, Func<T, string> id)
        {
            foreach (var dup in items.GroupBy(id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add(new(file, dup.Key, field, $"id is used by {dup.Count()} features: ids must be unique"));
            }
        }

        Check(RegionLayer.Units, "code", region.Units, u => u.Code);
        Check(RegionLayer.Demand, "id", region.Demand, d => d.Id);
        Check(RegionLayer.Stations, "id", region.Stations, s => s.Id);
        Check(RegionLayer.Teams, "id", region.Teams, t => t.Id);
        Check(RegionLayer.Needs, "id", region.Needs, n => n.Id);
        Check(RegionLayer.Candidates, "id", region.Candidates, c => c.Id);
        Check(RegionLayer.PublicBuildings, "id", region.PublicBuildings, b => b.Id);
    }

    private static void CheckHierarchy(Region region, List<ValidationProblem> problems)
    {
        var byCode = region.Units.GroupBy(u => u.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var u in region.Units)
        {
            if (u.ParentCode is null)
            {
                if (u.Level != AdminLevel.County)
                {
                    problems.Add(new(RegionLayer.Units, u.Code, "parent", $"a {DomainNames.Of(u.Level)} needs a parent unit", ProblemSeverity.Warning));
                }

                continue;
            }

            if (!byCode.TryGetValue(u.ParentCode, out var parent))
            {
                problems.Add(new(RegionLayer.Units, u.Code, "parent", $"parent unit '{u.ParentCode}' does not exist"));
            }
            else if (parent.Level >= u.Level)
            {
                problems.Add(new(RegionLayer.Units, u.Code, "parent", $"parent '{parent.Code}' is a {DomainNames.Of(parent.Level)}, not a level above this {DomainNames.Of(u.Level)}"));
            }
        }

        void CheckRef(string file, string id, string? unit)
        {
            if (unit is not null && byCode.Count > 0 && !byCode.ContainsKey(unit))
            {
                problems.Add(new(file, id, "unit", $"unit '{unit}' is not one of the region's units"));
            }
        }

        foreach (var d in region.Demand)
        {
            CheckRef(RegionLayer.Demand, d.Id, d.UnitCode);
        }

        foreach (var s in region.Stations)
        {
            CheckRef(RegionLayer.Stations, s.Id, s.UnitCode);
        }

        foreach (var t in region.Teams)
        {
            CheckRef(RegionLayer.Teams, t.Id, t.UnitCode);
        }

        foreach (var n in region.Needs)
        {
            CheckRef(RegionLayer.Needs, n.Id, n.UnitCode);
        }
    }

    private static void CheckPlacement(Region region, ValidationOptions options, List<ValidationProblem> problems)
    {
        var center = RegionCenter.Of(region);
        if (center is null)
        {
            return;
        }

        var c = center.Value;
        if (IsChineseDivisionCode(region.Info.Code) && !ChinaCoordinates.IsInChina(c))
        {
            var swapped = ChinaCoordinates.IsInChina(new GeoPoint(c.Lat, c.Lon)) ? ": lon/lat look swapped" : string.Empty;
            problems.Add(new(RegionLayer.Info, string.Empty, "code", $"region code {region.Info.Code} is a Chinese division code but the data lie at {c}, outside China{swapped}"));
        }

        void Check(string file, string id, GeoPoint p)
        {
            var km = RegionCenter.DistanceKm(c, p);
            if (km <= options.MaxSpreadKm)
            {
                return;
            }

            var swapped = RegionCenter.DistanceKm(c, new GeoPoint(p.Lat, p.Lon)) <= options.MaxSpreadKm ? "; lon/lat look swapped" : "; wrong CRS or a typo?";
            problems.Add(new(file, id, "geometry", FormattableString.Invariant($"position {p} is {km:0} km from the region's centre {c}{swapped}")));
        }

        foreach (var s in region.Stations)
        {
            Check(RegionLayer.Stations, s.Id, s.Location);
        }

        foreach (var d in region.Demand)
        {
            Check(RegionLayer.Demand, d.Id, d.Location);
        }

        foreach (var u in region.Units)
        {
            var e = u.Boundary.EnvelopeInternal;
            Check(RegionLayer.Units, u.Code, new GeoPoint(e.Centre.X, e.Centre.Y));
        }

        foreach (var t in region.Teams)
        {
            Check(RegionLayer.Teams, t.Id, t.Base);
        }

        foreach (var n in region.Needs)
        {
            Check(RegionLayer.Needs, n.Id, n.Location);
        }

        foreach (var k in region.Candidates)
        {
            Check(RegionLayer.Candidates, k.Id, k.Location);
        }

        foreach (var b in region.PublicBuildings)
        {
            Check(RegionLayer.PublicBuildings, b.Id, b.Location);
        }
    }

    private static bool IsChineseDivisionCode(string code) =>
        code.Length is 6 or 9 or 12 && code.All(char.IsAsciiDigit) && code[0] is >= '1' and <= '8';
}
