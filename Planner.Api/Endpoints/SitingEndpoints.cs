using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Planner.Api.Coverage;
using Planner.Api.Hosting;
using Planner.Api.Options;
using Planner.Api.Problems;
using Planner.Api.Regions;
using Planner.Api.Security;
using Planner.Core.Coverage;
using Planner.Core.Model;
using Planner.Core.Network;
using Planner.Core.Siting;
using Planner.Api.Jobs;
using Planner.Api.Jobs.Kinds;

namespace Planner.Api.Endpoints;

/// <summary>A request for station recommendations.</summary>
/// <param name="Model">mclp (most people covered by p new sites), lscp (fewest sites covering the target share) or pmedian.</param>
/// <param name="P">New sites to open (mclp, pmedian), 1..100.</param>
/// <param name="Minutes">Coverage limit in minutes (default: the region's).</param>
/// <param name="Mode">Travel mode (default: the region's).</param>
/// <param name="TargetShare">Share of the target group to cover (lscp), 0..1.</param>
/// <param name="Candidates">Candidate sites as a GeoJSON FeatureCollection of points (default: the region's candidates, generated when it has none).</param>
/// <param name="SpeedKmh">Base speed override in km/h (every road class scaled alike, as in coverage's <c>speed</c>); default the mode's.</param>
/// <param name="IncludePlanned">Lock in planned and built stations as well as operating ones (default false).</param>
internal sealed record RecommendationsRequest(string? Model, int? P, double? Minutes, string? Mode, double? TargetShare, JsonElement? Candidates,
    double? SpeedKmh = null, bool? IncludePlanned = null);

/// <summary>Recommendations (where new stations should go) and volunteer matching, run as jobs.</summary>
internal static class SitingEndpoints
{
    private static readonly string[] Models = ["mclp", "lscp", "pmedian"];

    /// <summary>Maps <c>POST /regions/{region}/recommendations</c>.</summary>
    public static IEndpointRouteBuilder MapSitingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/regions/{region}/recommendations", Recommend).WithTags("Siting").RequireAuthorization(Roles.Planner).RequireCostLimit()
            .WithSummary("Runs a recommendation {model, p, minutes, mode, speedKmh, includePlanned, targetShare, candidates (GeoJSON points)} as a job: 202 + Location /jobs/{id}.");
        return app;
    }

    private static async Task<Results<AcceptedAtRoute<JobResponse>, ProblemHttpResult>> Recommend(
        string region, RegionAccess access, JobQueue queue, IOptions<PlannerOptions> options, ClaimsPrincipal user, HttpRequest request, CancellationToken cancellationToken)
    {
        var (r, refused) = await access.FindWholeAsync(user, region, cancellationToken).ConfigureAwait(false);
        if (r is null)
        {
            return refused!;
        }

        var (body, problem) = await JsonBody.ReadAsync<RecommendationsRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (candidates, checkProblem) = Check(body!, r.Region, options.Value.MaxFeatures);
        if (checkProblem is not null)
        {
            return checkProblem;
        }

        var job = queue.Enqueue(RecommendationsJob.Name, r.Name, r.Code, RecommendationsJobPayload.From(body!));
        return JobsEndpoints.Accepted(job, request);
    }

    /// <summary>The core's request for a checked body (<paramref name="candidates"/> from <see cref="Check"/>).</summary>
    internal static RecommendationRequest Build(RecommendationsRequest body, Region region, ImmutableArray<Candidate>? candidates)
    {
        var model = (body.Model ?? "mclp").ToLowerInvariant() switch { "lscp" => SitingModel.Lscp, "pmedian" => SitingModel.PMedian, _ => SitingModel.Mclp };
        return new RecommendationRequest
        {
            Siting = new SitingRequest { Model = model, P = body.P ?? 0, TargetShare = body.TargetShare ?? 1.0 },
            Travel = new CoverageOptions
            {
                Minutes = body.Minutes ?? region.Info.DefaultMinutes,
                Mode = body.Mode ?? region.Info.DefaultMode,
                SpeedKmh = body.SpeedKmh,
                IncludePlanned = body.IncludePlanned ?? false,
                BuildCircles = false,
            },
            Candidates = candidates,
        };
    }

    /// <summary>Checks the request against the region; returns the candidate sites sent (null: the region's, or generated) or the problem.</summary>
    internal static (ImmutableArray<Candidate>? Candidates, ProblemHttpResult? Problem) Check(RecommendationsRequest body, Region region, int maxFeatures)
    {
        var model = (body.Model ?? "mclp").ToLowerInvariant();
        if (!Models.Contains(model))
        {
            return (null, ApiProblems.Field("model", $"'{body.Model}' is not a model; use one of {string.Join(", ", Models)}.", StatusCodes.Status422UnprocessableEntity));
        }

        if (model != "lscp" && body.P is not (>= 1 and <= 100))
        {
            return (null, ApiProblems.Field("p", $"give the number of new sites, 1 to 100 (not {body.P?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}).", StatusCodes.Status422UnprocessableEntity));
        }

        if (body.Minutes is { } m && TravelLimits.MinutesProblem(m) is { } minutesProblem)
        {
            return (null, ApiProblems.Field("minutes", minutesProblem, StatusCodes.Status422UnprocessableEntity));
        }

        if (body.Mode is { } mode && TravelLimits.ModeProblem(mode) is { } modeProblem)
        {
            return (null, ApiProblems.Field("mode", modeProblem, StatusCodes.Status422UnprocessableEntity));
        }

        if (body.SpeedKmh is { } speed && TravelLimits.SpeedProblem(speed) is { } speedProblem)
        {
            return (null, ApiProblems.Field("speedKmh", speedProblem, StatusCodes.Status422UnprocessableEntity));
        }

        if (body.TargetShare is { } t && t is not (> 0 and <= 1))
        {
            return (null, ApiProblems.Field("targetShare", "give a share above 0 and at most 1.", StatusCodes.Status422UnprocessableEntity));
        }

        if (body.Candidates is not { } fc || fc.ValueKind == JsonValueKind.Null)
        {
            // The region's own candidates, or (when it has none) the generated ones, as planner recommend does.
            return (null, null);
        }

        var (points, problem) = GeoJsonPoints.Read(fc, "candidates", region.Bounds, maxFeatures);
        if (problem is not null)
        {
            return (null, problem);
        }

        var candidates = new List<Candidate>();
        foreach (var p in points!)
        {
            var name = p.Properties.TryGetProperty("name", out var n) ? GeoJsonPoints.Text(n) ?? p.Id : p.Id;
            double cost = p.Properties.TryGetProperty("cost", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 1;
            candidates.Add(new Candidate(p.Id, name, p.Location, cost));
        }

        return candidates.Count == 0 ? (null, ApiProblems.Field("candidates.features", "is empty; send at least one candidate site.", StatusCodes.Status422UnprocessableEntity)) : ([.. candidates], null);
    }
}
