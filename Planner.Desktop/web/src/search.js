// Search over the region's places: units (by name or division code), stations (by name or id) and public
// buildings (by name). Choosing a hit zooms to it (a unit's whole extent, a point at street level), selects it
// and opens its panel. Names are data: the hits are built as text.
import { dictionary, t, applyLabels } from './i18n.js';
import { h, fill } from './dom.js';

Object.assign(dictionary.en, {
  search: 'Search', searchHint: 'Name or division code', searchNone: 'No match',
  k_county: 'county', k_township: 'township', k_village: 'village', k_grid: 'grid', k_station: 'station', k_public_building: 'public building',
});
Object.assign(dictionary.zh, {
  search: '搜索', searchHint: '名称或区划代码', searchNone: '无匹配',
  k_county: '县', k_township: '乡镇街道', k_village: '村社区', k_grid: '网格', k_station: '站点', k_public_building: '公共建筑',
});

/** How many hits the list shows. */
const MAX_HITS = 20;

const LEVEL_ORDER = { county: 0, township: 1, village: 2, grid: 3 };

/** The street-level zoom a point hit is shown at. */
const POINT_ZOOM = 16;

/** The places of the map's sources that match the text: name contains it (any case), or code/id starts with it. */
export function findPlaces(sources, text) {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const matches = (name, code) => (name != null && String(name).toLowerCase().includes(q)) || (code != null && String(code).toLowerCase().startsWith(q));
  const hits = [];
  sources.units.getFeatures().forEach((f) => {
    if (matches(f.get('name'), f.get('code'))) hits.push({ kind: 'unit', level: f.get('level'), id: String(f.get('code')), name: f.get('name') ?? f.get('code'), feature: f });
  });
  sources.stations.getFeatures().forEach((f) => {
    if (matches(f.get('name'), f.getId())) hits.push({ kind: 'station', level: 'station', id: String(f.getId()), name: f.get('name') ?? f.getId(), feature: f });
  });
  (sources.public_buildings?.getFeatures() ?? []).forEach((f) => {
    if (matches(f.get('name'), null)) hits.push({ kind: 'public_building', level: 'public_building', id: String(f.getId() ?? f.get('id')), name: f.get('name'), feature: f });
  });
  // Exact names first, then the larger units, then stations and buildings, each by code or id.
  const rank = (x) => (String(x.name).toLowerCase() === q || x.id.toLowerCase() === q ? 0 : 1) * 10 + (LEVEL_ORDER[x.level] ?? 5);
  return hits.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id)).slice(0, MAX_HITS);
}

/** Wires the search box (app: map, view, store, sources, renderAll, showTab). */
export function setupSearch(app) {
  const input = document.getElementById('place-search');
  const list = document.getElementById('search-results');
  const placeholder = () => { input.placeholder = t('searchHint'); };
  placeholder();
  document.getElementById('language').addEventListener('click', placeholder);

  /** Zooms to a hit, selects it and shows its panel. */
  function go(hit) {
    const geometry = hit.feature.getGeometry();
    if (hit.kind === 'unit') app.view.fit(geometry.getExtent(), { padding: [30, 30, 30, 30] });
    else { app.view.setCenter(geometry.getCoordinates()); app.view.setZoom(POINT_ZOOM); }
    app.store.selection = { kind: hit.kind, id: hit.id, level: hit.kind === 'unit' ? hit.level : undefined };
    app.layers.stations.changed();
    app.renderAll();
    app.showTab('inspect');
    app.map.renderSync();
  }

  function show() {
    const hits = findPlaces(app.sources, input.value);
    if (!input.value.trim()) { list.replaceChildren(); return hits; }
    if (!hits.length) { fill(list, h('li', { className: 'hint', dataset: { i18n: 'searchNone' } }, t('searchNone'))); return hits; }
    fill(list, hits.map((hit) => {
      const button = h('button', { type: 'button', className: 'search-hit', dataset: { kind: hit.kind, id: hit.id } },
        h('span', {}, String(hit.name)), ' ', h('small', {}, `${t(`k_${hit.level}`)} ${hit.kind === 'unit' ? hit.id : ''}`.trim()));
      button.addEventListener('click', () => go(hit));
      return h('li', {}, button);
    }));
    return hits;
  }

  input.addEventListener('input', show);
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const [first] = show();
    if (first) go(first);
  });
  applyLabels(input.parentElement);
  const hooks = window.__planner;
  if (hooks) {
    /** The hits for a text, as the list shows them: [{ kind, level, id, name }]. */
    hooks.search = (text) => findPlaces(app.sources, text).map(({ kind, level, id, name }) => ({ kind, level, id, name }));
    /** The view's centre and extent in the map's Web Mercator metres. */
    Object.defineProperty(hooks, 'view', { get: () => ({ centre: app.view.getCenter(), extent: app.view.calculateExtent(app.map.getSize()), zoom: app.view.getZoom() }) });
  }
  return { go };
}
