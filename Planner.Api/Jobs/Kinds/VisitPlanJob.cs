using System.Text.Json;
using Planner.Api.Regions;
using Planner.Api.Visits;
using Planner.Core.Visits;

namespace Planner.Api.Jobs.Kinds;

/// <summary>A visit plan job's parameters: the plan's id (its <c>/visit-plans/{id}</c>) and the request as sent.</summary>
/// <param name="PlanId">Plan id.</param>
/// <param name="Request">The request body, parsed and validated again by the worker.</param>
internal sealed record VisitPlanJobRequest(string PlanId, VisitPlanRequest Request);

/// <summary>
/// A month of home visits as a job (<c>POST /regions/{r}/visit-plans</c>). The plan is kept by the
/// <see cref="VisitPlanStore"/> of the process that ran it, for its unit counts and case layer; the job's result is
/// the plan's routes and staffing (planner keys only, like the case layer).
/// </summary>
internal sealed class VisitPlanJob(VisitPlanStore store) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string Name = "visit-plan";

    /// <inheritdoc />
    public string Kind => Name;

    /// <inheritdoc />
    public string Run(RegionView view, string payload, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var asked = JobPayload.Read<VisitPlanJobRequest>(payload);
        var r = view.Region;
        var (cases, options, bad) = asked.Request.Parse(r.Region.Info.DefaultMode);
        if (bad is { } b)
        {
            throw new InvalidOperationException($"{b.Field}: {b.Reason}");
        }

        var plan = VisitPlanner.Plan(r.Region, cases, options, progress: progress, cancellationToken: cancellationToken);
        // The routes are drawn once here (one path search per leg), not per request.
        store.Save(asked.PlanId, new StoredVisitPlan(r.Name, r.Code, plan, VisitRoutes.For(r.Region, plan, cancellationToken)));
        return JsonSerializer.Serialize(VisitPlanResponse.From(asked.PlanId, plan), JsonSerializerOptions.Web);
    }
}
