namespace Planner.Core.Siting;

/// <summary>People of one group within the coverage radius of an open site.</summary>
/// <param name="Group">Group name.</param>
/// <param name="Covered">People covered.</param>
/// <param name="Population">People of the group in all demand items.</param>
public sealed record GroupCoverage(string Group, double Covered, double Population)
{
    /// <summary>Covered / population, 0..1 (1 when the population is 0).</summary>
    public double Share => Population > 0 ? Covered / Population : 1;
}
