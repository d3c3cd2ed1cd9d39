// The right-hand panels and the legend: figures from the API's coverage answers, labelled through t().
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { fromLonLat } from 'ol/proj.js';
import { STATION_LEGEND, swatchCss } from './styles.js';
import { labelOr } from './i18n.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const pct = (x) => `${(100 * (x ?? 0)).toFixed(1)}%`;
const num = (x) => Math.round(x ?? 0).toLocaleString();
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

/** The headline: covered share and people of the chosen group. */
export function renderSummary(el, { state, coverage, t }) {
  const g = coverage?.report.groups?.[state.group];
  el.innerHTML = g
    ? `<div><span data-i18n="coveredShare">${t('coveredShare')}</span> · ${esc(t(state.group))} · ${coverage.report.minutes} ${esc(t('minutes'))} ${esc(t(coverage.report.mode))}</div>
       <div class="big" id="covered-share">${pct(g.share)}</div>
       <div><span>${esc(t('covered'))}</span>: <b id="covered-people">${num(g.covered)}</b> / ${num(g.population)} · ${state.stations.length} ${esc(t('stationsCount'))}</div>`
    : `<div>${esc(t('loading'))}</div>`;
}

function groupTable(t, rows, headers) {
  return `<table><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
}

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
  }).map((k) => {
    const figure = k.measured === null || k.measured === undefined
      ? `<span class="fail">${t('notMeasured')}</span>`
      : `<span class="${k.passed ? 'pass' : 'fail'}">${k.measured} / ${t('required')} ${k.required} — ${t(k.passed ? 'passes' : 'fails')}</span>`;
    return `<div class="inspect-supervision">${esc(t('supervision'))} (${esc(k.subjectName)}): ${figure}<div class="hint">${esc(k.rule)} ${esc(k.note)}</div></div>`;
  }).join('');
}

/** What was clicked: a station's catchment and staffing check, a unit's coverage, a gap's people. */
export function renderInspect(el, { state, coverage, sources, t }) {
  const sel = state.selection;
  if (!sel || !coverage) { el.innerHTML = ''; return; }
  const report = coverage.report;
  if (sel.kind === 'station') {
    const s = state.stations.find((x) => x.id === sel.id);
    const c = report.stations.find((x) => x.id === sel.id);
    if (!s) { el.innerHTML = ''; return; }
    const check = (coverage.checks ?? []).find((k) => k.subjectKind === 'station' && k.subjectId === sel.id && /staff/.test(k.ruleId));
    const staffing = check
      ? `<span class="${check.passed ? 'pass' : 'fail'}">${s.socialWorkers} / ${t('required')} ${check.required} — ${t(check.passed ? 'passes' : 'fails')}</span><div class="hint">${esc(check.rule)} ${esc(check.note)}</div>`
      : `${s.socialWorkers} — <span class="hint">${t('notChecked')}</span>`;
    el.innerHTML = `<h3 id="inspect-title">${esc(t('station'))}: ${esc(s.name)}</h3>
      <div>${t('level')}: ${esc(t(s.level))} · ${t('status')}: ${esc(t(s.status))}</div>
      <div id="inspect-staffing">${t('socialWorkers')}: ${staffing}</div>
      <div id="inspect-supervisors">${esc(supervisorsLine(s, t))}</div>
      ${supervisionLines(s, { coverage, sources, t })}
      <h3>${t('catchment')}</h3>
      <div id="inspect-catchment">${c ? groupTable(t, Object.entries(c.catchment).map(([g, v]) => [esc(t(g)), num(v)]), [t('group'), t('people')]) : `<span class="hint">${t('notChecked')}</span>`}</div>`;
  } else if (sel.kind === 'unit') {
    const u = report.units.find((x) => x.code === sel.id);
    el.innerHTML = `<h3 id="inspect-title">${esc(t('unit'))}: ${esc(u?.name ?? sel.id)} (${esc(t(u?.level ?? sel.level))})</h3>
      ${u ? groupTable(t, Object.entries(u.groups).map(([g, v]) => [esc(t(g)), num(v.population), num(v.covered), pct(v.share)]), [t('group'), t('population'), t('covered'), t('coveredShare')]) : ''}`;
  } else if (sel.kind === 'gap') {
    const gp = report.gaps.find((x) => x.id === sel.id);
    el.innerHTML = `<h3 id="inspect-title">${esc(t('gap'))}: ${esc(sel.id)}</h3><h3>${t('whoLivesHere')}</h3>
      ${gp ? groupTable(t, Object.entries(gp.groups).map(([g, v]) => [esc(t(g)), num(v)]), [t('group'), t('people')]) : ''}`;
  } else if (sel.kind === 'team' || sel.kind === 'need') {
    const f = sources[sel.kind === 'team' ? 'teams' : 'needs'].getFeatureById(sel.id);
    const p = f ? f.getProperties() : {};
    const rows = sel.kind === 'team'
      ? [[t('members'), `${p.active_members ?? ''} / ${p.members ?? ''}`], [t('skills'), esc(p.skills)], [t('hours'), esc(p.weekly_hours)]]
      : [[t('kind'), esc(p.kind)], [t('group'), esc(t(p.group))], [t('hours'), esc(p.hours_per_week)]];
    el.innerHTML = `<h3 id="inspect-title">${esc(t(sel.kind === 'team' ? 'l_teams' : 'l_needs'))}: ${esc(p.name ?? sel.id)}</h3>${groupTable(t, rows, ['', ''])}`;
  } else if (sel.kind === 'public_building') {
    const f = sources.public_buildings.getFeatureById(sel.id);
    const p = f ? f.getProperties() : {};
    const rows = [[t('kind'), `<span id="inspect-kind">${esc(buildingKind(p.kind))}</span>`], ...(p.source ? [[t('source'), esc(p.source)]] : [])];
    el.innerHTML = `<h3 id="inspect-title">${esc(t('publicBuilding'))}: ${esc(p.name ?? sel.id)}</h3>${groupTable(t, rows, ['', ''])}`;
  } else if (sel.kind === 'recommended') {
    const f = sources.recommended.getFeatureById(sel.id);
    el.innerHTML = `<h3 id="inspect-title">${esc(f?.get('name') ?? sel.id)}</h3><div class="hint">${esc(f?.get('explanation') ?? '')}</div>`;
  }
}

let chart = null;
/** What-if figures: baseline against current per group, the edit list and the last round-trip time. */
export function renderWhatIf({ state, t }) {
  const base = state.baseline?.report.groups ?? {};
  const cur = (state.current ?? state.baseline)?.report.groups ?? {};
  const groups = Object.keys(cur);
  const rows = groups.map((g) => {
    const d = (cur[g]?.covered ?? 0) - (base[g]?.covered ?? 0);
    return [esc(t(g)), pct(base[g]?.share), pct(cur[g]?.share), `<span class="${d > 0 ? 'delta-pos' : d < 0 ? 'delta-neg' : ''}">${d > 0 ? '+' : ''}${num(d)}</span>`];
  });
  document.getElementById('whatif-figures').innerHTML = groupTable(t, rows, [t('group'), t('baseline'), t('current'), t('change')])
    + (state.lastWhatIfMs !== null ? `<div class="hint" id="whatif-time">${t('computedIn')} ${state.lastWhatIfMs} ${t('ms')}${state.lastServerMs !== null ? ` (API ${state.lastServerMs} ${t('ms')})` : ''}${state.lastCirclesMs !== null ? ` · ${t('l_circles')} ${state.lastCirclesMs} ${t('ms')}` : ''}</div>` : '');
  document.getElementById('edit-list').innerHTML = state.edits.length
    ? state.edits.map((e) => `<li>${esc(describeEdit(e, t))}</li>`).join('') : `<li class="hint">${t('noEdits')}</li>`;
  const data = { labels: groups.map((g) => t(g)), datasets: [
    { label: t('baseline'), data: groups.map((g) => 100 * (base[g]?.share ?? 0)), backgroundColor: '#90a4ae' },
    { label: t('current'), data: groups.map((g) => 100 * (cur[g]?.share ?? 0)), backgroundColor: '#1565c0' }] };
  if (!chart) {
    chart = new Chart(document.getElementById('whatif-chart'), { type: 'bar', data, options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } }, plugins: { legend: { position: 'bottom' } } } });
  } else { chart.data = data; chart.update('none'); }
}

function describeEdit(e, t) {
  switch (e.kind) {
    case 'move_station': return `${t('toolSelect')}: ${e.station_id} → ${e.lon.toFixed(5)}, ${e.lat.toFixed(5)}`;
    case 'add_station': return `${t('toolAdd')}: ${e.name}`;
    case 'remove_station': return `${t('toolRemove')}: ${e.station_id}`;
    case 'set_minutes': return `${t('minutes')}: ${e.minutes}`;
    case 'set_mode': return `${t('mode')}: ${t(e.mode)}`;
    default: return e.kind;
  }
}

/** The legend: the choropleth ramp, station shapes and colours, and a swatch per layer. */
export function renderLegend(el, { state, t }) {
  el.innerHTML = `<div>${esc(t('coveredShare'))} · ${esc(t(state.group))} · ${esc(t(state.unitLevel))}</div><div class="ramp"></div><div class="ramp-labels"><span>0%</span><span>50%</span><span>100%</span></div>
    ${STATION_LEGEND.map(([k, css]) => `<div class="item"><span class="swatch" style="${css}"></span>${esc(t(k))}</div>`).join('')}
    ${['circles', 'gaps', 'demand', 'teams', 'needs', 'public_buildings', 'recommended'].map((k) => `<div class="item" data-layer="${k}"><span class="swatch" style="${swatchCss(k)}"></span>${esc(t(`l_${k}`))}</div>`).join('')}`;
}
