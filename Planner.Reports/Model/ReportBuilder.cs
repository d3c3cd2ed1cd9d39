using NetTopologySuite.Geometries;
using Planner.Core.Circles;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Standards;

namespace Planner.Reports.Model;

/// <summary>
/// Builds the <see cref="ReportDocument"/> of one coverage run: region-wide figures, a section per township
/// with its villages, stations with their township, gaps named by the village that contains their centre and
/// measured to the nearest counted station (great-circle distance), checks with their rules in the report's
/// language, and the summary in words. It re-sums nothing: every figure is the coverage engine's.
/// </summary>
public static class ReportBuilder
{
    /// <summary>Mean Earth radius in metres (IUGG), for great-circle distances.</summary>
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>The life circles a run can name, for their titles (the catalogue is immutable).</summary>
    private static readonly LifeCircleCatalog Catalog = LifeCircleCatalog.Builtin();

    /// <summary>Builds the report.</summary>
    /// <param name="region">The region the run covered (names, boundaries, station levels and places).</param>
    /// <param name="coverage">The coverage run (whole region or narrowed to units).</param>
    /// <param name="checks">Standards checks of the run; empty when none were made.</param>
    /// <param name="options">Language, data date, time of making and rule set name.</param>
    public static ReportDocument Build(Region region, CoverageReport coverage, IReadOnlyList<StandardCheck> checks, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(options);
        var text = ReportText.For(options.Language);
        var groups = coverage.Groups.Keys.Select(k => new ReportGroup(k, text.Term(k))).ToList();
        var units = region.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var unitRows = coverage.Units.ToDictionary(u => u.Code, u => Row(u, groups, units), StringComparer.Ordinal);
        var townships = coverage.Units.Where(u => u.Level == "township").OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(t => new TownshipSection(unitRows[t.Code], coverage.Units
                .Where(v => v.Level == "village" && v.ParentCode == t.Code).OrderBy(v => v.Code, StringComparer.Ordinal)
                .Select(v => unitRows[v.Code]).ToList()))
            .ToList();
        var stations = Stations(region, coverage, groups, text, units);
        var doc = new ReportDocument
        {
            Text = text,
            RegionName = region.Info.Name,
            RegionCode = region.Info.Code,
            Circles = [Circle(coverage, text)],
            DataDate = options.DataDate,
            GeneratedAt = options.GeneratedAt.ToOffset(TimeSpan.FromHours(8)), // Asia/Shanghai: UTC+8 all year, no daylight saving since 1991
            Groups = groups,
            Overall = groups.Select(g => Figure(coverage.Groups[g.Key])).ToList(),
            Unreachable = groups.Select(g => coverage.Unreachable.GetValueOrDefault(g.Key)).ToList(),
            Townships = townships,
            Stations = stations,
            Gaps = Gaps(region, coverage, groups, units, stations),
            RuleSetName = options.RuleSetName,
            Checks = checks.Select(c => new CheckRow(c.RuleId, RuleTexts.For(options.Language, c.RuleId, c.Rule), text.Term(c.SubjectKind),
                c.SubjectName, c.Measured, c.Comparison, c.Required, c.Passed, c.Note)).ToList(),
            Summary = [],
            Sources = region.Info.Sources,
            ScopeName = options.ScopeName,
            ScenarioName = options.ScenarioName,
            Minutes = groups.Count == 0 ? null : MinutesHistogram.Of(region, coverage, groups[0]),
        };
        return doc with { Summary = ReportSummary.Write(doc) };
    }

    /// <summary>The run's circle, titled in the report's language from the catalogue it was named from (an ad-hoc circle has no title of its own).</summary>
    private static ReportCircle Circle(CoverageReport coverage, ReportText text)
    {
        bool zh = text.Language == ReportLanguage.Chinese;
        var title = Catalog.Find(coverage.Circle) is { } circle
            ? circle.Title(zh ? "zh" : "en")
            : zh ? "自定义服务圈" : "ad-hoc circle";
        return new ReportCircle(coverage.Circle, title, coverage.Minutes, coverage.Mode, text.Term(coverage.Mode), coverage.CapMeters,
            coverage.SpeedKmh, coverage.Method, text.Term(coverage.Method));
    }

    private static GroupFigure Figure(GroupCoverage g) => new(g.Population, g.Covered, g.Share);

    private static UnitRow Row(UnitCoverage u, IReadOnlyList<ReportGroup> groups, Dictionary<string, AdminUnit> units) =>
        new(u.Code, u.Name, u.Level, u.ParentCode is { } p && units.TryGetValue(p, out var parent) ? parent.Name : string.Empty,
            groups.Select(g => u.Groups.TryGetValue(g.Key, out var c) ? Figure(c) : new GroupFigure(0, 0, 0)).ToList(), u.Accessibility)
        {
            Boundary = units.TryGetValue(u.Code, out var unit) ? unit.Boundary : null,
        };

    private static List<StationRow> Stations(Region region, CoverageReport coverage, IReadOnlyList<ReportGroup> groups, ReportText text, Dictionary<string, AdminUnit> units)
    {
        var byId = region.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var rows = new List<StationRow>(coverage.Stations.Count);
        foreach (var s in coverage.Stations)
        {
            byId.TryGetValue(s.Id, out var station);
            rows.Add(new StationRow(
                s.Id, s.Name,
                station is null ? string.Empty : text.Term(station.Level.ToString()),
                text.Term(s.Status),
                station?.UnitCode is { } code ? TownshipOf(code, units)?.Name ?? string.Empty : string.Empty,
                s.SocialWorkers,
                groups.Select(g => s.Catchment.GetValueOrDefault(g.Key)).ToList(),
                s.AreaKm2, s.Ratio,
                station?.Location.Lon ?? double.NaN, station?.Location.Lat ?? double.NaN) { Circle = s.Circle });
        }

        return rows;
    }

    private static List<GapRow> Gaps(Region region, CoverageReport coverage, IReadOnlyList<ReportGroup> groups, Dictionary<string, AdminUnit> units, List<StationRow> stations)
    {
        var villages = region.Units.Where(u => u.Level == AdminLevel.Village).ToList();
        var factory = new GeometryFactory();
        var located = stations.Where(s => !double.IsNaN(s.Lon)).ToList();
        var rows = new List<GapRow>(coverage.Gaps.Count);
        foreach (var g in coverage.Gaps)
        {
            double lon = g.Centroid[0], lat = g.Centroid[1];
            var centre = factory.CreatePoint(new Coordinate(lon, lat));
            var village = villages.FirstOrDefault(v => v.Boundary.Covers(centre));
            var township = village?.ParentCode is { } p ? TownshipOf(p, units) : null;
            var nearest = located.Count == 0 ? null : located.MinBy(s => GreatCircleMeters(lon, lat, s.Lon, s.Lat));
            rows.Add(new GapRow(
                g.Id, village?.Name ?? string.Empty, township?.Name ?? string.Empty, g.Points,
                groups.Select(gr => g.Groups.GetValueOrDefault(gr.Key)).ToList(),
                nearest?.Name ?? string.Empty, nearest is null ? null : GreatCircleMeters(lon, lat, nearest.Lon, nearest.Lat),
                lon, lat) { Outline = g.Outline });
        }

        return rows;
    }

    /// <summary>The township a unit lies in (itself when it is one), walking up the parents.</summary>
    private static AdminUnit? TownshipOf(string code, Dictionary<string, AdminUnit> units)
    {
        for (var u = units.GetValueOrDefault(code); u is not null; u = u.ParentCode is { } p ? units.GetValueOrDefault(p) : null)
        {
            if (u.Level == AdminLevel.Township)
            {
                return u;
            }
        }

        return null;
    }

    /// <summary>Haversine distance on the mean-radius sphere, metres (within 0.5% of the ellipsoid).</summary>
    internal static double GreatCircleMeters(double lon1, double lat1, double lon2, double lat2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
