using Planner.Core.Regions;
using Planner.Core.Scenarios;
using Planner.Storage;

namespace Planner.Cli.Commands;

/// <summary>
/// Finds what a workspace command names. A region is named by its key, its division code or its own name
/// (<see cref="RegionAliases"/>); a scenario by its name, which is enough while one region has a scenario of
/// that name, and with <c>--region</c> otherwise (scenarios are keyed by region and name, as in the API).
/// </summary>
internal static class ScenarioLookup
{
    /// <summary>The key <paramref name="text"/> names, or the problem prefixed by <paramref name="field"/> (the option).</summary>
    public static async Task<(RegionKey? Key, string? Problem)> RegionAsync(IWorkspaceStore store, string text, string field, CancellationToken cancellationToken)
    {
        var aliases = await store.RegionAliasesAsync(cancellationToken).ConfigureAwait(false);
        var resolution = aliases.Resolve(text);
        return resolution.Region is { } region
            ? (region.Key, null)
            : (null, $"{field}: {resolution.Problem(aliases.Regions, store.Description)}.");
    }

    /// <summary>
    /// The key of the scenario <paramref name="name"/> (of the region <paramref name="region"/> names, when given),
    /// or the problem: no such scenario, or scenarios of that name in several regions and no <c>--region</c>.
    /// </summary>
    public static async Task<(ScenarioKey? Key, string? Problem)> ScenarioAsync(IWorkspaceStore store, string name, string? region, CancellationToken cancellationToken)
    {
        RegionKey? regionKey = null;
        if (region is not null)
        {
            var (key, problem) = await RegionAsync(store, region, "--region", cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return (null, problem);
            }

            regionKey = key;
        }

        var matches = (await store.ListScenariosAsync(cancellationToken).ConfigureAwait(false))
            .Select(s => s.Key)
            .Where(k => k.Name == name && (regionKey is null || k.Region == regionKey))
            .ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 when regionKey is { } r => (null, $"scenario '{name}' of region '{r}' is not in {store.Description}."),
            0 => (null, $"scenario '{name}' is not in {store.Description}."),
            _ => (null, $"scenario '{name}' is in several regions ({string.Join(", ", matches.Select(k => k.Region))}): give --region."),
        };
    }
}
