using NetTopologySuite.Geometries;

namespace Planner.Core.Model;

/// <summary>
/// An administrative unit: county, township, village/community or grid. The boundary is a Polygon or
/// MultiPolygon in WGS84; treat it as immutable.
/// </summary>
/// <param name="Code">Division code (12-digit statistical code where one exists) or a generated code under the parent.</param>
/// <param name="Name">Name as the users write it (Chinese for Chinese regions).</param>
/// <param name="Level">County, township, village or grid.</param>
/// <param name="ParentCode">Code of the enclosing unit, or null for the top.</param>
/// <param name="Boundary">Polygon or MultiPolygon, WGS84.</param>
/// <param name="Modelled">True when the boundary is modelled (e.g. Voronoi cells) or generated, not surveyed.</param>
public sealed record AdminUnit(string Code, string Name, AdminLevel Level, string? ParentCode, Geometry Boundary, bool Modelled = false);
