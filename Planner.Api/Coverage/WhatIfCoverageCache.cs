using Planner.Api.Regions;
using Planner.Core.Coverage;
using Planner.Core.Model;

namespace Planner.Api.Coverage;

/// <summary>
/// The what-if engines of the planners' map: one <see cref="IncrementalCoverage"/> per region version and
/// query (minutes, mode, speed, planned stations counted), so a request whose station list differs from the
/// previous one by a moved, added or removed station runs one bounded search per changed station instead of a
/// full coverage run. A new query (another limit, mode or speed) builds a new engine: the full recompute.
/// Holds the most recently used engines only (each keeps a prepared road graph and every station's catchment).
/// </summary>
/// <remarks>
/// Thread-safe: concurrent first requests for one key share one build; requests on one engine run one at a
/// time under its lock, since an engine is a mutable state that every request rewinds to its own station list.
/// </remarks>
internal sealed class WhatIfCoverageCache
{
    /// <summary>Engines the API keeps: a planner's session uses one or two queries at a time.</summary>
    public const int DefaultCapacity = 4;

    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly LinkedList<(Key Key, Lazy<Engine> Engine)> _recent = new();
    private readonly Dictionary<Key, LinkedListNode<(Key Key, Lazy<Engine> Engine)>> _byKey = [];

    /// <summary>A cache of <paramref name="capacity"/> engines (at least one).</summary>
    public WhatIfCoverageCache(int capacity) => _capacity = Math.Max(1, capacity);

    /// <summary>Number of engines held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    /// <summary>
    /// The coverage report (no circles, no per-point results) of <paramref name="region"/> with its station
    /// list replaced by <paramref name="stations"/>, under <paramref name="query"/>; the same figures as
    /// <see cref="CoverageCalculator"/> on the edited region.
    /// </summary>
    public CoverageReport Compute(CatalogRegion region, CoverageQuery query, IReadOnlyList<Station> stations)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(query);
        var key = new Key(region.Name, region.Version, query);
        var lazy = Lookup(key, region);
        Engine engine;
        try
        {
            engine = lazy.Value;
        }
        catch
        {
            Forget(key, lazy);
            throw;
        }

        lock (engine.Gate)
        {
            engine.Coverage.SetStations(stations);
            return engine.Coverage.Report();
        }
    }

    private Lazy<Engine> Lookup(Key key, CatalogRegion region)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Engine;
            }

            var options = key.Query.ToOptions() with { BuildCircles = false };
            var lazy = new Lazy<Engine>(() => new Engine(new IncrementalCoverage(CoverageContext.Prepare(region.Region, options), options)));
            _byKey[key] = _recent.AddFirst((key, lazy));
            while (_byKey.Count > _capacity)
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _byKey.Remove(last.Value.Key);
            }

            return lazy;
        }
    }

    private void Forget(Key key, Lazy<Engine> lazy)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Engine, lazy))
            {
                _recent.Remove(node);
                _byKey.Remove(key);
            }
        }
    }

    private readonly record struct Key(string Region, long Version, CoverageQuery Query);

    /// <summary>An engine and the lock its requests take.</summary>
    private sealed class Engine(IncrementalCoverage coverage)
    {
        public Lock Gate { get; } = new();

        public IncrementalCoverage Coverage { get; } = coverage;
    }
}
