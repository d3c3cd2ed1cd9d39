using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Synthetic;

/// <summary>Lays out synthetic road ways in metres: a jittered town grid, villages with country roads, and fragments.</summary>
internal sealed class SyntheticRoads
{
    private static readonly ImmutableDictionary<string, ImmutableDictionary<string, string>> Classes =
        new[] { "primary", "secondary", "residential", "track", "footway", "motorway" }
            .ToImmutableDictionary(c => c, c => ImmutableDictionary<string, string>.Empty.Add("highway", c));

    private static readonly ImmutableDictionary<string, string> Private =
        ImmutableDictionary<string, string>.Empty.Add("highway", "service").Add("access", "private");

    private static readonly ImmutableDictionary<string, string> Oneway =
        ImmutableDictionary<string, string>.Empty.Add("highway", "secondary").Add("oneway", "yes");

    private readonly Random _rng;
    private readonly double _block;
    private ProjectedPoint[,] _town = new ProjectedPoint[0, 0];

    public SyntheticRoads(Random rng, double blockMeters)
    {
        _rng = rng;
        _block = blockMeters;
    }

    public List<(List<ProjectedPoint> Points, ImmutableDictionary<string, string> Tags)> Ways { get; } = [];

    /// <summary>An n×n grid of jittered intersections; rows and columns are long ways broken where a block is missing.</summary>
    public void Town(int n)
    {
        _town = new ProjectedPoint[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                _town[i, j] = new ProjectedPoint((i * _block) + Jitter(0.15), (j * _block) + Jitter(0.15));
            }
        }

        for (int line = 0; line < n; line++)
        {
            var tags = line % 10 == 0 ? Classes["primary"] : line % 5 == 0 ? (_rng.NextDouble() < 0.3 ? Oneway : Classes["secondary"]) : Classes["residential"];
            Street(n, k => _town[k, line], tags);
            Street(n, k => _town[line, k], tags);
        }

        // A motorway crossing the town without junctions: walking may not use it.
        Ways.Add(([new(-_block * 0.5, -_block * 0.37), new(n * _block * 1.01, n * _block * 0.93)], Classes["motorway"]));
    }

    /// <summary>A village grid around <paramref name="centre"/> and a winding country road to the nearest town corner node; returns its edge count.</summary>
    public int Village(ProjectedPoint centre, int side, double extent)
    {
        double step = _block * 0.7;
        var nodes = new ProjectedPoint[side, side];
        for (int i = 0; i < side; i++)
        {
            for (int j = 0; j < side; j++)
            {
                nodes[i, j] = new ProjectedPoint(centre.X + ((i - (side / 2.0)) * step) + Jitter(0.1), centre.Y + ((j - (side / 2.0)) * step) + Jitter(0.1));
            }
        }

        for (int line = 0; line < side; line++)
        {
            Ways.Add(([.. Enumerable.Range(0, side).Select(k => nodes[k, line])], Classes["residential"]));
            Ways.Add(([.. Enumerable.Range(0, side).Select(k => nodes[line, k])], Classes["track"]));
        }

        int n = _town.GetLength(0);
        int ti = Math.Clamp((int)(centre.X / _block), 0, n - 1), tj = Math.Clamp((int)(centre.Y / _block), 0, n - 1);
        var from = nodes[0, 0];
        var to = _town[ti, tj];
        var road = new List<ProjectedPoint> { from };
        int bends = 4 + _rng.Next(6);
        for (int b = 1; b < bends; b++)
        {
            double t = (double)b / bends;
            road.Add(new ProjectedPoint(from.X + (t * (to.X - from.X)) + Jitter(1.5), from.Y + (t * (to.Y - from.Y)) + Jitter(1.5)));
        }

        road.Add(to);
        Ways.Add((road, Classes["track"]));
        _ = extent;
        return (2 * side * (side - 1)) + 2;
    }

    /// <summary>Small disconnected pieces (2-3 edges), as clipped extracts have; islands to be removed.</summary>
    public void Fragments(int count, double extent)
    {
        for (int f = 0; f < count; f++)
        {
            var a = new ProjectedPoint(_rng.NextDouble() * extent * 1.2, _rng.NextDouble() * extent * 1.2);
            var b = new ProjectedPoint(a.X + 60 + Jitter(0.2), a.Y + Jitter(0.2));
            var c = new ProjectedPoint(b.X + Jitter(0.3), b.Y + 70);
            Ways.Add(([a, b, c], Classes["footway"]));
        }
    }

    private void Street(int n, Func<int, ProjectedPoint> node, ImmutableDictionary<string, string> tags)
    {
        var current = new List<ProjectedPoint> { node(0) };
        for (int k = 1; k < n; k++)
        {
            if (_rng.NextDouble() < 0.04)
            {
                Flush(current, tags);
                current = [node(k)];
                continue;
            }

            if (_rng.NextDouble() < 0.1)
            {
                // A kink mid-block: a line vertex that is not an intersection.
                var a = node(k - 1);
                var b = node(k);
                current.Add(new ProjectedPoint(((a.X + b.X) / 2) + Jitter(0.08), ((a.Y + b.Y) / 2) + Jitter(0.08)));
            }

            current.Add(node(k));
        }

        Flush(current, tags);
    }

    private void Flush(List<ProjectedPoint> points, ImmutableDictionary<string, string> tags)
    {
        if (points.Count >= 2)
        {
            Ways.Add((points, _rng.NextDouble() < 0.02 ? Private : tags));
        }
    }

    private double Jitter(double fraction) => (_rng.NextDouble() - 0.5) * 2 * fraction * _block;
}
