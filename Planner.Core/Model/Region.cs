using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>
/// The immutable aggregate of everything known about one region: its units, roads, people, stations,
/// volunteer teams, needs, candidate sites and existing public buildings, all in WGS84, plus the local metric
/// projection in which it is computed. An edit produces a new region (<c>with</c> expressions).
/// </summary>
public sealed record Region
{
    /// <summary>Identity, groups, defaults and sources.</summary>
    public required RegionInfo Info { get; init; }

    /// <summary>Administrative units at every level.</summary>
    public ImmutableArray<AdminUnit> Units { get; init; } = [];

    /// <summary>Road lines with tags.</summary>
    public ImmutableArray<Road> Roads { get; init; } = [];

    /// <summary>Demand points with counts per group.</summary>
    public ImmutableArray<DemandPoint> Demand { get; init; } = [];

    /// <summary>Stations and service points.</summary>
    public ImmutableArray<Station> Stations { get; init; } = [];

    /// <summary>Volunteer teams.</summary>
    public ImmutableArray<VolunteerTeam> Teams { get; init; } = [];

    /// <summary>Needs from the need list.</summary>
    public ImmutableArray<Need> Needs { get; init; } = [];

    /// <summary>Candidate sites for new stations.</summary>
    public ImmutableArray<Candidate> Candidates { get; init; } = [];

    /// <summary>Existing public buildings (town halls, community centres, schools, clinics, ...); empty when the region has none.</summary>
    public ImmutableArray<PublicBuilding> PublicBuildings { get; init; } = [];

    /// <summary>The population groups (shortcut for <c>Info.Groups</c>).</summary>
    public PopulationGroups Groups => Info.Groups;

    /// <summary>Bounding box of roads, demand, stations and units.</summary>
    public GeoBounds Bounds
    {
        get
        {
            var b = GeoBounds.Empty;
            foreach (var u in Units)
            {
                var e = u.Boundary.EnvelopeInternal;
                if (!e.IsNull)
                {
                    b = b.Include(new GeoBounds(e.MinX, e.MinY, e.MaxX, e.MaxY));
                }
            }

            foreach (var r in Roads)
            {
                var e = r.Line.EnvelopeInternal;
                b = b.Include(new GeoBounds(e.MinX, e.MinY, e.MaxX, e.MaxY));
            }

            foreach (var d in Demand)
            {
                b = b.Include(d.Location);
            }

            foreach (var s in Stations)
            {
                b = b.Include(s.Location);
            }

            return b;
        }
    }

    /// <summary>The region's local metric projection (UTM zone of the centre of <see cref="Bounds"/>).</summary>
    public LocalProjection CreateProjection() => LocalProjection.ForBounds(Bounds);

    /// <summary>Total people per group over all demand points.</summary>
    public double[] PopulationByGroup()
    {
        var sums = new double[Groups.Count];
        foreach (var d in Demand)
        {
            for (int g = 0; g < sums.Length; g++)
            {
                sums[g] += d.Counts[g];
            }
        }

        return sums;
    }
}
