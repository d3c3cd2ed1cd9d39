using Planner.Api.Regions;

namespace Planner.Api.Jobs;

/// <summary>Runs one kind of job from its stored parameters; the result is the JSON document the job returns.</summary>
internal interface IJobHandler
{
    /// <summary>The kind it runs (<see cref="JobSpec.Kind"/>).</summary>
    string Kind { get; }

    /// <summary>Computes the job over <paramref name="view"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    string Run(RegionView view, string payload, IProgress<double> progress, CancellationToken cancellationToken);
}
