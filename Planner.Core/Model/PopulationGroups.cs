using System.Collections.Immutable;

namespace Planner.Core.Model;

/// <summary>
/// The catalogue of population groups a region reports on (total, elderly, children, disabled, ...), in file
/// order. Groups are data, not an enum: a region's <c>region.json</c> names its own. Counts of a demand point
/// are stored in this order.
/// </summary>
public sealed class PopulationGroups : IEquatable<PopulationGroups>
{
    /// <summary>The usual first group: everybody.</summary>
    public const string Total = "total";

    /// <summary>Creates a catalogue; names must be unique, non-empty identifiers.</summary>
    public PopulationGroups(IEnumerable<string> names)
    {
        Names = [.. names];
        if (Names.Length == 0)
        {
            throw new ArgumentException("At least one population group is needed.", nameof(names));
        }

        if (Names.Distinct(StringComparer.Ordinal).Count() != Names.Length)
        {
            throw new ArgumentException($"Population group names must be unique: {string.Join(", ", Names)}.", nameof(names));
        }
    }

    /// <summary>Group names in order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>Number of groups.</summary>
    public int Count => Names.Length;

    /// <summary>Position of a group, or -1.</summary>
    public int IndexOf(string name) => Names.IndexOf(name);

    /// <summary>True when the catalogue has a group of that name.</summary>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <inheritdoc />
    public bool Equals(PopulationGroups? other) => other is not null && Names.SequenceEqual(other.Names);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PopulationGroups);

    /// <inheritdoc />
    public override int GetHashCode() => Names.Aggregate(17, (h, n) => HashCode.Combine(h, n));

    /// <inheritdoc />
    public override string ToString() => string.Join(",", Names);
}
