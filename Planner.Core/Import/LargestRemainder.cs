namespace Planner.Core.Import;

/// <summary>
/// Splits a whole number of people over weights so that the parts are whole numbers that sum exactly to the
/// total (Hamilton's largest-remainder method; ties go to the lower index, so the result is deterministic).
/// </summary>
internal static class LargestRemainder
{
    public static long[] Split(long total, IReadOnlyList<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        double sum = weights.Sum();
        var parts = new long[weights.Count];
        if (total == 0)
        {
            return parts;
        }

        if (!(sum > 0) || weights.Any(w => w < 0 || !double.IsFinite(w)))
        {
            throw new ArgumentException("Weights must be finite, non-negative and not all zero.", nameof(weights));
        }

        var remainders = new (double Remainder, int Index)[weights.Count];
        long given = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            double exact = total * (weights[i] / sum);
            parts[i] = (long)Math.Floor(exact);
            given += parts[i];
            remainders[i] = (exact - parts[i], i);
        }

        foreach (var (_, index) in remainders.Where(r => weights[r.Index] > 0).OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(total - given)))
        {
            parts[index]++;
        }

        return parts;
    }
}
