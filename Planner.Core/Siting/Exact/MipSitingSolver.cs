using Google.OrTools.LinearSolver;
using Planner.Core.Siting.Capacity;

namespace Planner.Core.Siting.Exact;

/// <summary>
/// Exact siting through OR-Tools' SCIP MIP solver. MCLP (Church &amp; ReVelle 1974) and LSCP over demand
/// classes (<see cref="DemandClasses"/>); p-median as the classic assignment formulation restricted to the
/// stored pairs, each item's fallback being its nearest existing station or the unreached cost. Shared
/// constraints: at most p new sites, budget, township floor, forced sites fixed open, excluded sites absent.
/// The heuristic's answer is passed as a solution hint when warm start is on.
/// </summary>
internal sealed class MipSitingSolver : IDisposable
{
    private readonly SitingInstance _inst;
    private readonly Solver _solver;
    private readonly Variable?[] _x;

    private readonly bool _relaxed;
    private readonly string _name;

    /// <summary>Prepares a model.</summary>
    /// <param name="instance">The prepared request.</param>
    /// <param name="relaxed">Solve the LP relaxation with GLOP instead of the MIP (for a quick proven bound).</param>
    public MipSitingSolver(SitingInstance instance, bool relaxed = false)
    {
        _inst = instance;
        _relaxed = relaxed;
        _name = relaxed ? "GLOP" : instance.Request.ExactSolver;
        _solver = Solver.CreateSolver(_name)
            ?? throw new InvalidOperationException($"OR-Tools has no backend '{_name}'.");
        _x = new Variable?[instance.SiteCount];
    }

    /// <inheritdoc />
    public void Dispose() => _solver.Dispose();

    /// <summary>Solves; <paramref name="hint"/> is the heuristic's open set or null.</summary>
    public ExactAnswer Solve(bool[]? hint, double timeLimitSeconds, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var hints = new List<(Variable Var, double Value)>();
        for (int j = 0; j < _inst.SiteCount; j++)
        {
            if (_inst.Allowed[j])
            {
                _x[j] = _relaxed ? _solver.MakeNumVar(0, 1, $"x{j}") : _solver.MakeBoolVar($"x{j}");
                if (_inst.Forced[j])
                {
                    _x[j]!.SetLb(1);
                }

                if (hint is not null)
                {
                    hints.Add((_x[j]!, hint[j] ? 1 : 0));
                }
            }
        }

        AddSharedConstraints();
        switch (_inst.Request.Model)
        {
            case SitingModel.Mclp when CapacitatedCoverage.Applies(_inst):
                BuildCapacitated();
                break;
            case SitingModel.Mclp:
                BuildCovering(_inst.Weight, hint, hints, maximise: true);
                break;
            case SitingModel.Lscp:
                BuildCovering(_inst.TargetCount, hint, hints, maximise: false);
                break;
            default:
                BuildPMedian(hint, hints);
                break;
        }

        if (hints.Count > 0 && !_relaxed)
        {
            _solver.SetHint([.. hints.Select(h => h.Var)], [.. hints.Select(h => h.Value)]);
        }

        _solver.SetTimeLimit((long)Math.Ceiling(Math.Max(0.1, timeLimitSeconds) * 1000));
        _solver.SetNumThreads(Math.Max(1, _inst.Request.Threads));
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, _inst.Request.RelativeGap);
        var status = _solver.Solve(parameters);
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return new ExactAnswer(null, double.NaN, status == Solver.ResultStatus.INFEASIBLE, $"{_name}: {status}");
        }

        var open = new bool[_inst.SiteCount];
        bool integral = true;
        for (int j = 0; j < open.Length; j++)
        {
            double value = _x[j]?.SolutionValue() ?? 0;
            integral &= value < 1e-6 || value > 1 - 1e-6;
            open[j] = _inst.Existing[j] || value > 0.5;
        }

        double bound = _relaxed ? _solver.Objective().Value() : _solver.Objective().BestBound();
        if (_relaxed)
        {
            return new ExactAnswer(integral ? open : null, bound, false, integral ? "GLOP: the LP relaxation has an integral optimum" : "GLOP: LP relaxation bound")
            {
                Proven = integral,
            };
        }

        string text = status == Solver.ResultStatus.OPTIMAL
            ? $"{_name}: optimal within relative gap {_inst.Request.RelativeGap:g3}"
            : $"{_name}: time limit {timeLimitSeconds:0.#} s reached, best solution found";
        return new ExactAnswer(open, bound, false, text) { Proven = status == Solver.ResultStatus.OPTIMAL };
    }

    private void AddSharedConstraints()
    {
        if (_inst.Request.Model != SitingModel.Lscp)
        {
            var p = _solver.MakeConstraint(double.NegativeInfinity, _inst.P, "p");
            ForAllowed(j => p.SetCoefficient(_x[j], 1));
        }

        if (_inst.Request.Budget is { } budget)
        {
            var b = _solver.MakeConstraint(double.NegativeInfinity, budget, "budget");
            ForAllowed(j => b.SetCoefficient(_x[j], _inst.Cost[j]));
        }

        for (int t = 0; t < _inst.FloorTownships.Length; t++)
        {
            var floor = _solver.MakeConstraint(1, double.PositiveInfinity, $"floor{t}");
            int township = t;
            ForAllowed(j =>
            {
                if (_inst.Township[j] == township)
                {
                    floor.SetCoefficient(_x[j], 1);
                }
            });
        }
    }

    private void BuildCovering(double[] value, bool[]? hint, List<(Variable, double)> hints, bool maximise)
    {
        var classes = new DemandClasses(_inst, value);
        var objective = _solver.Objective();
        var cover = maximise ? null : _solver.MakeConstraint(
            _inst.TargetPeople - classes.CoveredByExisting - (1e-9 * Math.Max(1, value.Sum())), double.PositiveInfinity, "target");
        for (int k = 0; k < classes.Sites.Count; k++)
        {
            if (classes.Sites[k].Length == 1)
            {
                // A class one site covers is covered exactly when that site opens: fold it into x.
                var x = _x[classes.Sites[k][0]]!;
                if (maximise)
                {
                    objective.SetCoefficient(x, objective.GetCoefficient(x) + classes.Value[k]);
                }
                else
                {
                    cover!.SetCoefficient(x, cover.GetCoefficient(x) + classes.Value[k]);
                }

                continue;
            }

            var y = _solver.MakeNumVar(0, 1, $"y{k}");
            var link = _solver.MakeConstraint(double.NegativeInfinity, 0, $"c{k}");
            link.SetCoefficient(y, 1);
            bool hinted = false;
            foreach (int j in classes.Sites[k])
            {
                link.SetCoefficient(_x[j], -1);
                hinted |= hint is not null && hint[j];
            }

            if (maximise)
            {
                objective.SetCoefficient(y, classes.Value[k]);
            }
            else
            {
                cover!.SetCoefficient(y, classes.Value[k]);
            }

            if (hint is not null)
            {
                hints.Add((y, hinted ? 1 : 0));
            }
        }

        if (maximise)
        {
            objective.SetOffset(classes.CoveredByExisting);
            objective.SetMaximization();
        }
        else
        {
            ForAllowed(j => objective.SetCoefficient(_x[j], 1));
            objective.SetMinimization();
        }

        // The folded coefficients are set on x; the objective of MCLP was accumulated above.
    }

    /// <summary>Capacitated MCLP: z_ij = share of item i served by site j; items served at most once, sites within capacity.</summary>
    private void BuildCapacitated()
    {
        var m = _inst.Matrix;
        var objective = _solver.Objective();
        var itemRow = new Constraint?[_inst.DemandCount];
        for (int j = 0; j < _inst.SiteCount; j++)
        {
            if (!_inst.Existing[j] && _x[j] is null)
            {
                continue;
            }

            Constraint? cap = null;
            if (m.Sites[j].CapacityPeople is { } c)
            {
                cap = _solver.MakeConstraint(double.NegativeInfinity, _inst.Existing[j] ? c : 0, $"cap{j}");
                if (!_inst.Existing[j])
                {
                    cap.SetCoefficient(_x[j], -c);
                }
            }

            foreach (int i in m.CoveredBy(j))
            {
                var z = _solver.MakeNumVar(0, 1, $"z{i}_{j}");
                (itemRow[i] ??= _solver.MakeConstraint(double.NegativeInfinity, 1, $"i{i}")).SetCoefficient(z, 1);
                cap?.SetCoefficient(z, CapacitatedCoverage.People(_inst, i));
                objective.SetCoefficient(z, _inst.Weight[i]);
                if (!_inst.Existing[j])
                {
                    var link = _solver.MakeConstraint(double.NegativeInfinity, 0, $"l{i}_{j}");
                    link.SetCoefficient(z, 1);
                    link.SetCoefficient(_x[j], -1);
                }
            }
        }

        // The hint (added by Solve) fixes x only; SCIP completes the assignment.
        objective.SetMaximization();
    }

    private void BuildPMedian(bool[]? hint, List<(Variable, double)> hints)
    {
        var m = _inst.Matrix;
        var fallback = new double[_inst.DemandCount];
        Array.Fill(fallback, _inst.UnreachedCost);
        for (int j = 0; j < _inst.SiteCount; j++)
        {
            if (_inst.Existing[j])
            {
                var demand = m.DemandsOf(j);
                var cost = m.CostsOf(j);
                for (int k = 0; k < demand.Length; k++)
                {
                    fallback[demand[k]] = Math.Min(fallback[demand[k]], cost[k]);
                }
            }
        }

        // Assignment rows: each item goes to one allowed site nearer than its fallback, or to the fallback.
        var rows = new Constraint[_inst.DemandCount];
        var hintCost = (double[])fallback.Clone();
        var hintSite = new int[_inst.DemandCount];
        Array.Fill(hintSite, -1);
        var objective = _solver.Objective();
        double offset = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            offset += _inst.Weight[i] * fallback[i];
        }

        var z = new List<(int Demand, int Site, Variable Var)>();
        for (int j = 0; j < _inst.SiteCount; j++)
        {
            if (!_inst.Allowed[j])
            {
                continue;
            }

            var demand = m.DemandsOf(j);
            var cost = m.CostsOf(j);
            for (int k = 0; k < demand.Length; k++)
            {
                int i = demand[k];
                if (cost[k] >= fallback[i])
                {
                    continue;
                }

                rows[i] ??= _solver.MakeConstraint(double.NegativeInfinity, 1, $"a{i}");
                var v = _solver.MakeNumVar(0, 1, $"z{i}_{j}");
                rows[i].SetCoefficient(v, 1);
                var link = _solver.MakeConstraint(double.NegativeInfinity, 0, $"l{i}_{j}");
                link.SetCoefficient(v, 1);
                link.SetCoefficient(_x[j], -1);

                // Cost relative to the fallback: serving i from j saves w_i (fallback_i - d_ij).
                objective.SetCoefficient(v, _inst.Weight[i] * (cost[k] - fallback[i]));
                z.Add((i, j, v));
                if (hint is not null && hint[j] && cost[k] < hintCost[i])
                {
                    hintCost[i] = cost[k];
                    hintSite[i] = j;
                }
            }
        }

        if (hint is not null)
        {
            hints.AddRange(z.Select(e => (e.Var, hintSite[e.Demand] == e.Site ? 1.0 : 0.0)));
        }

        objective.SetOffset(offset);
        objective.SetMinimization();
    }

    private void ForAllowed(Action<int> action)
    {
        for (int j = 0; j < _inst.SiteCount; j++)
        {
            if (_x[j] is not null)
            {
                action(j);
            }
        }
    }
}
