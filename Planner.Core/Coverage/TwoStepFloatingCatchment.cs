namespace Planner.Core.Coverage;

/// <summary>
/// Two-step floating catchment area accessibility (Luo &amp; Wang 2003). Step 1: each station j gets the ratio
/// R_j = S_j / Σ P_k over the demand points k within the limit of j (S_j its social workers, P_k the people
/// at k), expressed per 1,000 people. Step 2: each point i gets A_i = Σ R_j over the stations j within the limit of i.
/// </summary>
internal static class TwoStepFloatingCatchment
{
    /// <param name="catchments">Per station, the points within the limit.</param>
    /// <param name="supply">Per station, its social workers.</param>
    /// <param name="population">Per point, its people.</param>
    /// <param name="ratio">Per station, R_j (social workers per 1,000 people); 0 when nobody is in reach.</param>
    /// <returns>Per point, A_i.</returns>
    public static double[] Compute(IReadOnlyList<int[]> catchments, IReadOnlyList<double> supply, IReadOnlyList<double> population, out double[] ratio)
    {
        ratio = new double[catchments.Count];
        var access = new double[population.Count];
        for (int j = 0; j < catchments.Count; j++)
        {
            double demand = 0;
            foreach (int k in catchments[j])
            {
                demand += population[k];
            }

            ratio[j] = demand > 0 ? supply[j] * 1000.0 / demand : 0;
            foreach (int k in catchments[j])
            {
                access[k] += ratio[j];
            }
        }

        return access;
    }
}
