// Compare two scenarios side by side: two maps that share one view (so they pan and zoom together), each
// with its own circles, gaps and stations, and the difference table per group. Each side is a coverage
// answer of the API: the stored stations, the current edits, or a snapshot kept earlier.
import Map from 'ol/Map.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import * as st from './styles.js';

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

export function setupCompare(app) {
  const { state, t, view, layers, geojson } = app;
  const $ = (id) => document.getElementById(id);
  const maps = {};

  function choices() {
    const list = [['baseline', t('baselineName'), state.baseline], ['current', t('editsName'), state.current ?? state.baseline],
      ...state.snapshots.map((s, i) => [`snap-${i}`, s.name, s.coverage])];
    return list;
  }

  function fillSelects() {
    const list = choices();
    ['compare-a', 'compare-b'].forEach((id, k) => {
      const el = $(id);
      const keep = el.value;
      el.innerHTML = list.map(([v, label]) => `<option value="${v}">${esc(label)}</option>`).join('');
      el.value = list.some(([v]) => v === keep) ? keep : list[Math.min(k, list.length - 1)][0];
    });
  }
  document.querySelector('#tabs button[data-tab=compare]').addEventListener('click', fillSelects);

  function side(target, c) {
    const circles = new VectorSource({ features: geojson.readFeatures(c.circles) });
    const gaps = new VectorSource({ features: geojson.readFeatures(c.gaps) });
    const stations = new VectorSource({ features: c.stations.map(app.stationFeature) });
    maps[target]?.setTarget(null);
    maps[target] = new Map({
      target, view,
      layers: [new VectorLayer({ source: layers.units.getSource(), style: st.unitStyle(() => undefined, 'township') }),
        new VectorLayer({ source: layers.roads.getSource(), style: st.roadStyle }),
        new VectorLayer({ source: circles, style: st.circleStyle }), new VectorLayer({ source: gaps, style: st.gapStyle }),
        new VectorLayer({ source: stations, style: st.stationStyle(() => null) })],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
    });
  }

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
    $('compare-table').innerHTML = `<tr><th>${esc(t('group'))}</th><th>${esc(a[1])}</th><th>${esc(b[1])}</th><th>${esc(t('difference'))}</th></tr>`
      + Object.keys(ga).map((g) => {
        const d = (gb[g]?.covered ?? 0) - ga[g].covered;
        return `<tr><td>${esc(t(g))}</td><td>${Math.round(ga[g].covered)} (${(100 * ga[g].share).toFixed(1)}%)</td><td>${Math.round(gb[g]?.covered ?? 0)} (${(100 * (gb[g]?.share ?? 0)).toFixed(1)}%)</td><td class="${d > 0 ? 'delta-pos' : d < 0 ? 'delta-neg' : ''}">${d > 0 ? '+' : ''}${Math.round(d)}</td></tr>`;
      }).join('')
      + `<tr><td>${esc(t('l_stations'))}</td><td>${a[2].stations.length}</td><td>${b[2].stations.length}</td><td>${b[2].stations.length - a[2].stations.length}</td></tr>`
      + `<tr><td>${esc(t('l_gaps'))}</td><td>${a[2].report.gaps.length}</td><td>${b[2].report.gaps.length}</td><td>${b[2].report.gaps.length - a[2].report.gaps.length}</td></tr>`;
  });
  $('compare-close').addEventListener('click', () => { $('compare').hidden = true; Object.values(maps).forEach((m) => m.setTarget(null)); });
}
