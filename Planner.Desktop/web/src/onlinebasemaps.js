// Online basemaps, off unless chosen: Tianditu (天地图) vector or image WMTS with its annotation layer (the
// user's tk key, kept in localStorage; CGCS2000 is WGS84 to within centimetres, so no shift), OpenStreetMap
// raster tiles, and Amap (高德) raster tiles, which are drawn in GCJ-02: while Amap is chosen the page's data
// layers are drawn shifted to GCJ-02 (display only: features, edits and requests keep WGS84) and the legend
// says so. Nothing outside loopback is asked for while the offline basemap is chosen: online layers are made
// on first choice and hidden otherwise.
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import XYZ from 'ol/source/XYZ.js';
import OSM from 'ol/source/OSM.js';
import Circle from 'ol/geom/Circle.js';
import { toLonLat, fromLonLat } from 'ol/proj.js';
import gcoord from 'gcoord';
import { dictionary, applyLabels } from './i18n.js';
import { h } from './dom.js';

Object.assign(dictionary.en, {
  bg_offline: 'Offline (region data)', bg_tdt_vec: 'Tianditu vector', bg_tdt_img: 'Tianditu imagery', bg_osm: 'OpenStreetMap', bg_amap: 'Amap',
  tdtKey: 'Tianditu tk key', gcjNote: 'Amap basemap: data layers are drawn shifted to GCJ-02 to match it (display only).',
  attr_tdt_vec: 'Basemap © Tianditu (天地图)', attr_tdt_img: 'Basemap © Tianditu (天地图)', attr_osm: 'Basemap © OpenStreetMap contributors', attr_amap: 'Basemap © AutoNavi (高德地图)',
});
Object.assign(dictionary.zh, {
  bg_offline: '离线（本地数据）', bg_tdt_vec: '天地图矢量', bg_tdt_img: '天地图影像', bg_osm: 'OpenStreetMap', bg_amap: '高德地图',
  tdtKey: '天地图 tk 密钥', gcjNote: '高德底图：数据图层按 GCJ-02 偏移显示以与底图对齐（仅显示）。',
  attr_tdt_vec: '底图 © 天地图', attr_tdt_img: '底图 © 天地图', attr_osm: '底图 © OpenStreetMap 贡献者', attr_amap: '底图 © 高德地图',
});

/** localStorage key of the user's Tianditu key. */
const TK_KEY = 'planner.tiandituTk';

/** Tianditu's Web Mercator ("w") matrix set: TILEMATRIX is the zoom, TILEROW and TILECOL count from the top left, as XYZ. */
function tiandituUrl(layer, tk) {
  return ([z, x, y]) => `https://t${(x + y) % 8}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0`
    + `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=${z}&TILEROW=${y}&TILECOL=${x}&tk=${encodeURIComponent(tk())}`;
}

const TDT_ATTRIBUTION = '© 天地图 Tianditu';

/** The online choices: id, and the tile layers it draws (made on first choice). */
const CHOICES = {
  tdt_vec: (tk) => [tiandituLayer('vec', tk, -12), tiandituLayer('cva', tk, -11)],
  tdt_img: (tk) => [tiandituLayer('img', tk, -12), tiandituLayer('cia', tk, -11)],
  osm: () => [new TileLayer({ source: new OSM(), zIndex: -12 })],
  amap: () => [new TileLayer({
    zIndex: -12,
    source: new XYZ({
      maxZoom: 18,
      attributions: '© 高德地图 AutoNavi',
      tileUrlFunction: ([z, x, y]) => `https://webrd0${1 + ((x + y) % 4)}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x=${x}&y=${y}&z=${z}`,
    }),
  })],
};

function tiandituLayer(layer, tk, z) {
  return new TileLayer({ zIndex: z, source: new XYZ({ maxZoom: 18, attributions: TDT_ATTRIBUTION, tileUrlFunction: tiandituUrl(layer, tk) }) });
}

/** More than GCJ-02 moves a point anywhere in China (under 1 km), in Web Mercator metres (× 1/cos 55° at most). */
const MAX_SHIFT_MERCATOR_METRES = 2000;

/** A Web Mercator coordinate array (flat, by stride) moved from WGS84 to GCJ-02. */
function toGcj(input, output, stride = 2) {
  const out = output ?? input.slice();
  for (let i = 0; i < input.length; i += stride) {
    const [lon, lat] = gcoord.transform(toLonLat([input[i], input[i + 1]]), gcoord.WGS84, gcoord.GCJ02);
    const [x, y] = fromLonLat([lon, lat]);
    out[i] = x;
    out[i + 1] = y;
  }
  return out;
}

/**
 * The shift of the data layers: each vector layer's style function is wrapped so every style draws the
 * feature's geometry moved to GCJ-02 (cached per feature and geometry revision). Wrapping the layer's
 * getStyleFunction keeps the shift when the page restyles a layer (setStyle).
 */
function createShift(view) {
  const cache = new WeakMap();
  const shiftedStyles = new WeakMap();
  const wrapped = new Map();

  const shifted = (geometry) => {
    if (!geometry) return geometry;
    const hit = cache.get(geometry);
    if (hit && hit.revision === geometry.getRevision()) return hit.geometry;
    let moved;
    if (geometry instanceof Circle) {
      moved = geometry.clone();
      moved.setCenter(toGcj(geometry.getCenter()));
    } else {
      moved = geometry.clone();
      moved.applyTransform(toGcj);
    }
    cache.set(geometry, { revision: geometry.getRevision(), geometry: moved });
    return moved;
  };

  const shiftStyle = (style) => {
    let s = shiftedStyles.get(style);
    if (!s) {
      s = style.clone();
      const own = style.getGeometryFunction();
      s.setGeometry((feature) => shifted(own(feature)));
      shiftedStyles.set(style, s);
    }
    return s;
  };

  const wrapStyleFunction = (fn) => (fn ? (feature, resolution) => {
    const styles = fn(feature, resolution);
    if (!styles) return styles;
    return Array.isArray(styles) ? styles.map(shiftStyle) : shiftStyle(styles);
  } : fn);

  return {
    /** Draws the layer shifted (a plain vector layer; vector tiles and heat maps are left as they are). */
    apply(layer) {
      if (!(layer instanceof VectorLayer) || wrapped.has(layer)) return;
      const own = { style: layer.getStyleFunction, buffer: layer.getRenderBuffer };
      wrapped.set(layer, own);
      layer.getStyleFunction = function shiftedStyleFunction() { return wrapStyleFunction(own.style.call(this)); };
      // The layer draws the features whose own (WGS84) geometry is near the view: widen that by the most the
      // shift can move one, or features shifted into the view from beyond its edge would be left out.
      layer.getRenderBuffer = function shiftedRenderBuffer() {
        const resolution = view.getResolution() ?? Infinity;
        return own.buffer.call(this) + Math.min(4096, Math.ceil(MAX_SHIFT_MERCATOR_METRES / resolution));
      };
      layer.changed();
    },
    /** Draws every wrapped layer in WGS84 again. */
    clear() {
      wrapped.forEach((own, layer) => { layer.getStyleFunction = own.style; layer.getRenderBuffer = own.buffer; layer.changed(); });
      wrapped.clear();
    },
  };
}

/**
 * Adds the background choice (offline, Tianditu vector / imagery, OSM, Amap) and the tk field to the basemap
 * list. offline: the offline basemap's layers ({ basemap, labels }) and whether their rows are checked.
 * Returns the chosen id.
 */
export function setupOnlineBasemaps(app, offline) {
  const made = {};
  const shift = createShift(app.map.getView());
  let chosen = 'offline';
  const tk = () => localStorage.getItem(TK_KEY) ?? '';

  // Under the legend: whose tiles they are (the map's own attribution control is off) and, for Amap, the shift.
  const gcjNote = h('span', { id: 'basemap-gcj-note', dataset: { i18n: 'gcjNote' }, hidden: true });
  const attribution = h('span', { id: 'basemap-attribution' });
  const note = h('p', { id: 'basemap-note', hidden: true }, attribution, ' ', gcjNote);
  document.getElementById('legend').insertAdjacentElement('afterend', note);

  const addedLayer = (e) => { if (chosen === 'amap') shift.apply(e.element); };
  app.map.getLayers().on('add', addedLayer);

  function choose(id) {
    chosen = id;
    Object.entries(made).forEach(([k, layers]) => layers.forEach((l) => l.setVisible(k === id)));
    if (id !== 'offline' && !made[id]) {
      made[id] = CHOICES[id](tk);
      made[id].forEach((l) => { l.set('id', `basemap-${id}`); app.map.addLayer(l); });
    }
    offline.refresh();
    if (id === 'amap') app.map.getLayers().forEach((l) => shift.apply(l));
    else shift.clear();
    note.hidden = id === 'offline';
    gcjNote.hidden = id !== 'amap';
    attribution.dataset.i18n = `attr_${id}`;
    applyLabels(note);
  }

  const list = document.getElementById('basemap-list');
  const choice = h('select', { id: 'basemap-choice' },
    ...['offline', ...Object.keys(CHOICES)].map((id) => h('option', { value: id, dataset: { i18n: `bg_${id}` } })));
  const key = h('input', { type: 'text', id: 'tianditu-tk', value: tk(), autocomplete: 'off', spellcheck: false });
  // The Tianditu choices need a key: without one they stay disabled.
  const enableTianditu = () => ['tdt_vec', 'tdt_img'].forEach((id) => { choice.querySelector(`option[value=${id}]`).disabled = !tk(); });
  key.addEventListener('change', () => {
    localStorage.setItem(TK_KEY, key.value.trim());
    enableTianditu();
    // Tiles already fetched carry the old key: ask again.
    ['tdt_vec', 'tdt_img'].forEach((id) => made[id]?.forEach((l) => l.getSource().refresh()));
    if (!tk() && chosen.startsWith('tdt')) { choice.value = 'offline'; choose('offline'); }
  });
  choice.addEventListener('change', () => choose(choice.value));
  enableTianditu();
  list.prepend(
    h('li', {}, h('label', { for: 'basemap-choice', dataset: { i18n: 'basemapList' } }), ' ', choice),
    h('li', {}, h('label', { for: 'tianditu-tk', dataset: { i18n: 'tdtKey' } }), ' ', key),
  );
  applyLabels(list.parentElement);
  applyLabels(note.parentElement);

  return { chosen: () => chosen };
}
