using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Problems;
using Planner.Api.Security;
using Planner.Core.Model;
using Planner.Core.Regions;

namespace Planner.Api.Regions;

/// <summary>
/// Region lookups through the caller's scope (<see cref="RegionView"/>): whole when the region's code starts with
/// the key's scope, narrowed to the key's units when the scope starts with the region's code and names units of
/// it, and otherwise treated exactly like a region that does not exist (same 404, absent from lists and counts).
/// </summary>
internal sealed class RegionAccess(IRegionCatalog catalog)
{
    // Narrowed unit sets live as long as the region version they were built for (the catalogs keep one instance per version).
    private readonly ConditionalWeakTable<CatalogRegion, ConcurrentDictionary<string, UnitSelection?>> _narrowed = [];

    /// <summary>
    /// The region <paramref name="name"/> names — its key, or its division code or own name as an alias
    /// (<see cref="RegionAliases"/>, over the regions the caller may see) — as the caller sees it, or null when
    /// it names none or one outside the caller's scope. The view's region carries the key, whatever was typed.
    /// </summary>
    /// <exception cref="RegionKeyException">The alias names several regions the caller may see (the message lists them).</exception>
    public async Task<RegionView?> FindAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        // The key first: it is what URLs carry, and it needs no listing (a folder catalog lists by loading regions).
        var scope = user.Scope();
        if (await catalog.GetAsync(name, cancellationToken).ConfigureAwait(false) is { } direct && View(direct, scope) is { } view)
        {
            return view;
        }

        // Aliases resolve over the regions the caller may see only, so that neither a match nor an ambiguity
        // tells it about a region outside its scope (the key of such a region is text like any other).
        var visible = (await catalog.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(e => e.Code.StartsWith(scope, StringComparison.Ordinal) || scope.StartsWith(e.Code, StringComparison.Ordinal));
        var aliases = new RegionAliases(visible.Select(e => new RegionIdentity(new RegionKey(e.Name), e.Code, e.Title)));
        var resolution = aliases.Resolve(name);
        if (resolution.IsAmbiguous)
        {
            throw new RegionKeyException(resolution.Problem(aliases.Regions), resolution.Candidates);
        }

        return resolution.Region is { } region && region.Key.Value != name
            && await catalog.GetAsync(region.Key.Value, cancellationToken).ConfigureAwait(false) is { } found
            ? View(found, scope)
            : null;
    }

    /// <summary>
    /// The region for a change to the whole region's plan (scenarios, runs, recommendations, matching, what-if):
    /// 404 when the caller cannot see it, 403 when it sees only part of it.
    /// </summary>
    public async Task<(CatalogRegion? Region, ProblemHttpResult? Problem)> FindWholeAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var view = await FindAsync(user, name, cancellationToken).ConfigureAwait(false);
        return view switch
        {
            null => (null, ApiProblems.NotFound("region", name)),
            { IsWhole: true } => (view.Region, null),
            _ => (null, ApiProblems.ScopeNarrowerThanRegion(name, user.Scope(), view.Region.Code)),
        };
    }

    /// <summary>The regions the caller sees, each with its view (null when whole, which needs no region read).</summary>
    public async Task<IReadOnlyList<(CatalogEntry Entry, RegionView? Narrowed)>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = user.Scope();
        var visible = new List<(CatalogEntry, RegionView?)>();
        foreach (var entry in await catalog.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Code.StartsWith(scope, StringComparison.Ordinal))
            {
                visible.Add((entry, null));
            }
            else if (scope.StartsWith(entry.Code, StringComparison.Ordinal)
                && await catalog.GetAsync(entry.Name, cancellationToken).ConfigureAwait(false) is { } region
                && View(region, scope) is { IsWhole: false } view)
            {
                visible.Add((entry, view));
            }
        }

        return visible;
    }

    /// <summary>The region as a key with <paramref name="scope"/> sees it, or null when it sees none of it.</summary>
    public RegionView? View(CatalogRegion region, string scope)
    {
        if (region.Code.StartsWith(scope, StringComparison.Ordinal))
        {
            return RegionView.Whole(region);
        }

        if (!scope.StartsWith(region.Code, StringComparison.Ordinal))
        {
            return null;
        }

        var units = _narrowed.GetValue(region, _ => new ConcurrentDictionary<string, UnitSelection?>(StringComparer.Ordinal))
            .GetOrAdd(scope, s => UnitSelection.UnderPrefix(region.Region, s));
        return units is null ? null : RegionView.Narrowed(region, units, scope);
    }
}
