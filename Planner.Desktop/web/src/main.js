// The planners' map: a view over the Planner API. Coverage figures, circles and gaps always come from the
// API (GET /coverage and the collections for the stored stations, POST /whatif for edited ones); the page
// only draws them and turns the planner's gestures into edits. The pieces: state.js (the store and what is
// derived from the edits), layers.js (the layer table) and map.js (the map built from it), whatif.js (the
// requests), save.js (scenarios), region.js (loading a region), panels.js / controls.js (what is shown).
import { Translate } from 'ol/interaction.js';
import { toLonLat } from 'ol/proj.js';
import * as api from './api.js';
import { t, setLanguage, currentLanguage } from './i18n.js';
import { createStore, stations, params, coverageNow, selectedStationId } from './state.js';
import { createMap, geojson, fill } from './map.js';
import { createWhatIf } from './whatif.js';
import { createLiveDrag } from './live.js';
import { setupSave } from './save.js';
import { loadRegion } from './region.js';
import { within, describe, loadLimits } from './limits.js';
import { edit, newStation, round } from './edits.js';
import { renderSummary, renderWhatIf, renderInspect, renderLegend } from './panels.js';
import { renderLayerList, layerChecked, fillGroupSelect, applyLimits } from './controls.js';
import { installHooks } from './hooks.js';
import { setupRecommend } from './recommend.js';
import { setupCompare } from './compare.js';
import { setupExport } from './export.js';
import { setupBasemap } from './basemap.js';
import { setupSearch } from './search.js';
import { setupPrint } from './print.js';
import { setupCandidates } from './candidates.js';
import { setupReportExport } from './reportexport.js';
import { setupImport } from './importdialog.js';
import { setupVisits } from './visits.js';
import { setupTiers } from './tiers.js';

const $ = (id) => document.getElementById(id);
const store = createStore();
const ui = {};

/** The styling inputs of the moment: the chosen group and unit level, the shares on screen, the selection. */
function viewOf() {
  const shares = new globalThis.Map((coverageNow(store)?.report.units ?? []).map((u) => [u.code, u.groups?.[store.group]?.share]));
  const demand = ui.m?.sources.demand.getFeatures() ?? [];
  const maxDemand = demand.reduce((max, f) => Math.max(max, Number(f.get(store.group) || 0)), 1);
  return { shareOf: (code) => shares.get(code), unitLevel: store.unitLevel, group: store.group, maxDemand, selectedId: () => selectedStationId(store) };
}
ui.m = createMap('map', viewOf);
const m = ui.m;
installHooks(store, m);

// ---- status ----------------------------------------------------------------------------------------
// The key is kept so that a change of language can say the same status in the other language.
function setStatus(key, detail = '') { store.status = { key, detail }; $('status').textContent = t(key) + (detail ? `: ${detail}` : ''); $('status').title = $('status').textContent; }
async function busy(work) {
  store.busy++;
  try { return await work(); } catch (e) { store.error = String(e.message || e); setStatus('error', store.error); console.error(e); return undefined; } finally { store.busy--; }
}

/** An input that was not taken (by the API's problem or the page's limits): the change is undone and the reason shown. */
function refused(message, previous) {
  store.refusal = message;
  store.live = null;
  if (previous) {
    // The refused change leaves no step to undo.
    if (store.past.at(-1) === previous) store.past = store.past.slice(0, -1);
    store.edits = previous; showEdits();
  }
  setStatus('refused', message);
}

// ---- drawing ---------------------------------------------------------------------------------------
function showCoverage(c, withCircles = true) {
  if (withCircles) fill(m.sources.circles, geojson.readFeatures(c.circles));
  fill(m.sources.gaps, geojson.readFeatures(c.gaps));
  m.restyle();
  renderAll();
  m.map.renderSync();
}

const context = () => ({ store, coverage: coverageNow(store), sources: m.sources, t, onEdit: (edits) => change(edits) });
const renderInspectPanel = () => renderInspect($('inspect'), context());
function renderAll() {
  renderSummary($('summary'), context());
  renderInspectPanel();
  renderWhatIf(context());
  renderLayerList(m.sources, applyVisibility);
  renderLegend($('legend'), context());
  updateUndoButtons();
}
const applyVisibility = () => m.setVisibility(layerChecked, $('demand-style').value);

/** Puts the parameters in force into the toolbar and the stations in force on the map. */
function showEdits() {
  const { minutes, mode } = params(store);
  $('minutes').value = minutes; $('mode').value = mode;
  m.showStations(stations(store));
}

// ---- edits -----------------------------------------------------------------------------------------
const whatIf = createWhatIf({ store, api, busy, refused, show: showCoverage, renderWhatIf: () => renderWhatIf(context()) });

/** Appends edits to the list, shows what they derive and asks the API (the only way the page changes). */
function change(edits, started = performance.now()) {
  const previous = store.edits;
  store.past = [...store.past, previous];
  store.future = [];
  store.edits = [...previous, ...edits];
  if (store.refusal) { store.refusal = null; setStatus('ready'); }
  showEdits();
  return whatIf.run(started, previous);
}

/**
 * Puts an earlier or later edit list in force (undo, redo, reset): shown and asked for as any change; with no
 * edits left the stored stations' coverage is shown as it was loaded.
 */
function restore(edits) {
  store.edits = edits;
  store.live = null;
  if (store.refusal) { store.refusal = null; setStatus('ready'); }
  showEdits();
  updateUndoButtons();
  if (!edits.length) { store.current = null; showCoverage(store.baseline); return undefined; }
  return whatIf.run(performance.now(), null);
}

/** Undo: the edit list before the last change (a drag of several stations, one field, a reset) is in force again. */
function undo() {
  if (!store.past.length) return;
  store.future = [store.edits, ...store.future];
  const edits = store.past.at(-1);
  store.past = store.past.slice(0, -1);
  restore(edits);
}

/** Redo: the change undone last is in force again. */
function redo() {
  if (!store.future.length) return;
  store.past = [...store.past, store.edits];
  const [edits, ...rest] = store.future;
  store.future = rest;
  restore(edits);
}

function updateUndoButtons() {
  $('undo').disabled = !store.past.length;
  $('redo').disabled = !store.future.length;
}

function paramsChanged() {
  const started = performance.now();
  const now = params(store);
  const text = $('minutes').value.trim();
  const minutes = text === '' ? now.minutes : Number(text);
  if (!within(store.limits.minutes, minutes)) {
    refused(`${t('minutes')}: ${text} — ${describe(store.limits.minutes, t)}`, null);
    $('minutes').value = now.minutes;
    return;
  }
  const mode = $('mode').value;
  const edits = [...(minutes !== now.minutes ? [edit.minutes(minutes)] : []), ...(mode !== now.mode ? [edit.mode(mode)] : [])];
  if (edits.length) change(edits, started);
}

const liveDrag = createLiveDrag({ store, api, busy, show: (c) => showCoverage(c, false) });

/** The move edits of the stations a translation is dragging, at their positions of the moment. */
function movesOf(evt) {
  const known = new Set(stations(store).map((s) => s.id));
  return evt.features.getArray().filter((f) => known.has(f.getId()))
    .map((f) => edit.move(f.getId(), ...toLonLat(f.getGeometry().getCoordinates())));
}

const translate = new Translate({ layers: [m.layers.stations] });
translate.on('translating', (evt) => {
  const moves = movesOf(evt);
  if (moves.length) liveDrag.move(moves);
});
translate.on('translateend', (evt) => {
  liveDrag.end();
  // OpenLayers ends a translation on every pointer-up over a station, clicks included: a click is no move.
  if (evt.startCoordinate && evt.coordinate[0] === evt.startCoordinate[0] && evt.coordinate[1] === evt.startCoordinate[1]) {
    if (store.live) { store.live = null; showCoverage(coverageNow(store), false); }
    return;
  }
  const started = performance.now();
  const moves = movesOf(evt);
  if (!moves.length) return;
  store.selection = { kind: 'station', id: moves[moves.length - 1].station_id };
  change(moves, started);
});
m.map.addInteraction(translate);

m.map.on('singleclick', (evt) => {
  // While candidate sites are being placed (candidates.js), a click places or removes a site and nothing else.
  if (app.isPlacingCandidates?.()) return;
  if (store.tool === 'add') {
    const id = `new-${store.nextId++}`;
    const s = newStation(id, `${t('newStation')} ${id.slice(4)}`, ...toLonLat(evt.coordinate).map(round), $('new-level').value, $('new-status').value);
    store.selection = { kind: 'station', id };
    change([edit.add(s)]);
    return;
  }
  const hit = m.pick(evt.pixel, store.unitLevel);
  if (store.tool === 'remove') {
    if (hit?.kind === 'station') { store.selection = null; change([edit.remove(hit.id)]); }
    return;
  }
  store.selection = hit;
  m.layers.stations.changed();
  renderInspectPanel();
  showTab('inspect');
});

m.map.on('pointermove', (evt) => {
  const [lon, lat] = toLonLat(evt.coordinate);
  $('coords').textContent = `${lon.toFixed(5)}°E ${lat.toFixed(5)}°N`;
});

function showTab(name) {
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
  document.querySelectorAll('.tab').forEach((d) => { d.hidden = d.id !== `tab-${name}`; });
}

// ---- wiring ----------------------------------------------------------------------------------------
const app = {
  store, map: m.map, view: m.view, sources: m.sources, layers: m.layers, api, t, busy, showTab, setStatus, geojson, renderAll,
  /** Adds stations as new ones (one add edit each) and computes once. */
  addStations(list) { return change(list.map(edit.add)); },
  /** Puts a saved scenario's edits in force as the page's edit list (a fresh undo history). */
  openEdits(edits) {
    store.past = []; store.future = []; store.selection = null;
    // Stations the page added are new-1, new-2, ...: later additions must not reuse their ids.
    const used = edits.filter((e) => e.kind === 'add_station' && /^new-\d+$/.test(e.id)).map((e) => Number(e.id.slice(4)));
    store.nextId = Math.max(store.nextId, ...used.map((n) => n + 1));
    return restore(edits.map((e) => ({ ...e })));
  },
};
let saving = null;
const basemap = setupBasemap(app);
const load = async (name) => { basemap.show(name); await loadRegion(app, name, { showEdits, showCoverage, renderAll }); await saving?.listScenarios(); };

$('group').addEventListener('change', (e) => { store.group = e.target.value; m.restyle(); renderAll(); });
$('unit-level').addEventListener('change', (e) => { store.unitLevel = e.target.value; m.restyle(); });
$('demand-style').addEventListener('change', applyVisibility);
$('minutes').addEventListener('change', paramsChanged);
$('mode').addEventListener('change', paramsChanged);
$('region').addEventListener('change', (e) => busy(() => load(e.target.value)));
$('zoom-unit').addEventListener('change', (e) => {
  const f = m.sources.units.getFeatures().find((u) => u.get('code') === e.target.value);
  if (f) { m.view.fit(f.getGeometry().getExtent(), { padding: [30, 30, 30, 30], duration: 300 }); store.selection = { kind: 'unit', id: e.target.value }; renderInspectPanel(); }
});
document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
document.querySelectorAll('input[name=tool]').forEach((r) => r.addEventListener('change', () => {
  store.tool = document.querySelector('input[name=tool]:checked').value;
  translate.setActive(store.tool === 'select');
}));
$('reset-edits').addEventListener('click', () => {
  if (!store.edits.length) return;
  store.past = [...store.past, store.edits];
  store.future = [];
  restore([]);
});
$('undo').addEventListener('click', undo);
$('redo').addEventListener('click', redo);
document.addEventListener('keydown', (e) => {
  // In a text field Ctrl+Z is the field's own undo.
  if (!(e.ctrlKey || e.metaKey) || e.target.closest?.('input, select, textarea')) return;
  const key = e.key.toLowerCase();
  if (key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); } else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); redo(); }
});
$('language').addEventListener('click', () => {
  setLanguage(currentLanguage() === 'zh' ? 'en' : 'zh');
  fillGroupSelect(store.groups, store.group, t);
  setStatus(store.status.key, store.status.detail);
  renderAll();
});

saving = setupSave(app);
setupRecommend(app);
setupCompare(app);
setupExport(app);
setupSearch(app);
setupCandidates(app);
setupPrint({ ...app, exportPng: () => window.__planner.exportPng() });
setupReportExport(app);
setupImport(app, api.currentApiKey);
setupVisits(app);
setupTiers({ ...app, recompute: () => restore(store.edits) });

async function start() {
  const hash = new URLSearchParams(location.hash.slice(1));
  api.setApiKey(hash.get('key') || sessionStorage.getItem('planner.key') || '');
  if (hash.get('key')) { sessionStorage.setItem('planner.key', hash.get('key')); history.replaceState(null, '', location.pathname); }
  if (hash.get('lang')) setLanguage(hash.get('lang')); else setLanguage(currentLanguage());
  renderLayerList(m.sources, applyVisibility);
  applyVisibility();
  const [list, limits] = await Promise.all([api.regions(), loadLimits(api)]);
  store.limits = limits;
  applyLimits(limits, t);
  // The region's own name (贵溪市) shows; its URL name (guixi) is the value. Names are data: set as text.
  $('region').replaceChildren(...list.map((r) => new Option(r.title || r.name, r.name)));
  const wanted = hash.get('region') || list[0]?.name;
  if (!wanted) { setStatus('error', 'no region'); return; }
  $('region').value = wanted;
  await load(wanted);
}
busy(start);
