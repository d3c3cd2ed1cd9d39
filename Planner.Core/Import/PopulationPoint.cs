using System.Collections.Immutable;
using Planner.Core.Geo;

namespace Planner.Core.Import;

/// <summary>A point of a population source (a CSV row or a raster cell centre) with its counts.</summary>
/// <param name="Id">Identifier from the source (CSV id column, or raster "r&lt;row&gt;c&lt;col&gt;").</param>
/// <param name="Location">WGS84 position.</param>
/// <param name="Counts">People per group, in the order of the import's groups.</param>
public sealed record PopulationPoint(string Id, GeoPoint Location, ImmutableArray<double> Counts);
