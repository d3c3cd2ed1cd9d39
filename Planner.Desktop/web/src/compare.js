// Compare two scenarios side by side: two maps that share one view (so they pan and zoom together), each
// with its own circles, gaps and stations, and the difference table per group. Each side is a coverage
// answer of the API: the stored stations, the current edits, or a snapshot kept earlier. The comparison
// maps draw the layer table's rows marked `compare`, the region's own layers from the main map's sources.
import Map from 'ol/Map.js';
import VectorSource from 'ol/source/Vector.js';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { LAYERS } from './layers.js';
import { makeLayer, stationFeature } from './map.js';
import { coverageNow } from './state.js';
import { h, fill, delta } from './dom.js';

/** Unshaded units, no selection: the comparison shows circles, gaps and stations, not the main map's choices. */
const PLAIN = { shareOf: () => undefined, unitLevel: 'township', group: 'total', maxDemand: 1, selectedId: () => null };

export function setupCompare(app) {
  const { store, t, view, sources, geojson } = app;
  const $ = (id) => document.getElementById(id);
  const maps = {};

  function choices() {
    return [['baseline', t('baselineName'), store.baseline], ['current', t('editsName'), coverageNow(store)],
      ...store.snapshots.map((s, i) => [`snap-${i}`, s.name, s.coverage])];
  }

  function fillSelects() {
    const list = choices();
    ['compare-a', 'compare-b'].forEach((id, k) => {
      const el = $(id);
      const keep = el.value;
      el.replaceChildren(...list.map(([v, label]) => new Option(label, v)));
      el.value = list.some(([v]) => v === keep) ? keep : list[Math.min(k, list.length - 1)][0];
    });
  }
  document.querySelector('#tabs button[data-tab=compare]').addEventListener('click', fillSelects);

  /** The features a comparison side shows for a layer: its coverage answer's, its stations, or the region's. */
  function sourceFor(row, c) {
    if (row.from === 'coverage') return new VectorSource({ features: geojson.readFeatures(c[row.id]) });
    if (row.edited) return new VectorSource({ features: c.stations.map(stationFeature) });
    return sources[row.id];
  }

  function side(target, c) {
    maps[target]?.setTarget(null);
    maps[target] = new Map({
      target, view,
      layers: LAYERS.filter((row) => row.compare).map((row) => makeLayer(row, sourceFor(row, c), PLAIN)),
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
    });
  }

  const figure = (g) => `${Math.round(g?.covered ?? 0)} (${(100 * (g?.share ?? 0)).toFixed(1)}%)`;
  const row = (label, a, b, d) => h('tr', {}, h('td', {}, label), h('td', {}, a), h('td', {}, b), d);
  const countRow = (label, a, b) => row(label, String(a), String(b), h('td', {}, String(b - a)));

  $('compare-show').addEventListener('click', () => {
    const list = choices();
    const a = list.find(([v]) => v === $('compare-a').value);
    const b = list.find(([v]) => v === $('compare-b').value);
    if (!a?.[2] || !b?.[2]) return;
    $('compare').hidden = false;
    $('compare-a-title').textContent = a[1];
    $('compare-b-title').textContent = b[1];
    side('map-a', a[2]);
    side('map-b', b[2]);
    const ga = a[2].report.groups; const gb = b[2].report.groups;
    fill('compare-table',
      h('tr', {}, [t('group'), a[1], b[1], t('difference')].map((x) => h('th', {}, x))),
      Object.keys(ga).map((g) => {
        const d = (gb[g]?.covered ?? 0) - ga[g].covered;
        return row(t(g), figure(ga[g]), figure(gb[g]), delta('td', d, Math.round(d)));
      }),
      countRow(t('l_stations'), a[2].stations.length, b[2].stations.length),
      countRow(t('l_gaps'), a[2].report.gaps.length, b[2].report.gaps.length));
  });
  $('compare-close').addEventListener('click', () => { $('compare').hidden = true; Object.values(maps).forEach((m) => m.setTarget(null)); });
}
