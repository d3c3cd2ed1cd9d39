// Recommendations: the planner picks a model, p and group weights; the API runs the job; the picks are
// shown with the API's explanation and can be accepted into the current what-if scenario.
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

/** Reads a site of the API's recommendation answer: id, lon/lat, people gained per group, units served. */
function normalise(p, i) {
  return {
    id: String(p.id ?? `pick-${i + 1}`), name: p.name ?? p.id ?? `#${i + 1}`, lon: Number(p.lon), lat: Number(p.lat),
    gains: p.gain ?? {}, units: p.units ?? [], forced: !!p.forced,
  };
}

export function setupRecommend(app) {
  const { state, t, api, sources } = app;
  const $ = (id) => document.getElementById(id);
  let picks = [];
  let controller = null;

  function weights() {
    const box = $('rec-weights');
    if (box.dataset.groups !== state.groups.join(',')) {
      box.dataset.groups = state.groups.join(',');
      box.innerHTML = state.groups.map((g) => `<label class="row"><span data-i18n="${g}">${esc(t(g))}</span> <input type="number" min="0" step="0.5" value="${g === 'total' ? 1 : 0}" data-group="${g}" style="width:60px" disabled></label>`).join('')
        + `<p class="hint" data-i18n="weightsPending">${esc(t('weightsPending'))}</p>`;
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
    const shares = Object.keys(result?.after ?? {}).map((g) => `<tr><td>${esc(t(g))}</td><td>${(100 * result.before[g].share).toFixed(1)}%</td><td>${(100 * result.after[g].share).toFixed(1)}%</td></tr>`).join('');
    $('rec-picks').innerHTML = `<div id="rec-summary">${esc(t('objective'))}: ${esc(result?.objective ?? '—')} · ${esc(result?.method ?? '')} ${esc(result?.status ?? '')}${result?.gap !== null && result?.gap !== undefined ? ` · gap ${esc(result.gap)}` : ''}</div>
      <div class="hint">${esc(result?.statusText ?? '')} ${esc(result?.travelTimes ?? '')}</div>
      ${shares ? `<table><tr><th>${esc(t('group'))}</th><th>${esc(t('baseline'))}</th><th>${esc(t('picks'))}</th></tr>${shares}</table>` : ''}
      <h3>${esc(t('picks'))}</h3>${picks.map((p) => `<div class="pick" data-site="${esc(p.id)}"><b>${esc(p.name)}</b><div class="hint">${esc(explain(p))}</div></div>`).join('')}
      ${picks.length ? `<button id="rec-accept">${esc(t('accept'))}</button>` : ''}`;
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
    const own = await api.items(state.region, 'candidates').catch(() => ({ features: [] }));
    if (own.features.length) return undefined;
    // In the API's own order and coordinates, so the same question always gets the same answer.
    return {
      type: 'FeatureCollection',
      features: (state.demandGeoJson?.features ?? []).map((f) => ({
        type: 'Feature', id: `site-${f.properties.id ?? f.id}`, properties: { name: `${t('l_demand')} ${f.properties.id ?? f.id}` }, geometry: f.geometry,
      })),
    };
  }

  /** Adds the picks as new operating stations to the what-if (one edit each), then computes once. */
  function accept() {
    const added = picks.map((p) => ({ id: `rec-${p.id}`, name: p.name, lon: p.lon, lat: p.lat, level: 'township_station', status: 'operating', socialWorkers: 3, unitCode: null, supervisors: null }))
      .filter((s) => !state.stations.some((x) => x.id === s.id));
    if (!added.length) return;
    const edits = added.map((s) => ({ kind: 'add_station', id: s.id, name: s.name, lon: s.lon, lat: s.lat, level: s.level, status: s.status, social_workers: s.socialWorkers }));
    app.addStations(added);
    state.edits.push(...edits.slice(0, -1));
    app.edit(edits[edits.length - 1]);
    app.showTab('whatif');
  }

  $('rec-run').addEventListener('click', async () => {
    if (controller) { controller.abort(); return; }
    controller = new AbortController();
    $('rec-run').textContent = t('cancel');
    $('rec-progress').hidden = false;
    $('rec-status').textContent = t('running');
    // The API's request has no group weights yet (it rejects unknown fields), so the weights stay on the page.
    const request = { model: $('rec-model').value, minutes: state.minutes, mode: state.mode };
    if (request.model !== 'lscp') request.p = Number($('rec-p').value);
    try {
      const sites = await candidates();
      if (sites) request.candidates = sites;
      const result = await api.recommend(state.region, request, (x) => { $('rec-progress').value = x; }, controller.signal);
      $('rec-status').textContent = '';
      state.recommendations = result;
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
