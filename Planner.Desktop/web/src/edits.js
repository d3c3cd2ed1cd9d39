// The what-if edit list is the page's single source of truth for what the planner changed: the station list
// shown and sent to POST /whatif, and the minutes and mode, are derived from the stored stations and the
// region's defaults plus the edits, by the pure functions below. Edits are the scenarios API's exchange form
// (snake_case, `kind` discriminator), so the list is saved as it is.

/** Keeps a coordinate to 1e-7 degrees (about 1 cm), as the page always has. */
export const round = (v) => Math.round(v * 1e7) / 1e7;

/** The edit exchange form of each change the page can make. */
export const edit = {
  move: (id, lon, lat) => ({ kind: 'move_station', station_id: id, lon: round(lon), lat: round(lat) }),
  add: (s) => ({ kind: 'add_station', id: s.id, name: s.name, lon: s.lon, lat: s.lat, level: s.level, status: s.status, social_workers: s.socialWorkers }),
  remove: (id) => ({ kind: 'remove_station', station_id: id }),
  rename: (id, name) => ({ kind: 'rename_station', station_id: id, name }),
  level: (id, level) => ({ kind: 'change_level', station_id: id, level }),
  status: (id, status) => ({ kind: 'change_status', station_id: id, status }),
  restaff: (id, socialWorkers) => ({ kind: 'restaff_station', station_id: id, social_workers: socialWorkers }),
  supervisors: (id, supervisors) => ({ kind: 'set_supervisors', station_id: id, supervisors }),
  minutes: (minutes) => ({ kind: 'set_minutes', minutes }),
  mode: (mode) => ({ kind: 'set_mode', mode }),
};

/** The station levels and statuses as the data and the edits name them. */
export const LEVELS = ['county_center', 'area_center', 'township_station', 'village_point'];
export const STATUSES = ['planned', 'built', 'operating'];

/**
 * A new station at a position (the page's "add station", with the toolbar's level and status, and accepted
 * recommendations): an operating township station unless told otherwise.
 */
export function newStation(id, name, lon, lat, level = 'township_station', status = 'operating') {
  return { id, name, lon, lat, level, status, socialWorkers: 3, unitCode: null, supervisors: null };
}

/**
 * The station list after the edits, in the what-if request's form (the fields of the API's WhatIfStation, no
 * others: the API refuses unknown fields). Stations keep their order; added ones go last. The inputs are not
 * changed. Edits of kinds that do not touch stations are skipped.
 */
export function stationsAfter(base, edits) {
  let list = base.map((s) => ({ ...s }));
  for (const e of edits) {
    const id = e.station_id;
    switch (e.kind) {
      case 'add_station':
        list.push({ id: e.id, name: e.name, lon: e.lon, lat: e.lat, level: e.level, status: e.status, socialWorkers: e.social_workers, unitCode: e.unit_code ?? null, supervisors: null });
        break;
      case 'move_station': list = list.map((s) => (s.id === id ? { ...s, lon: e.lon, lat: e.lat } : s)); break;
      case 'remove_station': list = list.filter((s) => s.id !== id); break;
      case 'restaff_station': list = list.map((s) => (s.id === id ? { ...s, socialWorkers: e.social_workers } : s)); break;
      case 'change_status': list = list.map((s) => (s.id === id ? { ...s, status: e.status } : s)); break;
      case 'rename_station': list = list.map((s) => (s.id === id ? { ...s, name: e.name } : s)); break;
      case 'change_level': list = list.map((s) => (s.id === id ? { ...s, level: e.level } : s)); break;
      case 'set_supervisors': list = list.map((s) => (s.id === id ? { ...s, supervisors: e.supervisors } : s)); break;
      default: break;
    }
  }
  return list;
}

/** Minutes and mode after the edits: the last set_minutes / set_mode wins over the defaults. */
/**
 * True when the edits set the minutes or the mode: then what-if asks for that ad-hoc circle; otherwise it sends
 * neither and the API uses its default circle (GB 50180's 15-minute walk capped at 1,000 m), the same circle as
 * the coverage report and the layers the page loaded.
 */
export const paramsEdited = (edits) => edits.some((e) => e.kind === 'set_minutes' || e.kind === 'set_mode');

export function paramsAfter(defaults, edits) {
  let { minutes, mode } = defaults;
  for (const e of edits) {
    if (e.kind === 'set_minutes') minutes = e.minutes;
    else if (e.kind === 'set_mode') mode = e.mode;
  }
  return { minutes, mode };
}
