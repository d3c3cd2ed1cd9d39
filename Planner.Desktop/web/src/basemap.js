// The offline basemap: the region's own roads, unit boundaries and names as vector tiles from the API
// (GET /regions/{r}/tiles/{z}/{x}/{y}.mvt), so the map shows streets and places with no network beyond the
// loopback API. Two layers over one tile source: the basemap under every data layer, and the labels
// (township, village and grid names, public buildings, road names, and the names of the stations in force)
// above them, decluttered. Each has a row in the basemap list, next to the layer list.
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import VectorLayer from 'ol/layer/Vector.js';
import MVT from 'ol/format/MVT.js';
import TileState from 'ol/TileState.js';
import { createXYZ } from 'ol/tilegrid.js';
import { Style, Fill, Stroke, Text } from 'ol/style.js';
import { dictionary, applyLabels } from './i18n.js';
import { h } from './dom.js';
import { setupOnlineBasemaps } from './onlinebasemaps.js';

Object.assign(dictionary.en, { basemapList: 'Basemap', l_basemap: 'Basemap (streets, boundaries)', l_labels: 'Names' });
Object.assign(dictionary.zh, { basemapList: '底图', l_basemap: '底图（道路、界线）', l_labels: '地名标注' });

/** The deepest tiles asked for: the API's tiles hold every feature from zoom 14, and deeper views overzoom. */
const MAX_TILE_ZOOM = 16;

// Roads as a map draws them: casing under a fill, by the API's road class.
const ROAD = {
  major: { fill: '#f7b96b', casing: '#c98a3c', width: 5 },
  secondary: { fill: '#fbe08f', casing: '#c9b060', width: 4 },
  tertiary: { fill: '#ffffff', casing: '#b9b1a3', width: 3.2 },
  minor: { fill: '#ffffff', casing: '#c9c2b6', width: 2.4 },
  service: { fill: '#ffffff', casing: '#d6d0c6', width: 1.6 },
  path: { fill: '#a39b8f', width: 1, dash: [3, 3] },
  other: { fill: '#d8d2c8', width: 1 },
};
const roadStyles = Object.fromEntries(Object.entries(ROAD).map(([k, r]) => [k, [
  ...(r.casing ? [new Style({ stroke: new Stroke({ color: r.casing, width: r.width + 1.6 }), zIndex: 1 })] : []),
  new Style({ stroke: new Stroke({ color: r.fill, width: r.width, lineDash: r.dash }), zIndex: 2 }),
]]));
const boundaryStyles = {
  county: new Style({ stroke: new Stroke({ color: '#8e6bb8', width: 2.4, lineDash: [10, 4, 2, 4] }), zIndex: 3 }),
  township: new Style({ stroke: new Stroke({ color: '#a58cc9', width: 1.4, lineDash: [6, 3] }), zIndex: 3 }),
  village: new Style({ stroke: new Stroke({ color: '#c5b5de', width: 0.8, lineDash: [3, 3] }), zIndex: 3 }),
  grid: new Style({ stroke: new Stroke({ color: '#ddd3ec', width: 0.5 }), zIndex: 3 }),
};

/** Basemap style: roads and unit boundaries; the tiles' stations are the stored ones, so the page's own stations layer draws stations. */
function basemapStyle(feature, resolution) {
  const layer = feature.get('layer');
  if (layer === 'roads') return roadStyles[feature.get('class')] ?? roadStyles.other;
  if (layer === 'units') {
    const level = feature.get('level');
    return level === 'grid' && resolution > 10 ? null : boundaryStyles[level] ?? null;
  }
  return null;
}

const LABEL_FONTS = { 1: 'bold 15px sans-serif', 2: 'bold 13px sans-serif', 3: '12px sans-serif', 4: '10px sans-serif', 5: 'italic 10px sans-serif' };
const halo = new Stroke({ color: 'rgba(255,255,255,.9)', width: 3 });

/** Names: units by rank (county, township, village, grid; the API sends each from its own zoom on), public buildings, road names when near. */
function labelStyle(feature, resolution) {
  const layer = feature.get('layer');
  const name = feature.get('name');
  if (!name) return null;
  if (layer === 'labels') {
    const rank = Number(feature.get('rank') ?? 4);
    // Grid names only at street level: a village fitted to the window would be a sheet of them.
    if (rank === 4 && resolution > 1.5) return null;
    return new Style({ text: new Text({ text: String(name), font: LABEL_FONTS[rank] ?? LABEL_FONTS[4], fill: new Fill({ color: rank <= 2 ? '#4a3470' : '#333' }), stroke: halo, overflow: false }), zIndex: 10 - rank });
  }
  if (layer === 'roads' && resolution < 5) {
    return new Style({ text: new Text({ text: String(name), placement: 'line', font: '10px sans-serif', fill: new Fill({ color: '#5d5548' }), stroke: halo }), zIndex: 1 });
  }
  return null;
}

/** Station names of the stations in force (the page's own list: moved and added stations too). */
function stationLabelStyle(feature, resolution) {
  const name = feature.get('name');
  return !name || resolution > 40 ? null : new Style({
    text: new Text({ text: String(name), font: '11px sans-serif', offsetY: 15, fill: new Fill({ color: '#0d47a1' }), stroke: halo }),
  });
}

/**
 * Adds the basemap and the labels to the page's map (app: map, store, sources, layers, api) and their rows
 * to the basemap list; returns show(region), which points the tiles at a region.
 */
export function setupBasemap(app) {
  const stats = { requested: 0, loaded: 0, empty: 0, failed: 0, features: 0 };
  let region = null;
  const source = new VectorTileSource({
    format: new MVT(),
    tileGrid: createXYZ({ maxZoom: MAX_TILE_ZOOM, tileSize: 512 }),
    // The key travels in a header, so the tiles load through the API module rather than by URL.
    tileUrlFunction: ([z, x, y]) => (region ? `${encodeURIComponent(region)}/${z}/${x}/${y}` : undefined),
    tileLoadFunction: (tile, url) => {
      const [r, z, x, y] = url.split('/');
      tile.setLoader(async (extent, resolution, projection) => {
        stats.requested++;
        try {
          const data = await app.api.tile(decodeURIComponent(r), z, x, y);
          const features = data ? tile.getFormat().readFeatures(data, { extent, featureProjection: projection }) : [];
          if (data) stats.loaded++; else stats.empty++;
          stats.features += features.length;
          tile.setFeatures(features);
        } catch (e) {
          stats.failed++;
          console.error('basemap tile', url, e);
          tile.setState(TileState.ERROR);
        }
      });
    },
  });
  const basemap = new VectorTileLayer({ source, style: basemapStyle, background: '#f3efe6', zIndex: -10, declutter: false });
  basemap.set('id', 'basemap');
  const labels = new VectorTileLayer({ source, style: labelStyle, declutter: 'names', zIndex: 40, renderMode: 'hybrid' });
  labels.set('id', 'labels');
  const stationLabels = new VectorLayer({ source: app.sources.stations, style: stationLabelStyle, declutter: 'names', zIndex: 41 });
  stationLabels.set('id', 'station-labels');
  [basemap, labels, stationLabels].forEach((l) => app.map.addLayer(l));

  // The basemap list: one row per layer, a checkbox that shows or hides it.
  // The offline basemap shows only while it is the chosen background; its tiles' names not over Amap (GCJ-02
  // tiles, while the tiles' names are in WGS84), the stations' names always (they shift with the stations).
  const rows = [['basemap', [basemap]], ['labels', [labels, stationLabels]]];
  const shownOver = { basemap: (bg) => bg === 'offline', labels: (bg) => bg !== 'amap' };
  const list = document.getElementById('basemap-list');
  const boxes = {};
  let online = null;
  const refresh = () => {
    const bg = online?.chosen() ?? 'offline';
    basemap.setVisible(boxes.basemap.checked && shownOver.basemap(bg));
    labels.setVisible(boxes.labels.checked && shownOver.labels(bg));
    stationLabels.setVisible(boxes.labels.checked);
  };
  rows.forEach(([id]) => {
    const box = h('input', { type: 'checkbox', id: `layer-${id}`, checked: true });
    boxes[id] = box;
    box.addEventListener('change', refresh);
    list.append(h('li', {}, box, h('label', { for: `layer-${id}`, dataset: { i18n: `l_${id}` } })));
  });
  applyLabels(list.parentElement);
  online = setupOnlineBasemaps(app, { refresh });

  const hooks = window.__planner;
  if (hooks) {
    /** Tile loading so far: requested, loaded (200), empty (204), failed, features read. */
    Object.defineProperty(hooks, 'basemap', { get: () => ({ ...stats, region }) });
    /** Resolves once the map has loaded every tile in view and drawn it (OpenLayers' rendercomplete). */
    hooks.renderComplete = () => new Promise((resolve) => { app.map.once('rendercomplete', () => resolve(true)); app.map.render(); });
    /** What the map draws under a page pixel, every visible layer: [{ layer, sourceLayer, id, name, cls }]. */
    hooks.featuresAt = (x, y) => {
      const r = app.map.getTargetElement().getBoundingClientRect();
      const out = [];
      app.map.forEachFeatureAtPixel([x - r.left, y - r.top], (f, layer) => {
        out.push({ layer: layer?.get('id') ?? null, sourceLayer: f.get('layer') ?? null, id: String(f.getId() ?? f.get('code') ?? f.get('id') ?? ''), name: f.get('name') ?? null, cls: f.get('class') ?? null });
      }, { hitTolerance: 3 });
      return out;
    };
  }

  return {
    /** Points the tiles at a region (its URL name); tiles of the previous region are dropped. */
    show(name) {
      if (name === region) return;
      region = name;
      source.setTileUrlFunction(source.getTileUrlFunction(), name);
    },
  };
}
