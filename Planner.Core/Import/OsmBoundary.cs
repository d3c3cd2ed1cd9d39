using NetTopologySuite.Geometries;

namespace Planner.Core.Import;

/// <summary>
/// An administrative boundary relation from OSM whose member ways were all present in the extract and
/// closed into rings (see <see cref="OsmRingAssembler"/>).
/// </summary>
/// <param name="RelationId">OSM relation id.</param>
/// <param name="Name">The relation's <c>name</c>.</param>
/// <param name="AdminLevel">The <c>admin_level</c> tag (8 for townships and streets in China).</param>
/// <param name="Area">Polygon or MultiPolygon in WGS84.</param>
public sealed record OsmBoundary(long RelationId, string Name, int AdminLevel, Geometry Area);
