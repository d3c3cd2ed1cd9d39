namespace Planner.Core.Siting;

/// <summary>What a solver may do with a site.</summary>
public enum SiteRole
{
    /// <summary>A candidate: the solver may open it or not.</summary>
    Candidate,

    /// <summary>An existing operating station: always open, locked in, never moved, not counted in p or the budget.</summary>
    Existing,

    /// <summary>A candidate the planner requires: always opened, counted in p and the budget.</summary>
    Forced,

    /// <summary>A candidate the planner rules out: never opened.</summary>
    Excluded,
}
