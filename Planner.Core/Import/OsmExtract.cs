using System.Collections.Immutable;
using Planner.Core.Geo;
using Planner.Core.Model;

namespace Planner.Core.Import;

/// <summary>What the OSM importer keeps from an extract: roads, place seeds, complete boundaries, public buildings, and notes.</summary>
/// <param name="Roads">Highway ways as lines with all their tags; id = OSM way id.</param>
/// <param name="Places">Place nodes that seed modelled units.</param>
/// <param name="Boundaries">Admin boundary relations at the requested level whose rings closed.</param>
/// <param name="Extent">The extent of the extract: the OSM <c>bounds</c> element when the file has one, else the box of the roads and places.</param>
/// <param name="Notes">What was skipped and why (incomplete relations, ways with missing nodes), one line each.</param>
/// <param name="PublicBuildings">Public buildings inside <paramref name="Extent"/> (see <see cref="OsmPublicBuildings"/>): nodes first, then closed ways, each by OSM id.</param>
public sealed record OsmExtract(
    ImmutableArray<Road> Roads,
    ImmutableArray<OsmPlace> Places,
    ImmutableArray<OsmBoundary> Boundaries,
    GeoBounds Extent,
    ImmutableArray<string> Notes,
    ImmutableArray<PublicBuilding> PublicBuildings);
