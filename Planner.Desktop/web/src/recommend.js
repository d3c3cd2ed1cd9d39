// Recommendations: the planner picks a model, p and group weights; the API runs the job; the picks are
// shown with the API's explanation and can be accepted into the current what-if scenario.
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';
import { h, fill } from './dom.js';
import { params, stations } from './state.js';
import { newStation } from './edits.js';

/** Reads a site of the API's recommendation answer: id, lon/lat, people gained per group, units served. */
function normalise(p, i) {
  return {
    id: String(p.id ?? `pick-${i + 1}`), name: p.name ?? p.id ?? `#${i + 1}`, lon: Number(p.lon), lat: Number(p.lat),
    gains: p.gain ?? {}, units: p.units ?? [], forced: !!p.forced,
  };
}

export function setupRecommend(app) {
  const { store, t, api, sources } = app;
  const $ = (id) => document.getElementById(id);
  let picks = [];
  let controller = null;

  function weights() {
    const box = $('rec-weights');
    if (box.dataset.groups !== store.groups.join(',')) {
      box.dataset.groups = store.groups.join(',');
      fill(box, store.groups.map((g) => h('label', { className: 'row' }, h('span', { dataset: { i18n: g } }, t(g)), ' ',
        h('input', { type: 'number', min: '0', step: '0.5', value: g === 'total' ? '1' : '0', dataset: { group: g }, style: 'width:60px', disabled: true }))),
      h('p', { className: 'hint', dataset: { i18n: 'weightsPending' } }, t('weightsPending')));
    }
    return Object.fromEntries([...box.querySelectorAll('input')].map((i) => [i.dataset.group, Number(i.value)]));
  }
  new MutationObserver(() => weights()).observe($('group'), { childList: true });

  function unitName(code) {
    return sources.units.getFeatures().find((f) => f.get('code') === code)?.get('name') ?? code;
  }

  function show(result) {
    picks = (result?.sites ?? []).map(normalise).filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
    sources.recommended.clear(true);
    sources.recommended.addFeatures(picks.map((p) => {
      const f = new Feature({ geometry: new Point(fromLonLat([p.lon, p.lat])), name: p.name, explanation: explain(p) });
      f.setId(p.id);
      return f;
    }));
    const shares = Object.keys(result?.after ?? {}).map((g) => h('tr', {}, h('td', {}, t(g)),
      h('td', {}, `${(100 * result.before[g].share).toFixed(1)}%`), h('td', {}, `${(100 * result.after[g].share).toFixed(1)}%`)));
    const gap = result?.gap !== null && result?.gap !== undefined ? ` · gap ${result.gap}` : '';
    fill('rec-picks',
      h('div', { id: 'rec-summary' }, `${t('objective')}: ${result?.objective ?? '—'} · ${result?.method ?? ''} ${result?.status ?? ''}${gap}`),
      h('div', { className: 'hint' }, `${result?.statusText ?? ''} ${result?.travelTimes ?? ''}`),
      shares.length ? h('table', {}, h('tr', {}, h('th', {}, t('group')), h('th', {}, t('baseline')), h('th', {}, t('picks'))), shares) : null,
      h('h3', {}, t('picks')),
      picks.map((p) => h('div', { className: 'pick', dataset: { site: p.id } }, h('b', {}, String(p.name)), h('div', { className: 'hint' }, explain(p)))),
      picks.length ? h('button', { id: 'rec-accept' }, t('accept')) : null);
    $('rec-accept')?.addEventListener('click', accept);
    app.renderAll();
  }

  /** Why a site was chosen, in the API's own terms: people gained per group and the units it serves. */
  function explain(p) {
    const gains = Object.entries(p.gains).map(([g, v]) => `${t(g)} +${Math.round(v)}`).join(' · ');
    return `${gains} ${t('gained')}${p.units.length ? ` · ${p.units.map(unitName).join(', ')}` : ''}`;
  }

  /** The candidate sites: the region's own, else its demand points (the API needs some). */
  async function candidates() {
    const own = await api.items(store.region, 'candidates').catch(() => ({ features: [] }));
    if (own.features.length) return undefined;
    // In the API's own order and coordinates, so the same question always gets the same answer.
    return {
      type: 'FeatureCollection',
      features: (store.demandGeoJson?.features ?? []).map((f) => ({
        type: 'Feature', id: `site-${f.properties.id ?? f.id}`, properties: { name: `${t('l_demand')} ${f.properties.id ?? f.id}` }, geometry: f.geometry,
      })),
    };
  }

  /** Adds the picks as new operating stations to the what-if (one edit each), then computes once. */
  function accept() {
    const inForce = stations(store);
    const added = picks.map((p) => newStation(`rec-${p.id}`, p.name, p.lon, p.lat)).filter((s) => !inForce.some((x) => x.id === s.id));
    if (!added.length) return;
    app.addStations(added);
    app.showTab('whatif');
  }

  $('rec-run').addEventListener('click', async () => {
    if (controller) { controller.abort(); return; }
    controller = new AbortController();
    $('rec-run').textContent = t('cancel');
    $('rec-progress').hidden = false;
    $('rec-status').textContent = t('running');
    // The API's request has no group weights yet (it rejects unknown fields), so the weights stay on the page.
    const request = { model: $('rec-model').value, ...params(store) };
    if (request.model !== 'lscp') request.p = Number($('rec-p').value);
    try {
      const sites = app.placedCandidates?.() ?? await candidates();
      if (sites) request.candidates = sites;
      const result = await api.recommend(store.region, request, (x) => { $('rec-progress').value = x; }, controller.signal);
      $('rec-status').textContent = '';
      store.recommendations = result;
      show(result);
    } catch (e) {
      $('rec-status').textContent = [404, 405, 501].includes(e.status) ? `${t('recommendApiMissing')} (${e.message})` : `${t('error')}: ${e.message}`;
    } finally {
      controller = null;
      $('rec-run').textContent = t('run');
      $('rec-progress').hidden = true;
    }
  });
  weights();
}
