// Recommendations: the planner picks a model, p and group weights; the API runs the job; the picks are
// shown with the API's explanation and can be accepted into the current what-if scenario.
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';

const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

/** Reads a pick in the shapes a siting result may take: location as [lon, lat] or lon/lat fields. */
function normalise(p, i) {
  const loc = p.location ?? p.coordinates ?? p.geometry?.coordinates ?? [p.lon, p.lat];
  return {
    id: String(p.id ?? p.siteId ?? `pick-${i + 1}`), name: p.name ?? p.id ?? `#${i + 1}`, lon: Number(loc[0]), lat: Number(loc[1]),
    gains: p.gainByGroup ?? p.gains ?? p.peopleGained ?? p.gained ?? {}, explanation: p.explanation ?? p.why ?? p.reason ?? '',
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

  function show(result) {
    const list = result?.sites ?? result?.picks ?? result?.selected ?? result?.recommendations ?? [];
    picks = list.map(normalise).filter((p) => Number.isFinite(p.lon) && Number.isFinite(p.lat));
    sources.recommended.clear(true);
    sources.recommended.addFeatures(picks.map((p) => { const f = new Feature({ geometry: new Point(fromLonLat([p.lon, p.lat])), name: p.name, explanation: p.explanation }); f.setId(p.id); return f; }));
    const objective = result?.objective ?? result?.objectiveValue;
    $('rec-picks').innerHTML = `${objective !== undefined ? `<div>${esc(t('objective'))}: ${esc(objective)}${result?.gap !== undefined ? ` · gap ${esc(result.gap)}` : ''}</div>` : ''}
      <h3>${esc(t('picks'))}</h3>${picks.map((p) => `<div class="pick"><b>${esc(p.name)}</b><div>${Object.entries(p.gains).map(([g, v]) => `${esc(t(g))} +${Math.round(v)}`).join(' · ')} ${esc(t('gained'))}</div><div class="hint">${esc(p.explanation)}</div></div>`).join('')}
      ${picks.length ? `<button id="rec-accept">${esc(t('accept'))}</button>` : ''}`;
    $('rec-accept')?.addEventListener('click', accept);
    app.renderAll();
  }

  function accept() {
    const added = picks.map((p) => ({ id: `rec-${p.id}`, name: p.name, lon: p.lon, lat: p.lat, level: 'township_station', status: 'operating', socialWorkers: 3, unitCode: null }))
      .filter((s) => !state.stations.some((x) => x.id === s.id));
    if (!added.length) return;
    app.addStations(added.slice(0, -1));
    added.slice(0, -1).forEach((s) => state.edits.push({ kind: 'add_station', id: s.id, name: s.name, lon: s.lon, lat: s.lat, level: s.level, status: s.status, social_workers: s.socialWorkers }));
    const last = added[added.length - 1];
    app.addStations([last]);
    app.edit({ kind: 'add_station', id: last.id, name: last.name, lon: last.lon, lat: last.lat, level: last.level, status: last.status, social_workers: last.socialWorkers });
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
      const result = await api.recommend(state.region, request, (x) => { $('rec-progress').value = x; }, controller.signal);
      $('rec-status').textContent = '';
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
