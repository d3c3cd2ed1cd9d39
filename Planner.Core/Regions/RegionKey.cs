namespace Planner.Core.Regions;

/// <summary>
/// The one key a region is addressed by: its URL name and the name a workspace stores it under. For a region
/// folder it is the folder's name (<c>data/guixi</c> → <c>guixi</c>), whoever stores it (the API's seeding, the
/// CLI's <c>import --into</c>); the region's own name (<c>贵溪市</c>) and its division code (<c>360681</c>) are
/// aliases that <see cref="RegionAliases"/> resolves to it. Compared ordinally.
/// </summary>
public readonly record struct RegionKey
{
    /// <summary>
    /// Wraps a key; refuses an empty or blank one. Keys are taken as stored: a workspace written before keys were
    /// folder names holds its regions under their own names (<c>贵溪市</c>), and those stay their keys.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty or blank.</exception>
    public RegionKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The key's text.</summary>
    public string Value { get; }

    /// <summary>The key of the region folder at <paramref name="folder"/>: its name (trailing separators ignored).</summary>
    public static RegionKey ForFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return new RegionKey(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))));
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
