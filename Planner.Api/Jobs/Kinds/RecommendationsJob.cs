using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Planner.Api.Endpoints;
using Planner.Api.Options;
using Planner.Api.Regions;
using Planner.Core.Siting;

namespace Planner.Api.Jobs.Kinds;

/// <summary>
/// A recommendation request as stored with its job: the candidates as their raw JSON text, which keeps what the
/// client sent byte for byte (a string with a lone surrogate, which is valid JSON text, cannot be written again
/// from a parsed element).
/// </summary>
/// <param name="Request">The request without its candidates.</param>
/// <param name="Candidates">The candidates' JSON text, or null.</param>
internal sealed record RecommendationsJobPayload(RecommendationsRequest Request, string? Candidates)
{
    /// <summary>The payload of a request body.</summary>
    public static RecommendationsJobPayload From(RecommendationsRequest body) => new(body with { Candidates = null }, body.Candidates?.GetRawText());

    /// <summary>The request body again.</summary>
    public RecommendationsRequest ToRequest() =>
        Candidates is null ? Request : Request with { Candidates = JsonDocument.Parse(Candidates).RootElement.Clone() };
}

/// <summary>Recommendations (where new stations should go) as a job; the parameters are the request body, checked again.</summary>
internal sealed class RecommendationsJob(IOptions<PlannerOptions> options, IOptions<JsonOptions> json) : IJobHandler
{
    /// <summary>The kind name.</summary>
    public const string Name = "recommendations";

    /// <inheritdoc />
    public string Kind => Name;

    /// <inheritdoc />
    public string Run(RegionView view, string payload, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var body = JobPayload.Read<RecommendationsJobPayload>(payload).ToRequest();
        var region = view.Region.Region;
        var (candidates, problem) = SitingEndpoints.Check(body, region, options.Value.MaxFeatures);
        if (problem is not null)
        {
            throw new InvalidOperationException("the recommendation parameters no longer fit the region");
        }

        var result = Recommendation.Run(region, SitingEndpoints.Build(body, region, candidates), progress, cancellationToken);
        return JsonSerializer.Serialize(RecommendationResponse.From(result), json.Value.SerializerOptions);
    }
}
