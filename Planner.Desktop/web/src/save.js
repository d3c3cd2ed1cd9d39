// Saving: the edit list goes to the scenarios API as it is (POST creates; later saves under the same name PUT
// with If-Match carrying the ETag, so a stale write gets 412). The answer on screen is kept as a snapshot for
// the comparison.
import { stations, coverageNow } from './state.js';

/** Wires the save button of the what-if tab. */
export function setupSave(app) {
  const { store, api, t } = app;
  const $ = (id) => document.getElementById(id);
  let saved = null;

  $('save-scenario').addEventListener('click', () => app.busy(async () => {
    const name = ($('scenario-name').value.trim() || `${t('scenario')}-${store.snapshots.length + 1}`).replace(/[^\p{L}\p{N}._-]+/gu, '-');
    $('scenario-name').value = name;
    const current = coverageNow(store);
    store.snapshots = [...store.snapshots.filter((x) => x.name !== name),
      { name, coverage: { ...current, stations: current.stations ?? stations(store).map((s) => ({ ...s })) } }];
    const edits = store.edits;
    try {
      if (saved && saved.name === name && saved.region === store.region) {
        saved = { ...saved, ...(await api.scenarios.update(store.region, name, { edits }, saved.etag)) };
      } else {
        saved = { name, region: store.region, ...(await api.scenarios.create(store.region, { name, edits })) };
      }
      store.savedScenario = { name, etag: saved.etag, version: saved.scenario?.version ?? null };
      $('scenario-status').textContent = `${t('saved')}: ${name} (v${saved.scenario?.version ?? '?'})`;
    } catch (e) {
      $('scenario-status').textContent = e.status === 404 || e.status === 405 ? `${t('scenarioApiMissing')} (${name}: ${t('tabCompare')} ✓)` : `${t('error')}: ${e.message}`;
    }
  }));
}
