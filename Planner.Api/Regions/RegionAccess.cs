using System.Security.Claims;

namespace Planner.Api.Regions;

/// <summary>
/// Region lookups through the caller's scope: a region outside the key's division-code prefix is treated
/// exactly like one that does not exist (same 404, absent from lists and counts).
/// </summary>
internal sealed class RegionAccess(IRegionCatalog catalog)
{
    /// <summary>The region if it exists and lies in the caller's scope, else null.</summary>
    public async Task<CatalogRegion?> FindAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var region = await catalog.GetAsync(name, cancellationToken).ConfigureAwait(false);
        return region is not null && Security.Roles.InScope(user, region.Code) ? region : null;
    }

    /// <summary>The regions in the caller's scope.</summary>
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var all = await catalog.ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Where(e => Security.Roles.InScope(user, e.Code))];
    }
}
