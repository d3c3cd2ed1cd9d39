namespace Planner.Core.Standards;

/// <summary>Covered people of one group in one unit, as the coverage engine measured them (input to unit_covered rules).</summary>
/// <param name="UnitCode">Unit code.</param>
/// <param name="Group">Population group.</param>
/// <param name="Population">People of the group living in the unit.</param>
/// <param name="Covered">Of them, people within the service circle of a counted station.</param>
public sealed record UnitCoverageFigure(string UnitCode, string Group, double Population, double Covered);
