using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Siting;

/// <summary>A site opened by a siting answer, and why: the people only it covers in the final solution.</summary>
/// <param name="Id">Site id.</param>
/// <param name="Index">Site index in the matrix.</param>
/// <param name="Location">WGS84 position, when known.</param>
/// <param name="Gain">People per group (matrix group order) covered by this site and by no other open site in the final answer (its marginal contribution).</param>
/// <param name="Units">Unit codes of the demand items that only this site covers (the units whose coverage rises), ordinal order.</param>
/// <param name="Forced">True when the planner forced it.</param>
public sealed record ChosenSite(string Id, int Index, GeoPoint? Location, ImmutableArray<double> Gain, ImmutableArray<string> Units, bool Forced);
