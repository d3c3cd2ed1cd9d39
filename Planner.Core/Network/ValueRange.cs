using System.Globalization;

namespace Planner.Core.Network;

/// <summary>
/// An interval of accepted values, <c>(Min, Max]</c> when <see cref="MinExclusive"/> is set and <c>[Min, Max]</c>
/// otherwise; NaN and infinities are never in it.
/// </summary>
/// <param name="Min">Lower bound.</param>
/// <param name="Max">Upper bound (always included).</param>
/// <param name="MinExclusive">True when <paramref name="Min"/> itself is refused (a limit of 0 minutes means nothing).</param>
public sealed record ValueRange(double Min, double Max, bool MinExclusive)
{
    /// <summary>True when <paramref name="value"/> is finite and within the range.</summary>
    public bool Contains(double value) =>
        double.IsFinite(value) && (MinExclusive ? value > Min : value >= Min) && value <= Max;

    /// <summary>The range in words with its unit, for messages: <c>more than 0 and at most 240 minutes</c>.</summary>
    public string Describe(string unit)
    {
        var min = Min.ToString(CultureInfo.InvariantCulture);
        var max = Max.ToString(CultureInfo.InvariantCulture);
        string suffix = unit.Length == 0 ? string.Empty : " " + unit;
        return MinExclusive ? $"more than {min} and at most {max}{suffix}" : $"from {min} to {max}{suffix}";
    }
}
