using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Planner.Core.Import;

/// <summary>
/// One county's row of the 2020 (7th) census table <c>county_2020.csv</c> (leiii/census, MIT): population,
/// urban and rural residents, and the shares aged 0-14 and 65+ in percent.
/// </summary>
/// <param name="Code">6-digit county code.</param>
/// <param name="Name">County name (e.g. 贵溪市).</param>
/// <param name="Population">Residents.</param>
/// <param name="Urban">Urban residents.</param>
/// <param name="Rural">Rural residents.</param>
/// <param name="Share0To14Pct">Share aged 0-14, percent.</param>
/// <param name="Share65PlusPct">Share aged 65 and over, percent.</param>
public sealed record CountyCensus(string Code, string Name, long Population, long Urban, long Rural, double Share0To14Pct, double Share65PlusPct)
{
    /// <summary>Residents of the chosen part: total, urban or rural.</summary>
    /// <exception cref="ImportException">Unknown part.</exception>
    public long PartTotal(string part) => part switch
    {
        "total" => Population,
        "urban" => Urban,
        "rural" => Rural,
        _ => throw new ImportException(ImportException.Line(string.Empty, string.Empty, "--share", $"'{part}' is not total, urban or rural")),
    };

    /// <summary>Reads the row of <paramref name="code"/> from a census CSV with the county_2020.csv columns.</summary>
    /// <exception cref="ImportException">The file, the columns or the row are missing or not numbers.</exception>
    public static CountyCensus Read(string path, string code)
    {
        if (!File.Exists(path))
        {
            throw new ImportException(ImportException.Line(path, string.Empty, string.Empty, "file does not exist"));
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        string[] needed = ["code", "county", "population", "urban", "rural", "share_0_14_pct", "share_65_plus_pct"];
        var missing = needed.Where(c => csv.HeaderRecord?.Contains(c) != true).ToList();
        if (missing.Count > 0)
        {
            throw new ImportException(missing.Select(c => ImportException.Line(path, "line 1", c, "column is missing")));
        }

        while (csv.Read())
        {
            if (csv.GetField("code") != code)
            {
                continue;
            }

            var line = $"line {csv.Parser.RawRow}";
            var problems = new List<string>();
            double Number(string column)
            {
                var text = csv.GetField(column);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0)
                {
                    return v;
                }

                problems.Add(ImportException.Line(path, line, column, $"'{text}' is not a non-negative number"));
                return 0;
            }

            var row = new CountyCensus(code, csv.GetField("county") ?? code, (long)Number("population"), (long)Number("urban"), (long)Number("rural"),
                Number("share_0_14_pct"), Number("share_65_plus_pct"));
            return problems.Count > 0 ? throw new ImportException(problems) : row;
        }

        throw new ImportException(ImportException.Line(path, string.Empty, "code", $"no row for county {code}"));
    }
}
