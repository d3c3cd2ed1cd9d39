// The one table of the map's layers. The layer list, the legend, picking, the drawing order, visibility, the
// loading of the region's collections and the comparison maps all read it; adding a layer is adding a row.
//   id        the layer's id (its source's too, unless `source` names another layer's)
//   title     i18n key of its name in the layer list and the legend
//   from      where its features come from: 'collection' (the region's OGC collection of that id, loaded with
//             the region), 'coverage' (each coverage answer) or 'recommend' (the recommendations panel)
//   edited    the collection is the base of the edits: the layer draws the station list in force
//   optional  the collection may be missing (an older server, a region without it): the layer draws nothing
//   z         drawing order, bottom first
//   pick      what a click on it selects (kind), points before areas: lower rank wins
//   legend    has an entry in the legend
//   shownWith the layer list row that switches it (defaults to its own); `variant` the demand style it shows
//   compare   drawn on the side-by-side comparison maps too
//   style     (view) => an OpenLayers style, where view is { shareOf, unitLevel, group, maxDemand, selectedId }
//   swatch    CSS of its swatch in the layer list and the legend
//   themed    its style follows the chosen group, unit level or the coverage shares: restyled when they change
import * as st from './styles.js';

export const LAYERS = [
  { id: 'units', title: 'l_units', swatch: st.colourSwatch('#a6d96a'), from: 'collection', z: 0, themed: true, pick: { kind: 'unit', rank: 6 }, compare: true, style: (v) => st.unitStyle(v.shareOf, v.unitLevel) },
  { id: 'roads', title: 'l_roads', swatch: st.colourSwatch('#8d8d8d'), from: 'collection', z: 1, compare: true, style: () => st.roadStyle },
  { id: 'demand', title: 'l_demand', swatch: st.colourSwatch('#ff7043'), from: 'collection', z: 5, themed: true, legend: true, variant: 'dots', style: (v) => st.demandStyle(v.group, v.maxDemand) },
  { id: 'heat', title: 'l_demand', source: 'demand', z: 2, themed: true, heat: true, shownWith: 'demand', variant: 'heat', export: false },
  { id: 'stations', title: 'l_stations', swatch: st.colourSwatch('#1565c0'), from: 'collection', edited: true, z: 9, pick: { kind: 'station', rank: 0 }, compare: true, style: (v) => st.stationStyle(v.selectedId) },
  { id: 'circles', title: 'l_circles', swatch: st.colourSwatch('rgba(33,150,243,.35)'), from: 'coverage', z: 3, legend: true, compare: true, style: () => st.circleStyle },
  { id: 'gaps', title: 'l_gaps', swatch: st.colourSwatch('rgba(198,40,40,.2)'), from: 'coverage', z: 4, legend: true, pick: { kind: 'gap', rank: 5 }, compare: true, style: () => st.gapStyle },
  { id: 'teams', title: 'l_teams', swatch: st.colourSwatch('#6a1b9a'), from: 'collection', optional: true, z: 7, legend: true, pick: { kind: 'team', rank: 2 }, style: () => st.teamStyle },
  { id: 'needs', title: 'l_needs', swatch: st.colourSwatch('#ef6c00'), from: 'collection', optional: true, z: 8, legend: true, pick: { kind: 'need', rank: 3 }, style: () => st.needStyle },
  { id: 'public_buildings', title: 'l_public_buildings', swatch: st.BUILDING_SWATCH, from: 'collection', optional: true, z: 6, legend: true, pick: { kind: 'public_building', rank: 4 }, style: () => st.publicBuildingStyle },
  { id: 'recommended', title: 'l_recommended', swatch: st.colourSwatch('#2e7d32'), from: 'recommend', z: 10, legend: true, pick: { kind: 'recommended', rank: 1 }, style: () => st.recommendedStyle },
];

/** The id of a layer's source. */
export const sourceId = (layer) => layer.source ?? layer.id;

/** The rows of the layer list, in the list's order (a layer shown with another has no row of its own). */
export const listed = () => LAYERS.filter((l) => !l.shownWith);

/** The layers in the legend, in the layer list's order. */
export const inLegend = () => LAYERS.filter((l) => l.legend);

/** The region collections to load with the region. */
export const collections = () => LAYERS.filter((l) => l.from === 'collection');

/** The source ids, once each. */
export const sourceIds = () => [...new Set(LAYERS.map(sourceId))];

/** The layer by id. */
export const byId = (id) => LAYERS.find((l) => l.id === id);
