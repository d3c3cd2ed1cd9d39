namespace Planner.Core.Network;

/// <summary>What building a <see cref="RoadGraph"/> kept and dropped; validation reports it.</summary>
/// <param name="RoadsUsed">Roads the profile allows.</param>
/// <param name="RoadsExcluded">Roads the profile excludes (class, access or foot tags, not built).</param>
/// <param name="Vertices">Graph vertices kept (road ends and shared coordinates).</param>
/// <param name="Edges">Graph edges kept (pieces of roads between vertices).</param>
/// <param name="LengthMeters">Total length of the kept edges, metres in the local projection.</param>
/// <param name="IslandsRemoved">Connected pieces dropped for having fewer road vertices than the minimum.</param>
/// <param name="IslandEdgesRemoved">Edges in the dropped pieces.</param>
/// <param name="IslandLengthMeters">Length of the dropped pieces, metres.</param>
public sealed record RoadGraphStats(
    int RoadsUsed,
    int RoadsExcluded,
    int Vertices,
    int Edges,
    double LengthMeters,
    int IslandsRemoved,
    int IslandEdgesRemoved,
    double IslandLengthMeters);
