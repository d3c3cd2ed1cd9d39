using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Planner.Core.Model;

namespace Planner.Core.Siting;

/// <summary>
/// How much one person of each population group counts in a siting objective: the weight of a demand item is
/// the sum over groups of weight_g x count_g. Written <c>total=1,elderly=2,disabled=3</c>; groups not named weigh 0.
/// </summary>
public sealed class GroupWeights
{
    private GroupWeights(PopulationGroups groups, ImmutableArray<double> values)
    {
        Groups = groups;
        Values = values;
    }

    /// <summary>The catalogue the weights refer to.</summary>
    public PopulationGroups Groups { get; }

    /// <summary>Weight per group, in catalogue order.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Weight 1 on one group (by default <c>total</c>, else the first group), 0 on the others.</summary>
    public static GroupWeights Single(PopulationGroups groups, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        int g = groups.IndexOf(group ?? PopulationGroups.Total);
        if (g < 0)
        {
            g = group is null ? 0 : throw new ArgumentException($"Unknown group '{group}'; groups are {groups}.", nameof(group));
        }

        var v = new double[groups.Count];
        v[g] = 1;
        return new GroupWeights(groups, [.. v]);
    }

    /// <summary>Parses <c>g=w,g=w</c> against a catalogue.</summary>
    /// <param name="text">The weights text, e.g. <c>total=1,elderly=2</c>.</param>
    /// <param name="groups">The catalogue.</param>
    /// <param name="weights">The weights when valid.</param>
    /// <param name="error">Why the text is invalid.</param>
    public static bool TryParse(string text, PopulationGroups groups, [NotNullWhen(true)] out GroupWeights? weights, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(groups);
        weights = null;
        var v = new double[groups.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || kv[0].Length == 0)
            {
                error = $"'{part}' is not group=weight.";
                return false;
            }

            int g = groups.IndexOf(kv[0]);
            if (g < 0)
            {
                error = $"unknown group '{kv[0]}'; groups are {groups}.";
                return false;
            }

            if (!seen.Add(kv[0]))
            {
                error = $"group '{kv[0]}' is given twice.";
                return false;
            }

            if (!double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double w) || !double.IsFinite(w) || w < 0)
            {
                error = $"weight '{kv[1]}' of group '{kv[0]}' is not a number >= 0.";
                return false;
            }

            v[g] = w;
        }

        if (seen.Count == 0)
        {
            error = "no group=weight pair given.";
            return false;
        }

        weights = new GroupWeights(groups, [.. v]);
        error = null;
        return true;
    }

    /// <summary>Sum over groups of weight_g x count_g.</summary>
    public double Apply(ImmutableArray<double> counts)
    {
        double sum = 0;
        for (int g = 0; g < Values.Length; g++)
        {
            sum += Values[g] * counts[g];
        }

        return sum;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(",", Groups.Names.Select((n, g) => string.Create(CultureInfo.InvariantCulture, $"{n}={Values[g]}")).Where((_, g) => Values[g] != 0));
}
