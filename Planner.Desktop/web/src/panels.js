// The right-hand panels and the legend: figures from the API's coverage answers, labelled through t(). Every
// name and rule text is set as text (dom.js), never parsed as markup.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { fromLonLat } from 'ol/proj.js';
import { STATION_LEGEND } from './styles.js';
import { labelOr } from './i18n.js';
import { h, fill, table, delta } from './dom.js';
import { inLegend } from './layers.js';
import { stations } from './state.js';
import { edit, LEVELS, STATUSES } from './edits.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const pct = (x) => `${(100 * (x ?? 0)).toFixed(1)}%`;
const num = (x) => Math.round(x ?? 0).toLocaleString();

/** The headline: covered share and people of the chosen group. */
export function renderSummary(el, { store, coverage, t }) {
  const g = coverage?.report.groups?.[store.group];
  if (!g) { fill(el, h('div', {}, t('loading'))); return; }
  fill(el,
    h('div', {}, h('span', { dataset: { i18n: 'coveredShare' } }, t('coveredShare')), ` · ${t(store.group)} · ${coverage.report.minutes} ${t('minutes')} ${t(coverage.report.mode)}`),
    h('div', { className: 'big', id: 'covered-share' }, pct(g.share)),
    h('div', {}, h('span', {}, t('covered')), ': ', h('b', { id: 'covered-people' }, num(g.covered)), ` / ${num(g.population)} · ${stations(store).length} ${t('stationsCount')}`));
}

/** A pass/fail figure: "measured / required N — meets the rule". */
function verdict(measured, check, t) {
  return h('span', { className: check.passed ? 'pass' : 'fail' }, `${measured} / ${t('required')} ${check.required} — ${t(check.passed ? 'passes' : 'fails')}`);
}

/** The rule's text and note as the rule set gives them. */
const ruleHint = (check) => h('div', { className: 'hint' }, `${check.rule ?? ''} ${check.note ?? ''}`);

/** A public building's kind in the page's language; kinds the dictionary does not know show as the data gives them. */
const buildingKind = (kind) => labelOr(`pb_${kind}`, kind ?? '');

/** The station's supervisors when recorded, else "not recorded". */
function supervisorsLine(s, t) {
  return s.supervisors === null || s.supervisors === undefined ? t('supervisorsNotRecorded') : t('supervisorsCount').replace('{n}', s.supervisors);
}

/**
 * The supervision-ratio checks (one supervisor per so many social workers, per unit) of the units the station
 * stands in: the API counts them over every built or operating station of the unit, so they are the unit's
 * figures, not the station's.
 */
function supervisionLines(s, { coverage, sources, t }) {
  const at = fromLonLat([s.lon, s.lat]);
  return (coverage.checks ?? []).filter((k) => k.subjectKind === 'unit' && /supervis/.test(k.ruleId)).filter((k) => {
    const unit = sources.units.getFeatures().find((f) => f.get('code') === k.subjectId);
    return unit?.getGeometry().intersectsCoordinate(at);
  }).map((k) => h('div', { className: 'inspect-supervision' }, `${t('supervision')} (${k.subjectName ?? ''}): `,
    k.measured === null || k.measured === undefined ? h('span', { className: 'fail' }, t('notMeasured')) : verdict(k.measured, k, t),
    ruleHint(k)));
}

const title = (...text) => h('h3', { id: 'inspect-title' }, ...text);

/**
 * The station's edit form: each field, once changed, becomes one edit of the edit list through onEdit (the
 * same list as drags and scenarios, so undo and saving see it). Values are set as properties, never markup.
 */
function stationForm(s, { store, onEdit, t }) {
  if (!onEdit) return null;
  // A field's change is an edit only when it differs from the station in force: a field of an earlier
  // drawing of the form can report its change again when it loses focus.
  const now = () => stations(store).find((x) => x.id === s.id) ?? s;
  const changed = (field, v, make) => { if (now()[field] !== v) onEdit([make(v)]); };
  const choose = (id, field, values, make) => {
    const select = h('select', { id, onchange: () => changed(field, select.value, make) }, values.map((v) => h('option', { value: v }, t(v))));
    select.value = s[field];
    return select;
  };
  const whole = (id, field, make) => {
    const shown = s[field] ?? '';
    const input = h('input', { id, type: 'number', min: 0, step: 1, value: shown });
    input.onchange = () => {
      const n = Number(input.value);
      if (input.value.trim() !== '' && Number.isInteger(n) && n >= 0) changed(field, n, make); else input.value = shown;
    };
    return input;
  };
  const name = h('input', { id: 'edit-name', value: s.name });
  name.onchange = () => { const v = name.value.trim(); if (v) changed('name', v, (x) => edit.rename(s.id, x)); else name.value = s.name; };
  const row = (label, field) => h('label', { className: 'row' }, h('span', {}, t(label)), ' ', field);
  return h('fieldset', { id: 'station-form' }, h('legend', {}, t('editStation')),
    row('name', name),
    row('level', choose('edit-level', 'level', LEVELS, (v) => edit.level(s.id, v))),
    row('status', choose('edit-status', 'status', STATUSES, (v) => edit.status(s.id, v))),
    row('socialWorkers', whole('edit-social-workers', 'socialWorkers', (n) => edit.restaff(s.id, n))),
    row('supervisors', whole('edit-supervisors', 'supervisors', (n) => edit.supervisors(s.id, n))));
}

function stationInspect(sel, { store, coverage, sources, t, onEdit }) {
  const s = stations(store).find((x) => x.id === sel.id);
  if (!s) return [];
  const c = coverage.report.stations.find((x) => x.id === sel.id);
  const check = (coverage.checks ?? []).find((k) => k.subjectKind === 'station' && k.subjectId === sel.id && /staff/.test(k.ruleId));
  const staffing = check ? [verdict(s.socialWorkers, check, t), ruleHint(check)] : [`${s.socialWorkers} — `, h('span', { className: 'hint' }, t('notChecked'))];
  return [
    title(`${t('station')}: ${s.name}`),
    h('div', {}, `${t('level')}: ${t(s.level)} · ${t('status')}: ${t(s.status)}`),
    h('div', { id: 'inspect-staffing' }, `${t('socialWorkers')}: `, staffing),
    h('div', { id: 'inspect-supervisors' }, supervisorsLine(s, t)),
    supervisionLines(s, { coverage, sources, t }),
    stationForm(s, { store, onEdit, t }),
    h('h3', {}, t('catchment')),
    h('div', { id: 'inspect-catchment' }, c
      ? table([t('group'), t('people')], Object.entries(c.catchment).map(([g, v]) => [t(g), num(v)]))
      : h('span', { className: 'hint' }, t('notChecked'))),
  ];
}

function featureInspect(sel, { sources, t }) {
  if (sel.kind === 'team' || sel.kind === 'need') {
    const f = sources[sel.kind === 'team' ? 'teams' : 'needs'].getFeatureById(sel.id);
    const p = f ? f.getProperties() : {};
    const rows = sel.kind === 'team'
      ? [[t('members'), `${p.active_members ?? ''} / ${p.members ?? ''}`], [t('skills'), String(p.skills ?? '')], [t('hours'), String(p.weekly_hours ?? '')]]
      : [[t('kind'), String(p.kind ?? '')], [t('group'), t(p.group)], [t('hours'), String(p.hours_per_week ?? '')]];
    return [title(`${t(sel.kind === 'team' ? 'l_teams' : 'l_needs')}: ${p.name ?? sel.id}`), table(['', ''], rows)];
  }
  if (sel.kind === 'public_building') {
    const f = sources.public_buildings.getFeatureById(sel.id);
    const p = f ? f.getProperties() : {};
    const rows = [[t('kind'), h('span', { id: 'inspect-kind' }, buildingKind(p.kind))], ...(p.source ? [[t('source'), String(p.source)]] : [])];
    return [title(`${t('publicBuilding')}: ${p.name ?? sel.id}`), table(['', ''], rows)];
  }
  if (sel.kind === 'recommended') {
    const f = sources.recommended.getFeatureById(sel.id);
    return [title(String(f?.get('name') ?? sel.id)), h('div', { className: 'hint' }, String(f?.get('explanation') ?? ''))];
  }
  return [];
}

/** What was clicked: a station's catchment and staffing check, a unit's coverage, a gap's people. */
export function renderInspect(el, ctx) {
  const { store, coverage, t } = ctx;
  const sel = store.selection;
  if (!sel || !coverage) { fill(el); return; }
  const report = coverage.report;
  if (sel.kind === 'station') {
    fill(el, stationInspect(sel, ctx));
  } else if (sel.kind === 'unit') {
    const u = report.units.find((x) => x.code === sel.id);
    fill(el, title(`${t('unit')}: ${u?.name ?? sel.id} (${t(u?.level ?? sel.level)})`),
      u ? table([t('group'), t('population'), t('covered'), t('coveredShare')], Object.entries(u.groups).map(([g, v]) => [t(g), num(v.population), num(v.covered), pct(v.share)])) : null);
  } else if (sel.kind === 'gap') {
    const gp = report.gaps.find((x) => x.id === sel.id);
    fill(el, title(`${t('gap')}: ${sel.id}`), h('h3', {}, t('whoLivesHere')),
      gp ? table([t('group'), t('people')], Object.entries(gp.groups).map(([g, v]) => [t(g), num(v)])) : null);
  } else {
    fill(el, featureInspect(sel, ctx));
  }
}

function timeLine(store, t) {
  if (store.lastWhatIfMs === null) return null;
  const api = store.lastServerMs !== null ? ` (API ${store.lastServerMs} ${t('ms')})` : '';
  const circles = store.lastCirclesMs !== null ? ` · ${t('l_circles')} ${store.lastCirclesMs} ${t('ms')}` : '';
  return h('div', { className: 'hint', id: 'whatif-time' }, `${t('computedIn')} ${store.lastWhatIfMs} ${t('ms')}${api}${circles}`);
}

/** The bar chart of the what-if tab, kept per canvas so that a redraw updates it in place. */
const charts = new WeakMap();

/** What-if figures: baseline against current per group, the edit list and the last round-trip time. */
export function renderWhatIf({ store, t }) {
  const base = store.baseline?.report.groups ?? {};
  const cur = (store.live ?? store.current ?? store.baseline)?.report.groups ?? {};
  const groups = Object.keys(cur);
  const rows = groups.map((g) => {
    const d = (cur[g]?.covered ?? 0) - (base[g]?.covered ?? 0);
    return [t(g), pct(base[g]?.share), pct(cur[g]?.share), delta('span', d, num(d))];
  });
  fill('whatif-figures', table([t('group'), t('baseline'), t('current'), t('change')], rows), timeLine(store, t));
  fill('edit-list', store.edits.length ? store.edits.map((e) => h('li', {}, describeEdit(e, t))) : h('li', { className: 'hint' }, t('noEdits')));
  const canvas = document.getElementById('whatif-chart');
  const data = { labels: groups.map((g) => t(g)), datasets: [
    { label: t('baseline'), data: groups.map((g) => 100 * (base[g]?.share ?? 0)), backgroundColor: '#90a4ae' },
    { label: t('current'), data: groups.map((g) => 100 * (cur[g]?.share ?? 0)), backgroundColor: '#1565c0' }] };
  const chart = charts.get(canvas);
  if (!chart) {
    charts.set(canvas, new Chart(canvas, { type: 'bar', data, options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } }, plugins: { legend: { position: 'bottom' } } } }));
  } else { chart.data = data; chart.update('none'); }
}

function describeEdit(e, t) {
  switch (e.kind) {
    case 'move_station': return `${t('toolSelect')}: ${e.station_id} → ${e.lon.toFixed(5)}, ${e.lat.toFixed(5)}`;
    case 'add_station': return `${t('toolAdd')}: ${e.name}`;
    case 'remove_station': return `${t('toolRemove')}: ${e.station_id}`;
    case 'set_minutes': return `${t('minutes')}: ${e.minutes}`;
    case 'set_mode': return `${t('mode')}: ${t(e.mode)}`;
    case 'rename_station': return `${t('name')}: ${e.station_id} → ${e.name}`;
    case 'change_level': return `${t('level')}: ${e.station_id} → ${t(e.level)}`;
    case 'change_status': return `${t('status')}: ${e.station_id} → ${t(e.status)}`;
    case 'restaff_station': return `${t('socialWorkers')}: ${e.station_id} → ${e.social_workers}`;
    case 'set_supervisors': return `${t('supervisors')}: ${e.station_id} → ${e.supervisors}`;
    default: return e.kind;
  }
}

/** The legend: the choropleth ramp, station shapes and colours, and a swatch per layer of the layer table's legend. */
export function renderLegend(el, { store, t }) {
  const item = (css, text, layer) => h('div', { className: 'item', dataset: layer ? { layer } : undefined }, h('span', { className: 'swatch', style: css }), text);
  fill(el,
    h('div', {}, `${t('coveredShare')} · ${t(store.group)} · ${t(store.unitLevel)}`),
    h('div', { className: 'ramp' }),
    h('div', { className: 'ramp-labels' }, h('span', {}, '0%'), h('span', {}, '50%'), h('span', {}, '100%')),
    STATION_LEGEND.map(([k, css]) => item(css, t(k))),
    inLegend().map((l) => item(l.swatch, t(l.title), l.id)));
}
