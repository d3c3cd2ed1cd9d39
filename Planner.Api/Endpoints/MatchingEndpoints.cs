using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Planner.Api.Hosting;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Kinds;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;
using Planner.Core.Network;
using Planner.Core.Siting.Matching;

namespace Planner.Api.Endpoints;

/// <summary>A matching request (派单—接单).</summary>
/// <param name="LimitMinutes">Longest trip from a team's base to a need, minutes (default 30).</param>
/// <param name="Mode">Travel mode of the teams (default: the region's).</param>
internal sealed record MatchingRequest(double? LimitMinutes, string? Mode);

/// <summary>Hours of one need given to one team.</summary>
/// <param name="NeedId">Need.</param>
/// <param name="TeamId">Team.</param>
/// <param name="Hours">Hours per week.</param>
/// <param name="Minutes">Travel minutes from the team's base.</param>
internal sealed record AssignmentResponse(string NeedId, string TeamId, double Hours, double Minutes);

/// <summary>What became of one need.</summary>
/// <param name="NeedId">Need.</param>
/// <param name="Kind">Kind of service.</param>
/// <param name="HoursNeeded">Hours needed.</param>
/// <param name="HoursServed">Hours served.</param>
/// <param name="Matched">All hours served.</param>
/// <param name="Reason">Why not, when not.</param>
internal sealed record NeedOutcomeResponse(string NeedId, string Kind, double HoursNeeded, double HoursServed, bool Matched, string Reason);

/// <summary>Where to recruit a new team for unmet needs.</summary>
/// <param name="Id">Site id.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="NeedIds">Needs it would reach.</param>
/// <param name="Skills">Hours per skill it should offer.</param>
internal sealed record RecruitmentResponse(string Id, double Lon, double Lat, IReadOnlyList<string> NeedIds, IReadOnlyDictionary<string, double> Skills);

/// <summary>The answer of a matching job.</summary>
/// <param name="Matched">Needs fully served.</param>
/// <param name="Unmatched">Needs not fully served.</param>
/// <param name="TravelMinutesTimesHours">Total travel weighted by hours.</param>
/// <param name="TravelTimes">How travel was measured.</param>
/// <param name="Assignments">Need-to-team assignments.</param>
/// <param name="Needs">Outcome per need.</param>
/// <param name="Recruitment">Where new teams would serve unmet needs.</param>
internal sealed record MatchingResponse(int Matched, int Unmatched, double TravelMinutesTimesHours, string TravelTimes,
    IReadOnlyList<AssignmentResponse> Assignments, IReadOnlyList<NeedOutcomeResponse> Needs, IReadOnlyList<RecruitmentResponse> Recruitment);

/// <summary>Volunteer matching: the need list dispatched to teams by min-cost flow, run as a job.</summary>
internal static class MatchingEndpoints
{
    /// <summary>Maps <c>POST /regions/{region}/matching</c>.</summary>
    public static IEndpointRouteBuilder MapMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/regions/{region}/matching", Match).WithTags("Siting").RequireAuthorization(Roles.Planner).RequireCostLimit()
            .WithSummary("Matches the region's needs to its volunteer teams {limitMinutes, mode} as a job (202 + Location).");
        return app;
    }

    private static async Task<Results<AcceptedAtRoute<JobResponse>, ProblemHttpResult>> Match(
        string region, RegionAccess access, JobQueue queue, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (r, refused) = await access.FindWholeAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return refused!;
        }

        var (body, problem) = await JsonBody.ReadAsync<MatchingRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var limit = body!.LimitMinutes ?? 30;
        if (TravelLimits.MinutesProblem(limit) is { } limitProblem)
        {
            return ApiProblems.Field("limitMinutes", limitProblem, StatusCodes.Status422UnprocessableEntity);
        }

        var mode = body.Mode ?? r.Region.Info.DefaultMode;
        if (TravelLimits.ModeProblem(mode) is { } modeProblem)
        {
            return ApiProblems.Field("mode", modeProblem, StatusCodes.Status422UnprocessableEntity);
        }

        var job = queue.Enqueue(MatchingJob.Name, r.Name, r.Code, new MatchingRequest(limit, mode));
        return JobsEndpoints.Accepted(job, request);
    }
}
