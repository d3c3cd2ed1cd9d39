namespace Planner.Core.Siting;

/// <summary>The location model to solve.</summary>
public enum SitingModel
{
    /// <summary>Maximal covering (Church &amp; ReVelle 1974): choose p new sites maximising weighted covered demand.</summary>
    Mclp,

    /// <summary>Location set covering (Toregas et al. 1971): fewest new sites covering a target share of a group.</summary>
    Lscp,

    /// <summary>p-median (Hakimi 1964): choose p new sites minimising weighted travel cost to the nearest open site.</summary>
    PMedian,
}
