using Planner.Core.Coverage;
using Planner.Core.Standards;

namespace Planner.Core.Narrowing;

/// <summary>A coverage report and its standards checks narrowed to a <see cref="Model.UnitSelection"/>.</summary>
/// <param name="Report">The report with only the selection's units, stations, gaps and figures.</param>
/// <param name="Checks">The checks about the selection's units and stations, in their order.</param>
public sealed record NarrowedCoverage(CoverageReport Report, IReadOnlyList<StandardCheck> Checks);
