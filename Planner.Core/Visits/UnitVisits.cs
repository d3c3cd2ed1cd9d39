namespace Planner.Core.Visits;

/// <summary>
/// Cases of one unit and how many are visited as often as their files ask: counts only, never a person's id or
/// location, so a unit figure can be shown to anyone who sees the unit.
/// </summary>
/// <param name="UnitCode">The unit (village or community; the lowest unit holding the case when there is no village).</param>
/// <param name="UnitName">Its name.</param>
/// <param name="Cases">Cases in the unit.</param>
/// <param name="FullyVisited">Cases with every visit their file asks for in the plan (by a worker or a volunteer team).</param>
/// <param name="VisitsAsked">Visits asked for.</param>
/// <param name="VisitsPlanned">Visits planned.</param>
public sealed record UnitVisits(string UnitCode, string UnitName, int Cases, int FullyVisited, int VisitsAsked, int VisitsPlanned)
{
    /// <summary>Cases visited less often than their files ask.</summary>
    public int UnderVisited => Cases - FullyVisited;
}
