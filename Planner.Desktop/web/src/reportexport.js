// Report export: the official report (Word, PDF, Excel, GeoPackage, zipped Shapefile, HTML) of the stored region,
// downloaded as a file. The API key travels in a header, which a plain link cannot carry, so the page asks the API
// for a signed link (POST .../reports, valid ten minutes, scoped like the key) and lets the browser fetch that.
// A large region's report is rendered by a job: its link answers 202 until the file is ready.
import { currentLanguage } from './i18n.js';

const FORMATS = [
  ['docx', 'Word (.docx)', '.docx'], ['pdf', 'PDF (.pdf)', '.pdf'], ['xlsx', 'Excel (.xlsx)', '.xlsx'],
  ['gpkg', 'GeoPackage (.gpkg)', '.gpkg'], ['shp', 'Shapefile (.zip)', '.zip'], ['html', 'HTML (.html)', '.html'],
];
const WORDS = {
  en: { format: 'Report as', download: 'Download report', waiting: 'rendering the report' },
  zh: { format: '报告格式', download: '下载报告', waiting: '正在生成报告' },
};
const word = (key) => (WORDS[currentLanguage()] ?? WORDS.en)[key];
const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

function save(href, name) {
  const a = document.createElement('a');
  a.href = href; a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
}

/** Adds the format choice and the download button to the Export menu. */
export function setupReportExport(app) {
  const { store, api } = app;
  const menu = document.querySelector('#export-menu .menu');
  const label = document.createElement('label');
  label.className = 'row';
  const caption = document.createElement('span');
  const select = document.createElement('select');
  select.id = 'report-format';
  FORMATS.forEach(([value, text]) => select.add(new Option(text, value, value === 'docx', value === 'docx')));
  label.append(caption, ' ', select);
  const button = document.createElement('button');
  button.id = 'export-download';
  menu.append(label, button);
  const relabel = () => { caption.textContent = word('format'); button.textContent = word('download'); };
  relabel();
  document.getElementById('language').addEventListener('click', relabel);

  /** Asks for the link and downloads through it; returns the link (for the tests' hooks). */
  async function download(format) {
    const [, , extension] = FORMATS.find(([value]) => value === format);
    const { body, response } = await api.call(`/regions/${encodeURIComponent(store.region)}/reports?f=${format}`, { method: 'POST' });
    const name = `${store.region}-report${extension}`;
    if (response.status !== 202) {
      save(body.url, name);
      return body.url;
    }

    app.setStatus('loading', word('waiting'));
    for (;;) {
      const file = await fetch(body.url);
      if (file.status === 202) { await pause(500); continue; }
      if (!file.ok) throw new Error((await file.json().catch(() => null))?.detail ?? `HTTP ${file.status}`);
      save(URL.createObjectURL(await file.blob()), name);
      return body.url;
    }
  }

  window.__planner.downloadReport = download;
  button.addEventListener('click', () => app.busy(async () => {
    await download(select.value);
    document.getElementById('export-menu').open = false;
  }));
}
