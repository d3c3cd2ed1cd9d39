// Saving: the edit list goes to the scenarios API as it is (POST creates; later saves under the same name PUT
// with If-Match carrying the ETag, so a stale write gets 412). The answer on screen is kept as a snapshot for
// the comparison. The saved scenarios are listed, and can be reopened (their edits become the page's edit
// list), renamed and deleted. The API has no rename: the page saves the edits under the new name and then
// deletes the old one with its ETag, so a failure between the two leaves both names.
import { stations, coverageNow } from './state.js';
import { h, fill } from './dom.js';

/** Names the scenarios API takes: letters, digits, '.', '_' and '-'. */
const scenarioName = (text) => text.trim().replace(/[^\p{L}\p{N}._-]+/gu, '-');

/** Wires the save button of the what-if tab. */
export function setupSave(app) {
  const { store, api, t } = app;
  const $ = (id) => document.getElementById(id);
  let saved = null;

  $('save-scenario').addEventListener('click', () => app.busy(async () => {
    const name = scenarioName($('scenario-name').value.trim() || `${t('scenario')}-${store.snapshots.length + 1}`);
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
      await listScenarios();
    } catch (e) {
      $('scenario-status').textContent = e.status === 404 || e.status === 405 ? `${t('scenarioApiMissing')} (${name}: ${t('tabCompare')} ✓)` : `${t('error')}: ${e.message}`;
    }
  }));

  const say = (text) => { $('scenario-status').textContent = text; };

  /** The region's saved scenarios, each with open, rename and delete; names set as text. */
  async function listScenarios() {
    let list;
    try { list = await api.scenarios.list(store.region); } catch (e) { say(`${t('error')}: ${e.message}`); return; }
    store.savedList = list.map((x) => ({ name: x.name, version: x.version, edits: Array.isArray(x.edits) ? x.edits.length : 0 }));
    const button = (key, cls, act) => h('button', { className: cls, onclick: () => app.busy(act) }, t(key));
    fill('scenario-list', list.length ? list.map((x) => h('li', { dataset: { name: x.name } },
      h('span', { className: 'scenario-title' }, `${x.name} (v${x.version})`), ' ',
      button('open', 'scenario-open', () => open(x.name)),
      button('rename', 'scenario-rename', () => rename(x.name)),
      button('delete', 'scenario-delete', () => remove(x.name)))) : h('li', { className: 'hint' }, t('noScenarios')));
  }

  /** Reopens a scenario: its edits become the page's edit list; later saves under its name replace it. */
  async function open(name) {
    const got = await api.scenarios.get(store.region, name);
    saved = { name, region: store.region, scenario: got.scenario, etag: got.etag };
    store.savedScenario = { name, etag: got.etag, version: got.scenario.version };
    $('scenario-name').value = name;
    await app.openEdits(got.scenario.edits ?? []);
    say(`${t('opened')}: ${name} (v${got.scenario.version})`);
  }

  async function rename(name) {
    const wanted = window.prompt(t('rename'), name);
    if (wanted === null) return;
    const to = scenarioName(wanted);
    if (!to || to === name) return;
    const got = await api.scenarios.get(store.region, name);
    await api.scenarios.create(store.region, { name: to, edits: got.scenario.edits });
    await api.scenarios.remove(store.region, name, got.etag);
    if (saved?.name === name) saved = null;
    say(`${t('renamed')}: ${name} → ${to}`);
    await listScenarios();
  }

  async function remove(name) {
    if (!window.confirm(`${t('delete')}: ${name}?`)) return;
    const got = await api.scenarios.get(store.region, name);
    await api.scenarios.remove(store.region, name, got.etag);
    if (saved?.name === name) { saved = null; store.savedScenario = null; }
    say(`${t('deleted')}: ${name}`);
    await listScenarios();
  }

  $('scenarios-refresh').addEventListener('click', () => app.busy(listScenarios));
  return { listScenarios };
}
