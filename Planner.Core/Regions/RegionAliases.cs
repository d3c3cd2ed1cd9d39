using System.Collections.Immutable;

namespace Planner.Core.Regions;

/// <summary>
/// Resolves what a user types for a region to its key, the one rule every host (CLI, API, page) follows: the
/// key itself wins; otherwise a division code or an own name that exactly one region has names that region;
/// text that several regions answer to is ambiguous, and the problem lists them; text no region answers to is
/// unknown, and the problem lists the keys there are. Matching is exact (ordinal, no trimming): keys and codes
/// are identifiers, and two regions whose names differ only in case are two regions.
/// </summary>
public sealed class RegionAliases
{
    private readonly ImmutableArray<RegionIdentity> regions;

    /// <summary>Creates the resolver over the regions there are (in a workspace, or visible to a caller).</summary>
    /// <exception cref="ArgumentException">Two regions share a key.</exception>
    public RegionAliases(IEnumerable<RegionIdentity> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        this.regions = [.. regions.OrderBy(r => r.Key.Value, StringComparer.Ordinal)];
        if (this.regions.GroupBy(r => r.Key).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"region key '{twice.Key}' is given twice", nameof(regions));
        }
    }

    /// <summary>The regions, by key.</summary>
    public ImmutableArray<RegionIdentity> Regions => regions;

    /// <summary>The key <paramref name="text"/> names (its key, division code or own name), or why it names none.</summary>
    public RegionResolution Resolve(string text)
    {
        text ??= string.Empty;
        if (regions.FirstOrDefault(r => r.Key.Value == text) is { } byKey)
        {
            return new RegionResolution(text, byKey, []);
        }

        var candidates = regions.Where(r => text.Length > 0 && (r.Code == text || r.Name == text)).ToImmutableArray();
        return candidates.Length == 1
            ? new RegionResolution(text, candidates[0], [])
            : new RegionResolution(text, null, candidates);
    }

    /// <summary>The key <paramref name="text"/> names.</summary>
    /// <exception cref="RegionKeyException">It names no region, or several (the message lists them).</exception>
    public RegionKey Require(string text)
    {
        var resolution = Resolve(text);
        return resolution.Region?.Key ?? throw new RegionKeyException(resolution.Problem(regions), resolution.Candidates);
    }
}

/// <summary>The outcome of resolving a region's text: the region, or the candidates it is ambiguous between.</summary>
/// <param name="Text">What was typed.</param>
/// <param name="Region">The region it names, or null.</param>
/// <param name="Candidates">When it names several: those regions (an ambiguous alias); empty otherwise.</param>
public sealed record RegionResolution(string Text, RegionIdentity? Region, ImmutableArray<RegionIdentity> Candidates)
{
    /// <summary>True when the text named exactly one region.</summary>
    public bool IsResolved => Region is not null;

    /// <summary>True when the text is an alias of several regions.</summary>
    public bool IsAmbiguous => Region is null && Candidates.Length > 1;

    /// <summary>
    /// Why the text names no region, for a user (empty when it names one); <paramref name="known"/> are the regions
    /// there are, <paramref name="store"/> optionally says where (a workspace's description).
    /// </summary>
    public string Problem(IReadOnlyCollection<RegionIdentity> known, string? store = null)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (IsResolved)
        {
            return string.Empty;
        }

        return IsAmbiguous
            ? $"region '{Text}' is ambiguous: it names {string.Join(", ", Candidates.Select(c => c.Describe()))}; give the key"
            : known.Count == 0
                ? $"region '{Text}' is not stored{Where(store)}: there are no regions"
                : $"region '{Text}' is not stored{Where(store)}: known regions are {string.Join(", ", known.Select(c => c.Describe()))}";
    }

    private static string Where(string? store) => string.IsNullOrEmpty(store) ? string.Empty : $" in {store}";
}

/// <summary>Text for a region that names no region or several; <see cref="Candidates"/> lists the several.</summary>
public sealed class RegionKeyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RegionKeyException(string message, ImmutableArray<RegionIdentity> candidates)
        : base(message)
    {
        Candidates = candidates.IsDefault ? [] : candidates;
    }

    /// <summary>Creates the exception.</summary>
    public RegionKeyException()
        : this("region not found", [])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegionKeyException(string message)
        : this(message, [])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RegionKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Candidates = [];
    }

    /// <summary>The regions an ambiguous alias names; empty for an unknown one.</summary>
    public ImmutableArray<RegionIdentity> Candidates { get; }

    /// <summary>True when the text named several regions.</summary>
    public bool IsAmbiguous => Candidates.Length > 1;
}
