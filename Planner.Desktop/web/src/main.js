// The planners' map: a view over the Planner API. Coverage figures, circles and gaps always come from the
// API (GET /coverage and the collections for the stored stations, POST /whatif for edited ones); this
// module only draws them and turns the planner's gestures into requests.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import HeatmapLayer from 'ol/layer/Heatmap.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { Translate } from 'ol/interaction.js';
import Collection from 'ol/Collection.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import * as api from './api.js';
import { t, setLanguage, currentLanguage, applyLabels } from './i18n.js';
import * as st from './styles.js';
import { renderSummary, renderWhatIf, renderInspect, renderLegend } from './panels.js';
import { setupRecommend } from './recommend.js';
import { setupCompare } from './compare.js';
import { setupExport } from './export.js';

const $ = (id) => document.getElementById(id);
const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

/** Everything the page knows; window.__planner exposes a read-only view of it for tests and debugging. */
const state = {
  region: null, groups: ['total'], group: 'total', minutes: 15, mode: 'walk', unitLevel: 'township',
  baseStations: [], stations: [], edits: [], baseline: null, current: null, selection: null,
  tool: 'select', lastWhatIfMs: null, lastCirclesMs: null, circlesCount: 0, lastServerMs: null, whatIfCount: 0, busy: 0, error: null, nextId: 1, snapshots: [], status: { key: 'loading', detail: '' },
};

const sources = Object.fromEntries(['units', 'roads', 'demand', 'stations', 'circles', 'gaps', 'teams', 'needs', 'public_buildings', 'recommended'].map((k) => [k, new VectorSource()]));
const selectedId = () => (state.selection?.kind === 'station' ? state.selection.id : null);
const layers = {
  units: new VectorLayer({ source: sources.units, style: st.unitStyle(() => undefined, 'township') }),
  roads: new VectorLayer({ source: sources.roads, style: st.roadStyle }),
  demand: new VectorLayer({ source: sources.demand }),
  heat: new HeatmapLayer({ source: sources.demand, blur: 18, radius: 10, visible: false }),
  circles: new VectorLayer({ source: sources.circles, style: st.circleStyle }),
  gaps: new VectorLayer({ source: sources.gaps, style: st.gapStyle }),
  teams: new VectorLayer({ source: sources.teams, style: st.teamStyle }),
  needs: new VectorLayer({ source: sources.needs, style: st.needStyle }),
  public_buildings: new VectorLayer({ source: sources.public_buildings, style: st.publicBuildingStyle }),
  stations: new VectorLayer({ source: sources.stations, style: st.stationStyle(selectedId), updateWhileInteracting: true }),
  recommended: new VectorLayer({ source: sources.recommended, style: st.recommendedStyle }),
};
Object.entries(layers).forEach(([k, l]) => l.set('id', k));

const view = new View({ center: fromLonLat([117.2, 28.3]), zoom: 11 });
const map = new Map({
  target: 'map', view,
  layers: [layers.units, layers.roads, layers.heat, layers.circles, layers.gaps, layers.demand, layers.public_buildings, layers.teams, layers.needs, layers.stations, layers.recommended],
  controls: defaultControls({ attribution: false }).extend([new ScaleLine({ units: 'metric' })]),
});

// ---- status and test hooks -------------------------------------------------------------------------
// The key is kept so that a change of language can say the same status in the other language.
function setStatus(key, detail = '') { state.status = { key, detail }; $('status').textContent = t(key) + (detail ? `: ${detail}` : ''); }
async function busy(work) {
  state.busy++;
  try { return await work(); } catch (e) { state.error = String(e.message || e); setStatus('error', state.error); console.error(e); return undefined; } finally { state.busy--; }
}

function coverageNow() { return state.current ?? state.baseline; }

window.__planner = {
  get ready() { return !!state.baseline && state.busy === 0; },
  get busy() { return state.busy; },
  get error() { return state.error; },
  get language() { return currentLanguage(); },
  get region() { return state.region; },
  get group() { return state.group; },
  get minutes() { return state.minutes; },
  get mode() { return state.mode; },
  get counts() { return Object.fromEntries(Object.entries(sources).map(([k, s]) => [k, s.getFeatures().length])); },
  get covered() { return Object.fromEntries(Object.entries(coverageNow()?.report.groups ?? {}).map(([g, c]) => [g, c.covered])); },
  get coveredShare() { return Object.fromEntries(Object.entries(coverageNow()?.report.groups ?? {}).map(([g, c]) => [g, c.share])); },
  get stations() { return state.stations.map((s) => ({ ...s })); },
  get edits() { return state.edits.map((e) => ({ ...e })); },
  get selection() { return state.selection; },
  get lastWhatIfMs() { return state.lastWhatIfMs; },
  get lastServerMs() { return state.lastServerMs; },
  get whatIfCount() { return state.whatIfCount; },
  get savedScenario() { return state.savedScenario ?? null; },
  get recommendations() { return state.recommendations ?? null; },
  get lastCirclesMs() { return state.lastCirclesMs; },
  get circlesCount() { return state.circlesCount; },
  get visibleLayers() { return Object.entries(layers).filter(([, l]) => l.getVisible()).map(([k]) => k); },
  /** Page coordinates (CSS pixels) of a feature of a layer (a station by default), for tests that click or drag it. */
  pixelOf(id, layer = 'stations') {
    const f = sources[layer]?.getFeatureById(id);
    if (!f) return null;
    const p = map.getPixelFromCoordinate(f.getGeometry().getCoordinates());
    const r = map.getTargetElement().getBoundingClientRect();
    return [r.left + p[0], r.top + p[1]];
  },
  /** Page coordinates (CSS pixels) of a WGS84 longitude/latitude. */
  pixelAt(lon, lat) {
    const p = map.getPixelFromCoordinate(fromLonLat([lon, lat]));
    const r = map.getTargetElement().getBoundingClientRect();
    return [r.left + p[0], r.top + p[1]];
  },
  /** Centres the map on a WGS84 longitude/latitude at a zoom level and draws it at once. */
  centreOn(lon, lat, zoom) {
    view.setCenter(fromLonLat([lon, lat]));
    view.setZoom(zoom);
    map.renderSync();
  },
  /** WGS84 longitude/latitude under a page pixel. */
  lonLatAt(x, y) {
    const r = map.getTargetElement().getBoundingClientRect();
    return toLonLat(map.getCoordinateFromPixel([x - r.left, y - r.top]));
  },
};

// ---- loading ---------------------------------------------------------------------------------------
function read(fc) { return geojson.readFeatures(fc); }
function fill(source, features) { source.clear(true); source.addFeatures(features); }

function stationFeature(s) {
  const f = new Feature({ geometry: new Point(fromLonLat([s.lon, s.lat])), id: s.id, name: s.name, level: s.level, status: s.status, social_workers: s.socialWorkers });
  f.setId(s.id);
  return f;
}

function drawStations() { fill(sources.stations, state.stations.map(stationFeature)); }

async function loadRegion(name) {
  state.region = name;
  state.edits = []; state.current = null; state.selection = null; state.snapshots = [];
  setStatus('loading');
  // Optional layers (teams, needs, public buildings) may be empty, or missing on an older server: both draw nothing.
  const [units, roads, demand, stations, teams, needs, buildings] = await Promise.all(
    ['units', 'roads', 'demand', 'stations', 'teams', 'needs', 'public_buildings'].map((c) => api.items(name, c).catch(() => ({ type: 'FeatureCollection', features: [] }))));
  fill(sources.units, read(units)); fill(sources.roads, read(roads)); fill(sources.demand, read(demand));
  state.demandGeoJson = demand;
  fill(sources.teams, read(teams)); fill(sources.needs, read(needs)); fill(sources.public_buildings, read(buildings)); sources.recommended.clear();
  state.baseStations = stations.features.map((f) => ({
    id: String(f.id ?? f.properties.id), name: f.properties.name, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1],
    level: f.properties.level, status: f.properties.status, socialWorkers: f.properties.social_workers ?? 0, unitCode: f.properties.unit_code ?? null,
    supervisors: f.properties.supervisors ?? null,
  }));
  state.stations = state.baseStations.map((s) => ({ ...s }));
  drawStations();
  const groupNames = Object.keys(demand.features[0]?.properties ?? {}).filter((k) => !['id', 'unit_code'].includes(k));
  state.groups = groupNames.length ? groupNames : ['total'];
  if (!state.groups.includes(state.group)) state.group = state.groups[0];
  fillGroupSelect();
  fillUnitSelect();
  const extent = sources.units.getExtent();
  const e = isEmpty(extent) ? extend(createEmpty(), sources.roads.getExtent()) : extent;
  if (!isEmpty(e)) view.fit(e, { padding: [20, 20, 20, 20] });
  await loadBaseline(true);
  setStatus('ready');
}

/** The stored stations' coverage through the API's coverage report and its circles and gaps layers. */
async function loadBaseline(useRegionDefaults = false) {
  if (useRegionDefaults) {
    const defaults = await api.coverage(state.region, {});
    state.minutes = defaults.minutes; state.mode = defaults.mode;
    $('minutes').value = state.minutes; $('mode').value = state.mode;
  }
  const params = { minutes: state.minutes, mode: state.mode };
  // The coverage JSON carries no standards checks; the what-if answer for the stored stations does.
  const [report, circles, gaps, stored] = await Promise.all([
    api.coverage(state.region, params), api.items(state.region, 'circles', params), api.items(state.region, 'gaps', params),
    api.whatIf(state.region, { ...params, stations: state.baseStations, circles: false }).catch(() => null)]);
  state.baseline = { report, circles, gaps, checks: report.checks ?? stored?.checks ?? null, minutes: state.minutes, mode: state.mode, stations: state.baseStations.map((s) => ({ ...s })) };
  if (state.edits.length === 0) { state.current = null; showCoverage(state.baseline); } else { await runWhatIf(); }
}

function showCoverage(c, withCircles = true) {
  if (withCircles) fill(sources.circles, read(c.circles));
  fill(sources.gaps, read(c.gaps));
  restyleUnits();
  renderAll();
}

function restyleUnits() {
  const c = coverageNow();
  const shares = new globalThis.Map((c?.report.units ?? []).map((u) => [u.code, u.groups?.[state.group]?.share]));
  layers.units.setStyle(st.unitStyle((code) => shares.get(code), state.unitLevel));
  const max = Math.max(1, ...sources.demand.getFeatures().map((f) => Number(f.get(state.group) || 0)));
  layers.demand.setStyle(st.demandStyle(state.group, max));
  layers.heat.setWeight((f) => Math.min(1, Number(f.get(state.group) || 0) / max));
}

// ---- what-if ---------------------------------------------------------------------------------------
let sequence = 0;
/**
 * Sends the edited station list to the API twice at once: without circles (the figures, fastest) and with
 * them; each answer is drawn when it lands unless a newer edit was sent meanwhile. The times from gesture to
 * drawn figures and to drawn circles are kept.
 */
async function runWhatIf(started = performance.now()) {
  const mine = ++sequence;
  const request = { minutes: state.minutes, mode: state.mode, stations: state.stations.map((s) => ({ ...s })) };
  const snapshot = { minutes: state.minutes, mode: state.mode, stations: request.stations };
  const figures = busy(async () => {
    const result = await api.whatIf(state.region, { ...request, circles: false });
    if (mine !== sequence || !result) return;
    state.current = { ...snapshot, report: result.report, circles: (state.current ?? state.baseline).circles, gaps: result.gaps, checks: result.checks ?? null };
    state.lastServerMs = result.elapsedMs ?? null;
    showCoverage(state.current, false);
    map.renderSync();
    state.lastWhatIfMs = Math.round(performance.now() - started);
    state.whatIfCount++;
    renderWhatIfPanel();
  });
  const circles = busy(async () => {
    const result = await api.whatIf(state.region, { ...request, circles: true });
    if (mine !== sequence || !result) return;
    await figures;
    if (mine !== sequence) return;
    state.current = { ...snapshot, report: result.report, circles: result.circles, gaps: result.gaps, checks: result.checks ?? null };
    showCoverage(state.current);
    map.renderSync();
    state.lastCirclesMs = Math.round(performance.now() - started);
    state.circlesCount++;
    renderWhatIfPanel();
  });
  await Promise.all([figures, circles]);
}

function edit(e) {
  state.edits.push(e);
  return runWhatIf();
}

function paramsChanged() {
  const minutes = Number($('minutes').value);
  if (!(minutes > 0 && minutes <= 120)) return;
  const started = performance.now();
  if (minutes !== state.minutes) { state.minutes = minutes; state.edits.push({ kind: 'set_minutes', minutes }); }
  const mode = $('mode').value;
  if (mode !== state.mode) { state.mode = mode; state.edits.push({ kind: 'set_mode', mode }); }
  runWhatIf(started);
}

const translate = new Translate({ layers: [layers.stations] });
translate.on('translateend', (evt) => {
  // OpenLayers ends a translation on every pointer-up over a station, clicks included: a click is no move.
  if (evt.startCoordinate && evt.coordinate[0] === evt.startCoordinate[0] && evt.coordinate[1] === evt.startCoordinate[1]) return;
  const started = performance.now();
  evt.features.forEach((f) => {
    const [lon, lat] = toLonLat(f.getGeometry().getCoordinates());
    const s = state.stations.find((x) => x.id === f.getId());
    if (!s) return;
    s.lon = round(lon); s.lat = round(lat);
    state.edits.push({ kind: 'move_station', station_id: s.id, lon: s.lon, lat: s.lat });
    state.selection = { kind: 'station', id: s.id };
  });
  layers.stations.changed();
  runWhatIf(started);
});
map.addInteraction(translate);
const round = (v) => Math.round(v * 1e7) / 1e7;

map.on('singleclick', (evt) => {
  if (state.tool === 'add') {
    const [lon, lat] = toLonLat(evt.coordinate);
    const id = `new-${state.nextId++}`;
    const s = { id, name: `${t('newStation')} ${id.slice(4)}`, lon: round(lon), lat: round(lat), level: 'township_station', status: 'operating', socialWorkers: 3, unitCode: null, supervisors: null };
    state.stations.push(s);
    drawStations();
    state.selection = { kind: 'station', id };
    edit({ kind: 'add_station', id, name: s.name, lon: s.lon, lat: s.lat, level: s.level, status: s.status, social_workers: s.socialWorkers });
    return;
  }
  const hit = pick(evt.pixel);
  if (state.tool === 'remove') {
    if (hit?.kind === 'station') {
      state.stations = state.stations.filter((s) => s.id !== hit.id);
      drawStations();
      state.selection = null;
      edit({ kind: 'remove_station', station_id: hit.id });
    }
    return;
  }
  state.selection = hit;
  layers.stations.changed();
  renderInspectPanel();
  showTab('inspect');
});

const PICK_KINDS = { stations: 'station', recommended: 'recommended', teams: 'team', needs: 'need', public_buildings: 'public_building', gaps: 'gap', units: 'unit' };
const PICK_ORDER = Object.keys(PICK_KINDS);

/** What a click hits: points before gaps before units; among units, the level being shaded first. */
function pick(pixel) {
  let best = null;
  let bestRank = Infinity;
  map.forEachFeatureAtPixel(pixel, (f, layer) => {
    const layerId = layer?.get('id');
    if (!(layerId in PICK_KINDS)) return;
    const rank = PICK_ORDER.indexOf(layerId) * 2 + (layerId === 'units' && f.get('level') !== state.unitLevel ? 1 : 0);
    if (rank < bestRank) {
      bestRank = rank;
      best = { kind: PICK_KINDS[layerId], id: String(f.getId() ?? f.get('code') ?? f.get('id')), level: f.get('level') };
    }
  }, { hitTolerance: 4 });
  return best;
}

map.on('pointermove', (evt) => {
  const [lon, lat] = toLonLat(evt.coordinate);
  $('coords').textContent = `${lon.toFixed(5)}°E ${lat.toFixed(5)}°N`;
});

// ---- panels ----------------------------------------------------------------------------------------
function context() {
  return { state, coverage: coverageNow(), sources, t };
}
function renderInspectPanel() { renderInspect($('inspect'), context()); }
function renderWhatIfPanel() { renderWhatIf(context()); }
function renderAll() {
  renderSummary($('summary'), context());
  renderInspectPanel();
  renderWhatIfPanel();
  renderLayerList();
  renderLegend($('legend'), context());
}

const LAYER_ORDER = ['units', 'roads', 'demand', 'stations', 'circles', 'gaps', 'teams', 'needs', 'public_buildings', 'recommended'];
function renderLayerList() {
  const ul = $('layer-list');
  if (!ul.children.length) {
    LAYER_ORDER.forEach((k) => {
      const li = document.createElement('li');
      li.innerHTML = `<input type="checkbox" id="layer-${k}" checked><span class="swatch" style="${st.swatchCss(k)}"></span><label for="layer-${k}" data-i18n="l_${k}"></label><span class="count"></span>`;
      li.querySelector('input').addEventListener('change', (e) => setLayerVisible(k, e.target.checked));
      ul.appendChild(li);
    });
    applyLabels(ul);
  }
  LAYER_ORDER.forEach((k) => { $(`layer-${k}`).parentElement.querySelector('.count').textContent = sources[k].getFeatures().length; });
}

function setLayerVisible(k, on) {
  if (k === 'demand') {
    const heat = $('demand-style').value === 'heat';
    layers.demand.setVisible(on && !heat); layers.heat.setVisible(on && heat);
  } else layers[k].setVisible(on);
}

function fillGroupSelect() {
  $('group').innerHTML = state.groups.map((g) => `<option value="${g}" data-i18n="${g}">${t(g)}</option>`).join('');
  $('group').value = state.group;
}

function fillUnitSelect() {
  const units = sources.units.getFeatures().filter((f) => ['county', 'township', 'village'].includes(f.get('level')))
    .sort((a, b) => String(a.get('code')).localeCompare(String(b.get('code'))));
  $('zoom-unit').innerHTML = `<option value="" data-i18n="chooseUnit">${t('chooseUnit')}</option>`
    + units.map((f) => `<option value="${f.get('code')}">${f.get('level') === 'village' ? '\u00a0\u00a0' : ''}${f.get('name')}</option>`).join('');
}

function showTab(name) {
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach((d) => { d.hidden = d.id !== `tab-${name}`; });
}

// ---- wiring ----------------------------------------------------------------------------------------
$('group').addEventListener('change', (e) => { state.group = e.target.value; restyleUnits(); renderAll(); });
$('unit-level').addEventListener('change', (e) => { state.unitLevel = e.target.value; restyleUnits(); });
$('demand-style').addEventListener('change', () => setLayerVisible('demand', $('layer-demand').checked));
$('minutes').addEventListener('change', paramsChanged);
$('mode').addEventListener('change', paramsChanged);
$('region').addEventListener('change', (e) => busy(() => loadRegion(e.target.value)));
$('zoom-unit').addEventListener('change', (e) => {
  const f = sources.units.getFeatures().find((u) => u.get('code') === e.target.value);
  if (f) { view.fit(f.getGeometry().getExtent(), { padding: [30, 30, 30, 30], duration: 300 }); state.selection = { kind: 'unit', id: e.target.value }; renderInspectPanel(); }
});
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
document.querySelectorAll('input[name=tool]').forEach((r) => r.addEventListener('change', () => {
  state.tool = document.querySelector('input[name=tool]:checked').value;
  translate.setActive(state.tool === 'select');
}));
$('reset-edits').addEventListener('click', () => {
  state.edits = []; state.stations = state.baseStations.map((s) => ({ ...s })); state.current = null;
  state.minutes = state.baseline.minutes; state.mode = state.baseline.mode;
  $('minutes').value = state.minutes; $('mode').value = state.mode;
  drawStations(); showCoverage(state.baseline);
});
$('language').addEventListener('click', () => {
  setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh');
  fillGroupSelect();
  setStatus(state.status.key, state.status.detail);
  renderAll();
});

// Saving: the edit list goes to the scenarios API in its exchange form (POST creates; later saves under the
// same name PUT with If-Match carrying the ETag, so a stale write gets 412). The answer on screen is kept as a
// snapshot for the comparison.
let saved = null;
$('save-scenario').addEventListener('click', () => busy(async () => {
  const name = ($('scenario-name').value.trim() || `${t('scenario')}-${state.snapshots.length + 1}`).replace(/[^\p{L}\p{N}._-]+/gu, '-');
  $('scenario-name').value = name;
  const current = state.current ?? state.baseline;
  state.snapshots = state.snapshots.filter((x) => x.name !== name);
  state.snapshots.push({ name, coverage: { ...current, stations: current.stations ?? state.stations.map((s) => ({ ...s })) } });
  try {
    if (saved && saved.name === name && saved.region === state.region) {
      saved = { ...saved, ...(await api.scenarios.update(state.region, name, { edits: state.edits }, saved.etag)) };
    } else {
      saved = { name, region: state.region, ...(await api.scenarios.create(state.region, { name, edits: state.edits })) };
    }
    state.savedScenario = { name, etag: saved.etag, version: saved.scenario?.version ?? null };
    $('scenario-status').textContent = `${t('saved')}: ${name} (v${saved.scenario?.version ?? '?'})`;
  } catch (e) {
    $('scenario-status').textContent = e.status === 404 || e.status === 405 ? `${t('scenarioApiMissing')} (${name}: ${t('tabCompare')} ✓)` : `${t('error')}: ${e.message}`;
  }
}));

const app = {
  state, map, view, sources, layers, api, t, busy, showTab, setStatus, coverageNow, drawStations, edit, renderAll, geojson, stationFeature,
  addStations(list) { state.stations.push(...list); drawStations(); },
};
setupRecommend(app);
setupCompare(app);
setupExport(app);

async function start() {
  const params = new URLSearchParams(location.hash.slice(1));
  api.setApiKey(params.get('key') || sessionStorage.getItem('planner.key') || '');
  if (params.get('key')) { sessionStorage.setItem('planner.key', params.get('key')); history.replaceState(null, '', location.pathname); }
  if (params.get('lang')) setLanguage(params.get('lang')); else setLanguage(currentLanguage());
  renderLayerList();
  const list = await api.regions();
  // The region's own name (贵溪市) shows; its URL name (guixi) is the value. Names are data: set as text.
  $('region').replaceChildren(...list.map((r) => new Option(r.title || r.name, r.name)));
  const wanted = params.get('region') || list[0]?.name;
  if (!wanted) { setStatus('error', 'no region'); return; }
  $('region').value = wanted;
  await loadRegion(wanted);
}
busy(start);
