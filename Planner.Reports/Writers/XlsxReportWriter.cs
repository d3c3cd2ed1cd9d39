using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Planner.Reports.Model;

namespace Planner.Reports.Writers;

/// <summary>
/// The report's tables as an Excel workbook (MiniExcel): the circle and dates first (基本信息), then one sheet per
/// table (总体, 乡镇街道, 村社区, 站点, 服务空白, 标准检查), wide form (one row per unit, one column per group figure), headers with their units,
/// numbers stored as numbers (shares as percentages to two decimals, people to two decimals), header row frozen
/// and filters on.
/// </summary>
public static class XlsxReportWriter
{
    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Text;
        var sheets = new Dictionary<string, object>
        {
            [t.Parameters] = Parameters(report),
            [t.Overall] = Overall(report),
            [t.Townships] = report.Townships.Select(s => UnitRow(report, s.Township, includeTownship: false)).ToList(),
            [t.Villages] = report.Villages.Select(v => UnitRow(report, v, includeTownship: true)).ToList(),
            [t.Stations] = report.Stations.Select(s => StationRow(report, s)).ToList(),
            [t.Gaps] = report.Gaps.Select(g => GapRow(report, g)).ToList(),
            [t.Checks] = report.Checks.Select(c => CheckRow(report, c)).ToList(),
        };
        if (report.Comparison is { } comparison)
        {
            var w = ComparisonText.For(t.Language);
            sheets[w.Heading] = comparison.Units.Select(u => ComparisonRow(report, w, u)).ToList();
            sheets[w.Stations] = comparison.Stations.Select(c => new Dictionary<string, object?>
            {
                ["ID"] = c.Id, [t.Name] = c.Name, [w.Change] = c.KindLabel, [w.MovedMeters] = c.Kind == StationChangeKind.Moved ? Math.Round(c.MovedMeters, 1) : null,
            }).ToList();
        }

        var configuration = new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true, FastMode = true, EnableAutoWidth = true };
        output.SaveAs(sheets, configuration: configuration);
    }

    /// <summary>A share 0..1 as a percentage number to two decimals.</summary>
    internal static double Percent(double share) => Math.Round(share * 100, 2);

    /// <summary>People to two decimals (modelled populations are fractional).</summary>
    internal static double People(double people) => Math.Round(people, 2);

    /// <summary>What the figures are for: the circle (named, with its minutes, mode and cap) and the dates, one row each.</summary>
    private static List<Dictionary<string, object?>> Parameters(ReportDocument r)
    {
        var t = r.Text;
        var c = r.Circles[0];
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return new (string Name, object? Value)[]
        {
            (t.Circle, c.Describe(t)),
            ("ID", c.Id),
            (t.Minutes, c.Minutes),
            (t.Mode, c.ModeLabel),
            (t.CapMeters, c.CapMeters is { } m ? m : t.NoCap),
            (t.SpeedKmh, c.SpeedKmh),
            (t.Method, c.MethodLabel),
            (t.DataDate, r.DataDate?.ToString("yyyy-MM-dd", inv) ?? t.NotStated),
            (t.Generated, r.GeneratedAt.ToString("yyyy-MM-dd HH:mm", inv) + " (UTC+8)"),
        }.Select(p => new Dictionary<string, object?> { [t.Name] = p.Name, [t.Value] = p.Value }).ToList();
    }

    private static List<Dictionary<string, object?>> Overall(ReportDocument r)
    {
        var t = r.Text;
        return r.Groups.Select((g, i) => new Dictionary<string, object?>
        {
            [t.Group] = g.Label,
            [t.Population] = People(r.Overall[i].Population),
            [t.Covered] = People(r.Overall[i].Covered),
            [t.SharePercent] = Percent(r.Overall[i].Share),
            [t.Unreachable] = People(r.Unreachable[i]),
        }).ToList();
    }

    private static Dictionary<string, object?> UnitRow(ReportDocument r, UnitRow u, bool includeTownship)
    {
        var t = r.Text;
        var row = new Dictionary<string, object?> { [t.Code] = u.Code, [t.Name] = u.Name };
        if (includeTownship)
        {
            row[t.Township] = u.ParentName;
        }

        for (int g = 0; g < r.Groups.Count; g++)
        {
            row[t.GroupHeader(r.Groups[g], t.Population)] = People(u.Figures[g].Population);
            row[t.GroupHeader(r.Groups[g], t.Covered)] = People(u.Figures[g].Covered);
            row[t.GroupHeader(r.Groups[g], t.SharePercent)] = Percent(u.Figures[g].Share);
        }

        row[t.Accessibility] = Math.Round(u.Accessibility, 4);
        return row;
    }

    private static Dictionary<string, object?> StationRow(ReportDocument r, StationRow s)
    {
        var t = r.Text;
        var row = new Dictionary<string, object?>
        {
            ["ID"] = s.Id, [t.Name] = s.Name, [t.Level] = s.LevelLabel, [t.Status] = s.StatusLabel, [t.Township] = s.TownshipName,
            [t.SocialWorkers] = s.SocialWorkers,
        };
        for (int g = 0; g < r.Groups.Count; g++)
        {
            row[t.GroupHeader(r.Groups[g], t.Catchment)] = People(s.Catchment[g]);
        }

        row[t.AreaKm2] = Math.Round(s.AreaKm2, 3);
        row[t.Ratio] = Math.Round(s.Ratio, 4);
        row[t.Lon] = s.Lon;
        row[t.Lat] = s.Lat;
        return row;
    }

    private static Dictionary<string, object?> GapRow(ReportDocument r, GapRow g)
    {
        var t = r.Text;
        var row = new Dictionary<string, object?> { ["ID"] = g.Id, [t.Village] = g.VillageName, [t.Township] = g.TownshipName, [t.Points] = g.Points };
        for (int i = 0; i < r.Groups.Count; i++)
        {
            row[t.GroupHeader(r.Groups[i], t.People)] = People(g.People[i]);
        }

        row[t.NearestStation] = g.NearestStationName;
        row[t.DistanceMeters] = g.NearestStationMeters is { } m ? Math.Round(m, 0) : null;
        row[t.Lon] = g.Lon;
        row[t.Lat] = g.Lat;
        return row;
    }

    private static Dictionary<string, object?> CheckRow(ReportDocument r, CheckRow c)
    {
        var t = r.Text;
        return new Dictionary<string, object?>
        {
            ["ID"] = c.RuleId, [t.Rule] = c.RuleText, [t.Subject] = $"{c.SubjectKind}{(t.Language == ReportLanguage.Chinese ? "：" : ": ")}{c.SubjectName}",
            [t.Measured] = c.Measured, [t.Required] = c.Required, [t.Result] = c.Passed ? t.Pass : t.Fail, [t.Note] = c.Note,
        };
    }

    private static Dictionary<string, object?> ComparisonRow(ReportDocument r, ComparisonText w, UnitChange u)
    {
        var t = r.Text;
        var row = new Dictionary<string, object?> { [t.Code] = u.Code, [t.Name] = u.Name, [t.Level] = t.Term(u.Level) };
        for (int g = 0; g < r.Groups.Count; g++)
        {
            row[t.GroupHeader(r.Groups[g], w.Base)] = Percent(u.Shares[g].Base);
            row[t.GroupHeader(r.Groups[g], w.InScenario)] = Percent(u.Shares[g].Scenario);
            row[t.GroupHeader(r.Groups[g], w.ChangePoints)] = Math.Round(u.Shares[g].Change * 100, 2);
        }

        return row;
    }
}
