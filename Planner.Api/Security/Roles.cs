using System.Security.Claims;

namespace Planner.Api.Security;

/// <summary>The roles an API key can carry; each includes the ones before it.</summary>
internal static class Roles
{
    /// <summary>Reads layers, reports and regions in its scope.</summary>
    public const string Viewer = "viewer";

    /// <summary>Also creates and runs scenarios and jobs.</summary>
    public const string Planner = "planner";

    /// <summary>Also manages regions and keys.</summary>
    public const string Admin = "admin";

    /// <summary>The roles, weakest first.</summary>
    public static readonly IReadOnlyList<string> All = [Viewer, Planner, Admin];

    /// <summary>Claim type of the key's scope (a division-code prefix; empty: every region; longer than a region's code: part of it).</summary>
    public const string ScopeClaim = "planner:scope";

    /// <summary>Claim type of the key's id (never the key itself).</summary>
    public const string KeyIdClaim = "planner:key";

    /// <summary>The caller's scope prefix.</summary>
    public static string Scope(this ClaimsPrincipal user) => user.FindFirstValue(ScopeClaim) ?? "\0";

    /// <summary>
    /// True when <paramref name="code"/> (a division code or prefix: a key's scope, a job's data) lies wholly in the
    /// caller's scope. Regions go through <see cref="Regions.RegionAccess"/>, which also narrows a region to a key
    /// scoped below its code.
    /// </summary>
    public static bool InScope(this ClaimsPrincipal user, string code) => code.StartsWith(user.Scope(), StringComparison.Ordinal);
}
