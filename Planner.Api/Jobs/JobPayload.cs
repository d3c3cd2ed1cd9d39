using System.Text.Json;

namespace Planner.Api.Jobs;

/// <summary>Reads a job's stored parameters (<see cref="JobSpec.Payload"/>, written by <see cref="JobQueue.Enqueue{TPayload}"/>).</summary>
internal static class JobPayload
{
    /// <summary>The parameters as <typeparamref name="T"/>.</summary>
    public static T Read<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("the job has no parameters");
}
