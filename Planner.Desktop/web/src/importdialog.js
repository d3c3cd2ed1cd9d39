// "Import data / 导入数据": a county's own file (station table, boundary file) stored as one layer of a region
// through PUT /regions/{r}/layers/{layer}, with the region's ETag in If-Match. The API reads and checks the file
// (the CLI's importers); the dialog shows each refused row or feature as the API names it, and nothing is stored then.
// A table (stations, or population per unit for demand) shows its first rows and a column picker (tablepreview.js).

import { fieldsFor, readPreview, renderPreview, pickedColumns } from './tablepreview.js';

const TEXT = {
  en: { open: 'Import data', title: 'Import data', region: 'Region', layer: 'Layer', stations: 'Stations (.xlsx, .csv)', units: 'Units (.geojson, zipped .shp, .gpkg)',
    demand: 'Population per unit (.xlsx, .csv)', by: 'Join by', byCode: 'code', byName: 'name', auto: '(usual header)',
    file: 'File', crs: 'CRS', codeField: 'Code field', nameField: 'Name field', store: 'Store', close: 'Close', stored: (n, v) => `stored: ${n} features (version ${v})`, refused: 'refused, nothing stored' },
  zh: { open: '导入数据', title: '导入数据', region: '区域', layer: '图层', stations: '站点 (.xlsx, .csv)', units: '区划边界 (.geojson, .shp 压缩包, .gpkg)',
    demand: '分区人口 (.xlsx, .csv)', by: '关联方式', byCode: '区划代码', byName: '名称', auto: '(默认表头)',
    file: '文件', crs: '坐标系', codeField: '代码字段', nameField: '名称字段', store: '保存', close: '关闭', stored: (n, v) => `已保存 ${n} 条 (版本 ${v})`, refused: '未通过, 未保存' },
};

const TYPES = { '.csv': 'text/csv', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.geojson': 'application/geo+json', '.json': 'application/geo+json', '.zip': 'application/zip', '.gpkg': 'application/geopackage+sqlite3' };

export function setupImport(app, apiKey) {
  const $ = (id) => document.getElementById(id);
  const text = () => TEXT[document.documentElement.lang?.startsWith('zh') ? 'zh' : 'en'];
  const dialog = $('import-dialog');

  function label() {
    const t = text();
    $('import-open').textContent = t.open;
    dialog.querySelectorAll('[data-import]').forEach((e) => { e.textContent = t[e.dataset.import]; });
  }

  async function open() {
    label();
    const list = await app.api.regions();
    const current = app.store.region;
    $('import-region').replaceChildren(...list.map((r) => new Option(`${r.title} (${r.name})`, r.name, false, r.name === current)));
    $('import-problems').replaceChildren();
    $('import-result').textContent = '';
    showFields();
    dialog.showModal();
  }

  const headers = () => ({ 'X-Api-Key': apiKey(), 'Accept-Language': document.documentElement.lang });

  function showFields() {
    const layer = $('import-layer').value;
    $('import-by-row').hidden = layer !== 'demand';
    for (const id of ['import-code-field', 'import-name-field']) $(id).parentElement.hidden = layer !== 'units';
  }

  async function preview() {
    showFields();
    const file = $('import-file').files[0];
    const layer = $('import-layer').value;
    $('import-preview').replaceChildren();
    $('import-columns').replaceChildren();
    delete $('import-columns').dataset.rows;
    if (!file || layer === 'units') return;
    try {
      const table = await readPreview(file, $('import-region').value, layer, headers());
      renderPreview($('import-preview'), $('import-columns'), table, fieldsFor(layer, $('import-by').value), text().auto);
      $('import-columns').dataset.rows = String(table.rowCount);
    } catch (e) {
      $('import-result').textContent = String(e.message ?? e);
    }
  }

  async function store() {
    const file = $('import-file').files[0];
    if (!file) return;
    const region = $('import-region').value;
    const layer = $('import-layer').value;
    const meta = await fetch(`/regions/${encodeURIComponent(region)}`, { headers: headers() });
    const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
    const only = { units: ['crs', 'codeField', 'nameField'], stations: ['crs', 'columns'], demand: ['by', 'columns'] }[layer];
    const params = new URLSearchParams(Object.entries({
      crs: $('import-crs').value, codeField: $('import-code-field').value, nameField: $('import-name-field').value,
      by: $('import-by').value, columns: pickedColumns($('import-columns')),
    }).filter(([k, v]) => v && only.includes(k)));
    const response = await fetch(`/regions/${encodeURIComponent(region)}/layers/${layer}?${params}`, {
      method: 'PUT', body: file,
      headers: { ...headers(), 'If-Match': meta.headers.get('ETag') || '*', 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` },
    });
    const body = await response.json().catch(() => ({}));
    const problems = body.problems ?? (response.ok ? [] : [{ file: file.name, feature: '', field: body.field ?? '', reason: body.detail ?? `HTTP ${response.status}` }]);
    $('import-problems').replaceChildren(...problems.map((p) => {
      const li = document.createElement('li');
      li.textContent = [p.file, p.feature, p.field, p.reason].filter(Boolean).join(': ');
      return li;
    }));
    $('import-result').textContent = response.ok ? text().stored(body.count, body.version) : text().refused;
    $('import-result').dataset.status = String(response.status);
  }

  label();
  $('import-open').addEventListener('click', () => app.busy(open));
  $('import-store').addEventListener('click', () => app.busy(store));
  $('import-close').addEventListener('click', () => dialog.close());
  for (const id of ['import-file', 'import-layer', 'import-by']) $(id).addEventListener('change', () => app.busy(preview));
  // The page sets its language (from the address, or the language button) on <html lang>: follow it.
  new MutationObserver(label).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}
