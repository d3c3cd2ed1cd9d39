using System.Text.Json;
using Planner.Core.Coverage;
using Planner.Core.IO;
using Planner.Core.Model;
using Planner.Core.Standards;
using Planner.Reports.Model;

namespace Planner.Reports.Tests;

/// <summary>
/// The Guixi sample region's coverage run (15 min walk, circles built), its standards checks, the report built
/// from them in Chinese, and the run's JSON report (<see cref="CoverageWriters.ToJson"/>), which the tests read
/// back as the independent statement of every figure. Files go to <see cref="OutputDirectory"/> for a person to
/// look at.
/// </summary>
public sealed class GuixiReport
{
    public GuixiReport()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "guixi");
        var load = RegionFolderReader.Read(folder);
        Region = load.Region ?? throw new InvalidOperationException("data/guixi did not load: " + string.Join("; ", load.Problems));
        Coverage = CoverageCalculator.Compute(Region, new CoverageOptions
        {
            Minutes = Region.Info.DefaultMinutes, Mode = Region.Info.DefaultMode, BuildCircles = true,
        });
        var rules = RuleSet.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "standards", "default.json"));
        var figures = Coverage.Units.SelectMany(u => u.Groups.Select(g => new UnitCoverageFigure(u.Code, g.Key, g.Value.Population, g.Value.Covered))).ToList();
        Checks = StandardsChecker.Check(Region, rules, figures);
        Json = JsonDocument.Parse(CoverageWriters.ToJson(Coverage));
        Document = Build(ReportLanguage.Chinese);
        Directory.CreateDirectory(OutputDirectory);
    }

    public static string OutputDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "report-output");

    public Region Region { get; }

    public CoverageReport Coverage { get; }

    public IReadOnlyList<StandardCheck> Checks { get; }

    /// <summary>The JSON report, parsed: what the figures must equal.</summary>
    public JsonDocument Json { get; }

    /// <summary>The Chinese report.</summary>
    public ReportDocument Document { get; }

    public ReportDocument Build(ReportLanguage language) => ReportBuilder.Build(Region, Coverage, Checks, new ReportOptions
    {
        Language = language,
        DataDate = new DateOnly(2026, 6, 30),
        GeneratedAt = new DateTimeOffset(2026, 7, 1, 2, 30, 0, TimeSpan.Zero),
        RuleSetName = "default",
    });

    /// <summary>Units of one level from the JSON report: code, name and share per group.</summary>
    public IReadOnlyList<(string Code, string Name, IReadOnlyDictionary<string, double> Shares)> JsonUnits(string level) =>
        Json.RootElement.GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("level").GetString() == level)
            .Select(u => (u.GetProperty("code").GetString()!, u.GetProperty("name").GetString()!,
                (IReadOnlyDictionary<string, double>)u.GetProperty("groups").EnumerateObject().ToDictionary(g => g.Name, g => g.Value.GetProperty("share").GetDouble())))
            .ToList();

    /// <summary>Region-wide share per group from the JSON report.</summary>
    public IReadOnlyDictionary<string, double> JsonShares() =>
        Json.RootElement.GetProperty("groups").EnumerateObject().ToDictionary(g => g.Name, g => g.Value.GetProperty("share").GetDouble());

    /// <summary>A share as the printed formats write it, computed here from the JSON value.</summary>
    public static string Printed(double share) => (share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

[CollectionDefinition(Name)]
public sealed class GuixiCollection : ICollectionFixture<GuixiReport>
{
    public const string Name = "guixi report";
}
