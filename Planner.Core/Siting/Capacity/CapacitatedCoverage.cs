using Google.OrTools.LinearSolver;

namespace Planner.Core.Siting.Capacity;

/// <summary>
/// Capacitated maximal covering (Current &amp; Storbeck 1988): with sites of limited capacity (people of the first
/// group), an open set's value is the largest weighted demand its sites can serve, each item split over the open
/// sites that cover it, each site serving at most its capacity. Evaluated as an LP (transportation problem) with GLOP.
/// </summary>
internal static class CapacitatedCoverage
{
    /// <summary>True when some site of the matrix has a capacity.</summary>
    public static bool Applies(SitingInstance instance) =>
        instance.Request.Model == SitingModel.Mclp && instance.Matrix.Sites.Any(s => s.CapacityPeople is not null);

    /// <summary>People of the first group per demand item: what capacity is spent on.</summary>
    public static double People(SitingInstance instance, int item) => instance.Matrix.Demand[item].Counts[0];

    /// <summary>Weighted demand served by the open sites.</summary>
    public static double Evaluate(SitingInstance instance, bool[] open)
    {
        var m = instance.Matrix;
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP.");
        var itemRow = new Constraint?[instance.DemandCount];
        var objective = solver.Objective();
        for (int j = 0; j < instance.SiteCount; j++)
        {
            if (!open[j])
            {
                continue;
            }

            var cap = m.Sites[j].CapacityPeople is { } c ? solver.MakeConstraint(double.NegativeInfinity, c) : null;
            foreach (int i in m.CoveredBy(j))
            {
                var z = solver.MakeNumVar(0, 1, string.Empty);
                (itemRow[i] ??= solver.MakeConstraint(double.NegativeInfinity, 1)).SetCoefficient(z, 1);
                cap?.SetCoefficient(z, People(instance, i));
                objective.SetCoefficient(z, instance.Weight[i]);
            }
        }

        objective.SetMaximization();
        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL ? objective.Value() : throw new InvalidOperationException($"GLOP: {status}");
    }
}
