// The page's state in one place. What the planner changed lives only in `edits`; the stations and the
// minutes and mode in force are derived from the region's stored stations and defaults plus the edits
// (edits.js), so there is no second list to keep in step. Everything else is what the page is showing.
import { stationsAfter, paramsAfter } from './edits.js';

/** A fresh store: nothing loaded yet. */
export function createStore() {
  return {
    region: null,
    /** The region as stored: its stations (what-if form) and default minutes and mode. */
    base: { stations: [], minutes: 15, mode: 'walk' },
    /** The planner's edits in order, in the scenarios API's exchange form; replaced, never changed in place. */
    edits: [],
    /** Undo and redo: the edit lists before each change (last is the latest) and those undone (first is the next). */
    past: [], future: [],
    /** Minutes, speed and modes the API accepts (GET /travel-limits); null parts are not checked on the page. */
    limits: { minutes: null, speedKmh: null, modes: null },
    /** The life circle tier chosen (tiers.js), null for the region's default. */
    circle: null,
    groups: ['total'], group: 'total', unitLevel: 'township', tool: 'select',
    /** Coverage answers: of the stored stations, and of the edits (null while there are none). */
    baseline: null, current: null,
    /** The figures of a station being dragged (live.js), drawn until the drop's answer lands; and that drag. */
    live: null, drag: null,
    selection: null, snapshots: [], savedScenario: null, savedList: null, recommendations: null, demandGeoJson: null,
    lastWhatIfMs: null, lastCirclesMs: null, lastServerMs: null, whatIfCount: 0, circlesCount: 0,
    busy: 0, error: null, refusal: null, nextId: 1, status: { key: 'loading', detail: '' },
    /** The derived station list and the base and edits it was derived from (see stations()). */
    derived: null,
  };
}

/** The station list in force: the stored stations with the edits applied (cached per base and edit list). */
export function stations(store) {
  const d = store.derived;
  if (d?.base !== store.base || d?.edits !== store.edits) {
    store.derived = { base: store.base, edits: store.edits, stations: stationsAfter(store.base.stations, store.edits) };
  }
  return store.derived.stations;
}

/** Minutes and mode in force. */
export const params = (store) => paramsAfter(store.base, store.edits);

/** The coverage answer on screen: of a drag in progress, else of the edits once one has landed, else of the stored stations. */
export const coverageNow = (store) => store.live ?? store.current ?? store.baseline;

/** The selected station's id, or null. */
export const selectedStationId = (store) => (store.selection?.kind === 'station' ? store.selection.id : null);
