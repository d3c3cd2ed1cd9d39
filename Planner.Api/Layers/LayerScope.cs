using Planner.Core.Model;

namespace Planner.Api.Layers;

/// <summary>
/// The features of a region layer that lie in some of its units (what a township key sees): units by their own
/// code; features with a <c>unit_code</c> that names a unit of the region by that code; every other feature by its
/// geometry (a point inside the units' boundary, a line or area that meets it). Works for any layer, so a layer
/// added later is narrowed too.
/// </summary>
internal static class LayerScope
{
    /// <summary>The features of <paramref name="layer"/> that lie in <paramref name="units"/>, in their order.</summary>
    public static IReadOnlyList<LayerFeature> Filter(LayerDefinition layer, IReadOnlyList<LayerFeature> features, UnitSelection units) =>
        layer.Id == "units"
            ? [.. features.Where(f => units.Contains(f.Id))]
            : [.. features.Where(f => units.Holds(f.Properties.GetValueOrDefault("unit_code") as string, f.Geometry))];
}
