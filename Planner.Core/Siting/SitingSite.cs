using Planner.Core.Geo;

namespace Planner.Core.Siting;

/// <summary>A site in a coverage matrix: an existing station or a candidate for a new one.</summary>
/// <param name="Id">Identifier, unique in the matrix.</param>
/// <param name="Cost">Cost of opening it (any currency unit, compared with a budget); 1 by default. Ignored for existing stations.</param>
/// <param name="Role">Candidate, existing (locked in), forced or excluded.</param>
/// <param name="Location">WGS84 position, when known (reported with the answer).</param>
/// <param name="TownshipCode">Code of the township (乡镇/街道) the site lies in, for the township floor; null when unknown.</param>
/// <param name="CapacityPeople">People (of the first group, normally total) the site can serve, e.g. social workers x people per worker; null = unlimited. Used by MCLP only.</param>
public sealed record SitingSite(
    string Id,
    double Cost = 1,
    SiteRole Role = SiteRole.Candidate,
    GeoPoint? Location = null,
    string? TownshipCode = null,
    double? CapacityPeople = null)
{
    /// <summary>True for sites the solver may choose (candidates and forced ones).</summary>
    public bool IsSelectable => Role is SiteRole.Candidate or SiteRole.Forced;
}
