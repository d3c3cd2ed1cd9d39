// window.__planner: a read-only view of the page's state for the browser tests and for debugging, plus the
// pixel helpers the tests use to click and drag features.
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { currentLanguage } from './i18n.js';
import { stations, params, coverageNow } from './state.js';

export function installHooks(store, m) {
  const groupsNow = () => Object.entries(coverageNow(store)?.report.groups ?? {});
  window.__planner = {
    get ready() { return !!store.baseline && store.busy === 0; },
    get busy() { return store.busy; },
    get error() { return store.error; },
    /** The API's (or the page's) last refusal of an input, as shown in the status line; null when none. */
    get refusal() { return store.refusal; },
    get language() { return currentLanguage(); },
    get region() { return store.region; },
    get group() { return store.group; },
    get minutes() { return params(store).minutes; },
    get mode() { return params(store).mode; },
    /** The travel limits the page checks: { minutes, speedKmh, modes }, each null when the API gives none. */
    get limits() { return JSON.parse(JSON.stringify(store.limits)); },
    get counts() { return Object.fromEntries(Object.entries(m.sources).map(([k, s]) => [k, s.getFeatures().length])); },
    get covered() { return Object.fromEntries(groupsNow().map(([g, c]) => [g, c.covered])); },
    get coveredShare() { return Object.fromEntries(groupsNow().map(([g, c]) => [g, c.share])); },
    get stations() { return stations(store).map((s) => ({ ...s })); },
    get edits() { return store.edits.map((e) => ({ ...e })); },
    get selection() { return store.selection; },
    get lastWhatIfMs() { return store.lastWhatIfMs; },
    get lastServerMs() { return store.lastServerMs; },
    get whatIfCount() { return store.whatIfCount; },
    get savedScenario() { return store.savedScenario; },
    /** The saved scenarios as last listed: { name, version, edits (count) }. */
    get savedList() { return store.savedList ?? null; },
    get recommendations() { return store.recommendations; },
    get lastCirclesMs() { return store.lastCirclesMs; },
    get circlesCount() { return store.circlesCount; },
    /** The last drag's live figures: pointer moves, answers drawn, the API's own ms per answer, and per move the ms until figures at least that fresh were drawn (null: not yet). */
    get drag() { const d = store.drag; return d ? { moves: d.moveTimes.length, answers: d.answers, latencies: [...d.latencies], serverMs: [...d.serverMs], ended: d.ended } : null; },
    /** True while the figures on screen are a drag's, not yet the drop's. */
    get live() { return !!store.live; },
    get visibleLayers() { return Object.entries(m.layers).filter(([, l]) => l.getVisible()).map(([k]) => k); },
    /** Page coordinates (CSS pixels) of a feature of a layer (a station by default), for tests that click or drag it. */
    pixelOf(id, layer = 'stations') {
      const f = m.sources[layer]?.getFeatureById(id);
      return f ? m.pagePixel(f.getGeometry().getCoordinates()) : null;
    },
    /** Page coordinates (CSS pixels) of a WGS84 longitude/latitude. */
    pixelAt(lon, lat) { return m.pagePixel(fromLonLat([lon, lat])); },
    /** Centres the map on a WGS84 longitude/latitude at a zoom level and draws it at once. */
    centreOn(lon, lat, zoom) {
      m.view.setCenter(fromLonLat([lon, lat]));
      m.view.setZoom(zoom);
      m.map.renderSync();
    },
    /** WGS84 longitude/latitude under a page pixel. */
    lonLatAt(x, y) {
      const r = m.map.getTargetElement().getBoundingClientRect();
      return toLonLat(m.map.getCoordinateFromPixel([x - r.left, y - r.top]));
    },
  };
}
