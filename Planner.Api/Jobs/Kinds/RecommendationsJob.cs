using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Planner.Api.Endpoints;
using Planner.Api.Options;
using Planner.Api.Regions;
using Planner.Core.Siting;

namespace Planner.Api.Jobs.Kinds;

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
        var body = JobPayload.Read<RecommendationsRequest>(payload);
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
