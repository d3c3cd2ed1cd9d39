namespace Planner.Core.Siting.Exact;

/// <summary>
/// Demand items grouped by the exact set of allowed candidate sites that cover them (items with the same set
/// are interchangeable in MCLP and LSCP, so one variable serves them all). Items already covered by an
/// existing station, or that no allowed candidate covers, are left out and summed into constants.
/// </summary>
internal sealed class DemandClasses
{
    public DemandClasses(SitingInstance instance, double[] value)
    {
        var m = instance.Matrix;
        var index = new Dictionary<int[], int>(new SequenceComparer());
        var keys = new List<int[]>();
        var values = new List<double>();
        var buffer = new List<int>();
        for (int i = 0; i < instance.DemandCount; i++)
        {
            buffer.Clear();
            bool existing = false;
            foreach (int j in m.SitesCovering(i))
            {
                existing |= instance.Existing[j];
                if (instance.Allowed[j])
                {
                    buffer.Add(j);
                }
            }

            if (existing)
            {
                CoveredByExisting += value[i];
                continue;
            }

            if (buffer.Count == 0)
            {
                continue;
            }

            var key = buffer.ToArray();
            if (!index.TryGetValue(key, out int k))
            {
                k = keys.Count;
                index[key] = k;
                keys.Add(key);
                values.Add(0);
            }

            values[k] += value[i];
        }

        Sites = keys;
        Value = values;
    }

    /// <summary>Allowed covering sites of each class.</summary>
    public IReadOnlyList<int[]> Sites { get; }

    /// <summary>Summed value (weight or target people) of each class.</summary>
    public IReadOnlyList<double> Value { get; }

    /// <summary>Summed value of the items existing stations cover.</summary>
    public double CoveredByExisting { get; }

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var h = default(HashCode);
            foreach (int v in obj)
            {
                h.Add(v);
            }

            return h.ToHashCode();
        }
    }
}
