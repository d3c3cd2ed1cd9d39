using System.Collections.Immutable;
using Planner.Core.Coverage;

namespace Planner.Core.Standards;

/// <summary>Covered people of one group in one unit, as the coverage engine measured them (input to unit_covered rules).</summary>
/// <param name="UnitCode">Unit code.</param>
/// <param name="Group">Population group.</param>
/// <param name="Population">People of the group living in the unit.</param>
/// <param name="Covered">Of them, people within the service circle of a counted station.</param>
public sealed record UnitCoverageFigure(string UnitCode, string Group, double Population, double Covered)
{
    /// <summary>The life circle the figure was computed for (<see cref="Coverage.CoverageReport.Circle"/>); null when unknown.</summary>
    public string? Circle { get; init; }

    /// <summary>The figures of every unit and group of a coverage report, the one way the CLI, the API and what-if feed the standards check.</summary>
    /// <param name="report">The coverage report.</param>
    public static ImmutableArray<UnitCoverageFigure> From(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Units.SelectMany(u => u.Groups.Select(g => new UnitCoverageFigure(u.Code, g.Key, g.Value.Population, g.Value.Covered) { Circle = report.Circle }))];
    }
}
