using System.Collections.Concurrent;
using Planner.Core.Visits;

namespace Planner.Api.Visits;

/// <summary>
/// The visit plans this API node has computed, by plan id, with the region and data scope they belong to, so the
/// per-unit counts can be served to viewers and the case layer to planners after the job is done. Kept in memory
/// (a plan holds personal data: it is not written to the region store); the newest 50 are kept.
/// </summary>
internal sealed class VisitPlanStore
{
    private const int Capacity = 50;
    private readonly ConcurrentDictionary<string, StoredVisitPlan> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>Keeps <paramref name="plan"/> under <paramref name="id"/>.</summary>
    public void Save(string id, StoredVisitPlan plan)
    {
        _plans[id] = plan;
        _order.Enqueue(id);
        while (_order.Count > Capacity && _order.TryDequeue(out var old))
        {
            _plans.TryRemove(old, out _);
        }
    }

    /// <summary>The plan under <paramref name="id"/>, or null.</summary>
    public StoredVisitPlan? Find(string id) => _plans.TryGetValue(id, out var plan) ? plan : null;
}

/// <summary>A stored plan.</summary>
/// <param name="RegionName">The region's catalog name.</param>
/// <param name="DataScope">The code prefix a key must cover to see it.</param>
/// <param name="Plan">The plan.</param>
/// <param name="Routes">Its worker days drawn along the roads (personal data, like the case layer).</param>
internal sealed record StoredVisitPlan(string RegionName, string DataScope, VisitPlan Plan, System.Collections.Immutable.ImmutableArray<WorkerDayRoute> Routes);
