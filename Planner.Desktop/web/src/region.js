// Loading a region: its collections into the layer table's sources, its stored stations and default minutes
// and mode into the store's base, and the stored stations' coverage (the baseline).
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import { LAYERS, collections } from './layers.js';
import { fill } from './map.js';
import { fillGroupSelect, fillUnitSelect } from './controls.js';

const EMPTY = { type: 'FeatureCollection', features: [] };

/** A station feature of the stations collection in the what-if request's form. */
function baseStation(f) {
  return {
    id: String(f.id ?? f.properties.id), name: f.properties.name, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1],
    level: f.properties.level, status: f.properties.status, socialWorkers: f.properties.social_workers ?? 0, unitCode: f.properties.unit_code ?? null,
    supervisors: f.properties.supervisors ?? null,
  };
}

/**
 * Loads the region into the page (app: store, api, sources, view, t, geojson, setStatus; show: showEdits, showCoverage)
 * and clears the edits: a new region starts from its stored stations.
 */
export async function loadRegion(app, name, show) {
  const { store, api, sources, view, t } = app;
  store.region = name;
  store.edits = []; store.past = []; store.future = []; store.current = null; store.live = null; store.drag = null; store.selection = null; store.snapshots = []; store.refusal = null;
  app.setStatus('loading');
  // Optional layers may be empty, or missing on an older server: both draw nothing.
  const rows = collections();
  const answers = await Promise.all(rows.map((row) => api.items(name, row.id).catch((e) => { if (row.optional) return EMPTY; throw e; })));
  const got = Object.fromEntries(rows.map((row, i) => [row.id, answers[i]]));
  rows.filter((row) => !row.edited).forEach((row) => fill(sources[row.id], app.geojson.readFeatures(got[row.id])));
  LAYERS.filter((row) => row.from === 'recommend').forEach((row) => sources[row.id].clear());
  store.demandGeoJson = got.demand;

  const defaults = await api.coverage(name, {});
  store.base = { stations: rows.filter((row) => row.edited).flatMap((row) => got[row.id].features).map(baseStation), minutes: defaults.minutes, mode: defaults.mode };
  show.showEdits();
  const groupNames = Object.keys(got.demand.features[0]?.properties ?? {}).filter((k) => !['id', 'unit_code'].includes(k));
  store.groups = groupNames.length ? groupNames : ['total'];
  if (!store.groups.includes(store.group)) store.group = store.groups[0];
  fillGroupSelect(store.groups, store.group, t);
  fillUnitSelect(sources.units.getFeatures(), t);
  const extent = sources.units.getExtent();
  const e = isEmpty(extent) ? extend(createEmpty(), sources.roads.getExtent()) : extent;
  if (!isEmpty(e)) view.fit(e, { padding: [20, 20, 20, 20] });
  await loadBaseline(app, show);
  app.setStatus('ready');
}

/** The stored stations' coverage through the API's coverage report and its circles and gaps layers. */
async function loadBaseline(app, show) {
  const { store, api } = app;
  const { minutes, mode } = store.base;
  // No minutes or mode: the API's default circle (GB 50180's 15-minute walk capped at 1,000 m), the same one
  // what-if uses until an edit sets the minutes or the mode (edits.js paramsEdited).
  const params = store.circle ? { circle: store.circle } : {};
  // The coverage JSON carries no standards checks; the what-if answer for the stored stations does.
  const [report, circles, gaps, stored] = await Promise.all([
    api.coverage(store.region, params), api.items(store.region, 'circles', params), api.items(store.region, 'gaps', params),
    api.whatIf(store.region, { ...params, stations: store.base.stations, circles: false }).catch(() => null)]);
  store.baseline = { report, circles, gaps, checks: report.checks ?? stored?.checks ?? null, minutes, mode, stations: store.base.stations.map((s) => ({ ...s })) };
  store.current = null;
  show.showCoverage(store.baseline);
}
