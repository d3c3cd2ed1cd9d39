using Planner.Core.Geo;

namespace Planner.Core.Model;

/// <summary>
/// An existing public building (公共建筑): a town hall, community centre, school, clinic and the like. Such
/// buildings are where a station can often open without building anew, so siting offers each one as a
/// generated candidate site.
/// </summary>
/// <param name="Id">Identifier (from OSM: <c>osm:node:N</c> or <c>osm:way:N</c>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">What the building is, as an OSM tag value: <c>townhall</c>, <c>community_centre</c>,
/// <c>social_facility</c>, <c>school</c>, <c>kindergarten</c>, <c>clinic</c>, <c>hospital</c>, <c>library</c>,
/// <c>government</c>, ... Any non-empty value is accepted.</param>
/// <param name="Location">WGS84 position (for a building outline, its centroid).</param>
/// <param name="Source">Where the feature came from (e.g. <c>osm</c> or a register's name), when given.</param>
public sealed record PublicBuilding(string Id, string Name, string Kind, GeoPoint Location, string? Source = null);
