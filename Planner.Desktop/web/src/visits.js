// Home visits (issue 17): a planner starts a month's visit plan from a cases.csv, follows the job's progress,
// then picks a station, a worker and a day and sees that worker's day drawn on the roads with numbered stops.
// The routes pass through people's homes: the panel is only offered to planner and admin keys, and the API
// refuses the routes to anyone else (403). The layer is the panel's own, not a row of layers.js: it is personal
// data and never exported with the region's layers.
import Feature from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { h } from './dom.js';
import { currentLanguage } from './i18n.js';

const words = {
  en: { tab: 'Home visits', cases: 'Cases (cases.csv)', month: 'Month', plan: 'Plan visits', station: 'Station', worker: 'Worker', day: 'Day',
    planned: 'visits planned', unmet: 'unmet', minutes: 'min travel', refused: 'Routes are for planner and admin keys only', none: 'no case rows' },
  zh: { tab: '入户走访', cases: '对象清单 (cases.csv)', month: '月份', plan: '编排走访', station: '站点', worker: '社工', day: '日期',
    planned: '次走访已排', unmet: '未排', minutes: '分钟路程', refused: '路线仅限规划与管理密钥', none: '无对象记录' },
};
const w = (k) => (words[currentLanguage()] ?? words.en)[k];

/** The rows of a cases.csv (the CLI's columns: id, lon, lat, unit, category, visits_per_month, ...) as the API's case objects. */
export function parseCases(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((x) => x.trim().replace(/^\uFEFF/, ''));
  const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return lines.map((line) => {
    const cells = line.split(',');
    const row = {};
    header.forEach((name, i) => {
      const v = (cells[i] ?? '').trim();
      if (v === '') return;
      const key = camel(name);
      row[key] = ['lon', 'lat', 'visitsPerMonth', 'minutesPerVisit'].includes(key) ? Number(v) : v;
    });
    return row;
  });
}

const routeStyle = new Style({ stroke: new Stroke({ color: '#c2185b', width: 4 }) });
function stopStyle(feature) {
  return new Style({
    image: new Circle({ radius: 9, fill: new Fill({ color: feature.get('n') === 0 ? '#333' : '#c2185b' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    text: new Text({ text: String(feature.get('label')), fill: new Fill({ color: '#fff' }), font: 'bold 11px sans-serif' }),
  });
}

export function setupVisits(app) {
  const { api, store } = app;
  const $ = (id) => document.getElementById(id);
  const source = new VectorSource();
  app.map.addLayer(new VectorLayer({ source, zIndex: 50, style: (f) => (f.getGeometry().getType() === 'Point' ? stopStyle(f) : routeStyle) }));
  const state = { planId: null, days: [], route: null, allowed: null }; // allowed: null until /me answers
  window.__planner.visits = {
    get planId() { return state.planId; },
    get allowed() { return state.allowed; },
    /** The drawn route's coordinates back in lon/lat, as the map holds them; null when none is drawn. */
    get route() {
      const line = source.getFeatures().find((f) => f.getGeometry().getType() === 'LineString');
      return line ? line.getGeometry().getCoordinates().map((c) => toLonLat(c)) : null;
    },
    get stops() { return source.getFeatures().filter((f) => f.getGeometry().getType() === 'Point').length; },
  };

  const panel = h('div', { className: 'tab', id: 'tab-visits', hidden: true },
    h('label', { className: 'row' }, h('span', {}, w('cases')), ' ', h('input', { type: 'file', id: 'visits-file', accept: '.csv' })),
    h('label', { className: 'row' }, h('span', {}, w('month')), ' ', h('input', { type: 'month', id: 'visits-month', value: '2027-03' })),
    h('button', { id: 'visits-run' }, w('plan')), ' ', h('progress', { id: 'visits-progress', max: '1', value: '0', hidden: true }),
    h('div', { id: 'visits-status', className: 'hint' }),
    h('label', { className: 'row' }, h('span', {}, w('station')), ' ', h('select', { id: 'visits-station' })),
    h('label', { className: 'row' }, h('span', {}, w('worker')), ' ', h('select', { id: 'visits-worker' })),
    h('label', { className: 'row' }, h('span', {}, w('day')), ' ', h('select', { id: 'visits-day' })),
    h('div', { id: 'visits-day-summary', className: 'hint' }));
  const tabButton = h('button', { dataset: { tab: 'visits' }, hidden: true }, w('tab'));
  $('tabs').append(tabButton);
  $('tab-compare').parentElement.append(panel);
  tabButton.addEventListener('click', () => app.showTab('visits'));

  // Only planner and admin keys are offered the panel (the API decides; this only spares viewers a dead end).
  // Asked in a microtask: the page's start sets the key synchronously right after the modules are set up.
  Promise.resolve().then(() => api.call('/me')).then(({ body }) => {
    state.allowed = ['planner', 'admin'].includes(body?.role);
    tabButton.hidden = !state.allowed;
  }).catch(() => { state.allowed = false; });

  const options = (select, values, label = (v) => v) => {
    const keep = select.value;
    select.replaceChildren(...values.map((v) => new Option(label(v), v)));
    if (values.includes(keep)) select.value = keep;
  };
  function refreshChoices() {
    const station = $('visits-station').value;
    options($('visits-worker'), [...new Set(state.days.filter((d) => d.station === station).map((d) => d.worker))]);
    const worker = $('visits-worker').value;
    options($('visits-day'), state.days.filter((d) => d.station === station && d.worker === worker).map((d) => d.date));
  }

  async function draw() {
    const [station, worker, day] = ['station', 'worker', 'day'].map((k) => $(`visits-${k}`).value);
    source.clear(true);
    if (!state.planId || !day) return;
    const query = new URLSearchParams({ station, worker, day }).toString();
    try {
      const { body } = await api.call(`/regions/${encodeURIComponent(store.region)}/visit-plans/${state.planId}/routes?${query}`, { accept: 'application/geo+json' });
      const f = (typeof body === 'string' ? JSON.parse(body) : body).features[0];
      if (!f) return;
      source.addFeature(new Feature({ geometry: new LineString(f.geometry.coordinates.map((c) => fromLonLat(c))) }));
      const stops = f.properties.stop_coordinates;
      stops.forEach((c, i) => {
        // The station shows once (start and end); the homes are numbered in visit order.
        if (i === stops.length - 1) return;
        source.addFeature(new Feature({ geometry: new Point(fromLonLat(c)), n: i, label: i === 0 ? 'S' : String(i) }));
      });
      $('visits-day-summary').textContent = `${f.properties.stops} · ${f.properties.minutes} ${w('minutes')}`;
      $('visits-day-summary').dataset.day = day;
      app.view.fit(source.getExtent(), { padding: [40, 40, 40, 40], maxZoom: 17 });
    } catch (e) {
      $('visits-day-summary').textContent = e.status === 403 ? w('refused') : String(e.message || e);
    }
  }

  $('visits-station').addEventListener('change', () => { refreshChoices(); draw(); });
  $('visits-worker').addEventListener('change', () => { refreshChoices(); draw(); });
  $('visits-day').addEventListener('change', draw);

  $('visits-run').addEventListener('click', async () => {
    const file = $('visits-file').files[0];
    const cases = file ? parseCases(await file.text()) : [];
    if (!cases.length) { $('visits-status').textContent = w('none'); return; }
    $('visits-progress').hidden = false;
    $('visits-status').textContent = '';
    try {
      const { body, response } = await api.call(`/regions/${encodeURIComponent(store.region)}/visit-plans`, { method: 'POST', body: { month: $('visits-month').value, cases } });
      const location = new URL(response.headers.get('Location'), window.location.href);
      let job = body;
      for (;;) {
        job = (await api.call(location.pathname + location.search)).body;
        $('visits-progress').value = job.progress ?? 0;
        if (job.status === 'succeeded') break;
        if (['failed', 'cancelled'].includes(job.status)) throw new Error(job.error || job.status);
        await new Promise((resolve) => setTimeout(resolve, 250)); // polling interval of a server job, not a test wait
      }
      const plan = job.result;
      state.planId = plan.planId;
      state.days = plan.days;
      $('visits-status').textContent = `${plan.visitsPlanned} ${w('planned')} · ${plan.visitsUnmet} ${w('unmet')}`;
      options($('visits-station'), [...new Set(plan.days.map((d) => d.station))]);
      refreshChoices();
      await draw();
    } catch (e) {
      $('visits-status').textContent = e.problem?.detail || String(e.message || e);
    } finally {
      $('visits-progress').hidden = true;
    }
  });
}
