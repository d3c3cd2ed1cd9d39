using System.Collections.Immutable;
using NetTopologySuite.Geometries;

namespace Planner.Core.Import.Boundaries;

/// <summary>One feature of a boundary file, as read: its number in the file, its geometry in the file's CRS and its attributes as text.</summary>
/// <param name="Number">1-based feature number in the file (Shapefile record, GeoPackage row, GeoJSON feature).</param>
/// <param name="Geometry">The geometry in the file's CRS, or null when it has none.</param>
/// <param name="Attributes">Attribute text by field name (numbers in invariant culture).</param>
public sealed record BoundaryFeature(int Number, Geometry? Geometry, ImmutableDictionary<string, string> Attributes)
{
    /// <summary>The attribute <paramref name="field"/> (trimmed), or empty.</summary>
    public string this[string field] => Attributes.TryGetValue(field, out var v) ? v.Trim() : string.Empty;
}

/// <summary>The features of a boundary file and the CRS they are written in.</summary>
/// <param name="Path">The file.</param>
/// <param name="Features">Features in file order.</param>
/// <param name="Crs">The CRS of the coordinates (from the option, the .prj, the GeoPackage srs, or WGS84).</param>
/// <param name="Notes">How the CRS and the text encoding were chosen.</param>
public sealed record BoundaryFile(string Path, ImmutableArray<BoundaryFeature> Features, Geo.SourceCrs Crs, ImmutableArray<string> Notes)
{
    /// <summary>The file name, for problem lines.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}
