// The OpenLayers map built from the layer table: one source per source id, one layer per row (stacked by z),
// picking by the table's ranks, visibility from the layer list's checkboxes, and the stations layer kept in
// step with the station list in force.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import HeatmapLayer from 'ol/layer/Heatmap.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { fromLonLat } from 'ol/proj.js';
import { LAYERS, sourceId, sourceIds } from './layers.js';

/** GeoJSON in WGS84 read into and written from the map's Web Mercator. */
export const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

/** A station of the what-if form as a map feature (id = station id). */
export function stationFeature(s) {
  const f = new Feature({ geometry: new Point(fromLonLat([s.lon, s.lat])), id: s.id, name: s.name, level: s.level, status: s.status, social_workers: s.socialWorkers });
  f.setId(s.id);
  return f;
}

/** One OpenLayers layer for a row of the table over the given source, styled for the view. */
export function makeLayer(row, source, view) {
  const layer = row.heat
    ? new HeatmapLayer({ source, blur: 18, radius: 10, visible: false, zIndex: row.z })
    : new VectorLayer({ source, style: row.style(view), zIndex: row.z, updateWhileInteracting: row.id === 'stations' });
  layer.set('id', row.id);
  return layer;
}

/** Replaces a source's features. */
export function fill(source, features) { source.clear(true); source.addFeatures(features); }

/**
 * The page's map: sources and layers by id, the view, and what the page asks of them. viewOf() gives the
 * styling inputs of the moment ({ shareOf, unitLevel, group, maxDemand, selectedId }).
 */
export function createMap(target, viewOf) {
  const sources = Object.fromEntries(sourceIds().map((id) => [id, new VectorSource()]));
  const layers = Object.fromEntries(LAYERS.map((row) => [row.id, makeLayer(row, sources[sourceId(row)], viewOf())]));
  const view = new View({ center: fromLonLat([117.2, 28.3]), zoom: 11 });
  const map = new Map({
    target, view, layers: Object.values(layers),
    controls: defaultControls({ attribution: false }).extend([new ScaleLine({ units: 'metric' })]),
  });

  /** Restyles the themed layers for the view of the moment (group, unit level, shares). */
  function restyle() {
    const v = viewOf();
    LAYERS.filter((row) => row.themed).forEach((row) => {
      if (row.heat) layers[row.id].setWeight((f) => Math.min(1, Number(f.get(v.group) || 0) / v.maxDemand));
      else layers[row.id].setStyle(row.style(v));
    });
  }

  /** Shows each layer whose layer list row is checked and whose variant (demand as dots or heat) is chosen. */
  function setVisibility(checked, variant) {
    LAYERS.forEach((row) => layers[row.id].setVisible(!!checked(row.shownWith ?? row.id) && (!row.variant || row.variant === variant)));
  }

  /** What a click hits: the lowest pick rank; among units, the level being shaded first. */
  function pick(pixel, unitLevel) {
    let best = null;
    let bestRank = Infinity;
    map.forEachFeatureAtPixel(pixel, (f, layer) => {
      const p = LAYERS.find((row) => row.id === layer?.get('id'))?.pick;
      if (!p) return;
      const rank = p.rank * 2 + (p.kind === 'unit' && f.get('level') !== unitLevel ? 1 : 0);
      if (rank < bestRank) {
        bestRank = rank;
        best = { kind: p.kind, id: String(f.getId() ?? f.get('code') ?? f.get('id')), level: f.get('level') };
      }
    }, { hitTolerance: 4 });
    return best;
  }

  /**
   * Makes the stations layer show exactly the given list: features of stations that stay are updated in
   * place (a dragged one keeps its feature), new ones added, gone ones removed.
   */
  function showStations(list) {
    const source = sources.stations;
    const wanted = new Set(list.map((s) => s.id));
    source.getFeatures().filter((f) => !wanted.has(f.getId())).forEach((f) => source.removeFeature(f));
    list.forEach((s) => {
      const f = source.getFeatureById(s.id);
      if (!f) { source.addFeature(stationFeature(s)); return; }
      const at = fromLonLat([s.lon, s.lat]);
      const was = f.getGeometry().getCoordinates();
      if (was[0] !== at[0] || was[1] !== at[1]) f.getGeometry().setCoordinates(at);
      f.setProperties({ name: s.name, level: s.level, status: s.status, social_workers: s.socialWorkers });
    });
    layers.stations.changed();
  }

  /** Page coordinates (CSS pixels) of a map coordinate. */
  function pagePixel(coordinate) {
    const p = map.getPixelFromCoordinate(coordinate);
    const r = map.getTargetElement().getBoundingClientRect();
    return [r.left + p[0], r.top + p[1]];
  }

  return { map, view, sources, layers, restyle, setVisibility, pick, showStations, pagePixel };
}
