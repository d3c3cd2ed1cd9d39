using System.Globalization;
using System.Text;

namespace Planner.Core.Visits;

/// <summary>Writes a case table as UTF-8 CSV in the columns <see cref="CaseTableReader"/> reads.</summary>
public static class CaseTableWriter
{
    /// <summary>The usual file name of a region's case table.</summary>
    public const string FileName = "cases.csv";

    /// <summary>Writes <paramref name="cases"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<VisitCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var text = new StringBuilder("id,lon,lat,unit,category,visits_per_month,minutes_per_visit,station,worker,window,kind\n");
        foreach (var c in cases)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{c.Id},{c.Location?.Lon.ToString("0.######", CultureInfo.InvariantCulture)},{c.Location?.Lat.ToString("0.######", CultureInfo.InvariantCulture)},{c.UnitCode},{c.Category},{c.VisitsPerMonth},{c.MinutesPerVisit},{c.StationId},{c.WorkerId},{c.Window},{c.Kind}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
