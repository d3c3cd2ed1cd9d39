using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Planner.Api.Endpoints;
using Planner.Api.Regions;
using Planner.Core.Siting.Matching;

namespace Planner.Api.Jobs.Kinds;

/// <summary>Volunteer matching as a job: the needs dispatched to teams by min-cost flow within the travel limit.</summary>
internal sealed class MatchingJob(IOptions<JsonOptions> json) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string Name = "matching";

    /// <inheritdoc />
    public string Kind => Name;

    /// <inheritdoc />
    public string Run(RegionView view, string payload, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var request = JobPayload.Read<MatchingRequest>(payload);
        var region = view.Region.Region;
        var travel = Core.Siting.NetworkTravelTimeSource.ForRegion(region, new Core.Coverage.CoverageOptions { Mode = request.Mode! });
        var m = VolunteerMatcher.Match(region.Teams, region.Needs, travel,
            new MatchingOptions { LimitMinutes = request.LimitMinutes ?? 30, RecruitCandidates = region.Candidates }, cancellationToken);
        var response = new MatchingResponse(m.MatchedCount, m.UnmatchedCount, m.TravelMinutesTimesHours, m.StraightLine ? "straight-line" : "network",
            [.. m.Assignments.Select(a => new AssignmentResponse(a.NeedId, a.TeamId, a.Hours, a.Minutes))],
            [.. m.Needs.Select(n => new NeedOutcomeResponse(n.NeedId, n.Kind, n.HoursNeeded, n.HoursServed, n.Matched, n.Reason))],
            [.. m.Recruitment.Select(s => new RecruitmentResponse(s.Id, s.Location.Lon, s.Location.Lat, [.. s.NeedIds], s.Skills))]);
        return JsonSerializer.Serialize(response, json.Value.SerializerOptions);
    }
}
