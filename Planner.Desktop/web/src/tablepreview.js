// The column picker of the import dialog: the first rows of a chosen table, and one dropdown per field (station
// fields, or the join key and population groups) mapping it to a header. A CSV is read in the page (UTF-8, else
// GBK, as a county's Excel saves it); an .xlsx is read by the server (POST .../preview, the importers' TableReader),
// so that the page shows the cells as the upload will read them. The picked pairs become the upload's `columns=`.

export const PREVIEW_ROWS = 10;

/** The fields a header can be mapped to, per layer; demand's key field is code or name (the join). */
export function fieldsFor(layer, by) {
  if (layer === 'stations') return ['id', 'name', 'lon', 'lat', 'level', 'status', 'workers'];
  if (layer === 'demand') return [by === 'name' ? 'name' : 'code', 'total', 'elderly', 'children', 'disabled'];
  return [];
}

/** Splits CSV text into rows of cells (RFC 4180 quotes; a BOM and a trailing empty line dropped). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

/** Text of a CSV file: UTF-8 when it decodes as such, else GBK (GB18030's subset a county's Excel writes). */
export function decodeCsv(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** {headers, rows, rowCount} of the first rows of `file`, in the page (CSV) or through the server (.xlsx). */
export async function readPreview(file, region, layer, headers) {
  const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
  if (ext === '.csv' || ext === '.txt') {
    const all = parseCsv(decodeCsv(new Uint8Array(await file.arrayBuffer())));
    const [head = [], ...rest] = all;
    return { headers: head.map((h) => h.trim()), rows: rest.slice(0, PREVIEW_ROWS), rowCount: rest.length };
  }
  const response = await fetch(`/regions/${encodeURIComponent(region)}/layers/${layer}/preview`, {
    method: 'POST', body: file,
    headers: { ...headers, 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}` },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail ?? `HTTP ${response.status}`);
  return { headers: body.headers, rows: body.rows, rowCount: body.rowCount };
}

/** Draws the preview table into `table` and one dropdown per field into `picker` (blank: the usual header names). */
export function renderPreview(table, picker, preview, fields, autoLabel) {
  const head = document.createElement('tr');
  head.append(...preview.headers.map((h) => Object.assign(document.createElement('th'), { textContent: h })));
  const body = preview.rows.map((r) => {
    const tr = document.createElement('tr');
    tr.append(...preview.headers.map((_, i) => Object.assign(document.createElement('td'), { textContent: r[i] ?? '' })));
    return tr;
  });
  table.replaceChildren(head, ...body);
  picker.replaceChildren(...fields.map((f) => {
    const label = document.createElement('label');
    const select = document.createElement('select');
    select.dataset.field = f;
    select.append(new Option(autoLabel, ''), ...preview.headers.map((h) => new Option(h, h)));
    label.append(`${f} `, select);
    return label;
  }));
}

/** The picker's choices as the upload's `columns=` text (`field=header,...`), empty when nothing is picked. */
export function pickedColumns(picker) {
  return [...picker.querySelectorAll('select[data-field]')].filter((s) => s.value).map((s) => `${s.dataset.field}=${s.value}`).join(',');
}
