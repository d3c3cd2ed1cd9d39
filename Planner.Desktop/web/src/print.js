// The print layout: the current view on an A4 or A3 landscape sheet with a title, the region, circle, group
// and date, the legend, a scale bar, a north arrow and the data sources; printed to PDF by the browser's print
// (the sheet is the only thing the print media shows) or saved as PNG. Names and the title are set as text.
import { getPointResolution } from 'ol/proj.js';
import { dictionary, t, applyLabels } from './i18n.js';
import { h, fill } from './dom.js';
import { coverageNow } from './state.js';

Object.assign(dictionary.en, {
  printLayout: 'Print layout…', printTitle: 'Title', printPaper: 'Paper', printPdf: 'Print / PDF', printPng: 'PNG', printClose: 'Close',
  printSources: 'Data: the region\'s own files through the CoverageMap API (units, roads, people, stations); basemap drawn from the same data, offline.',
  printDate: 'Date', printCircle: 'Circle', printNorth: 'N',
});
Object.assign(dictionary.zh, {
  printLayout: '打印版面…', printTitle: '标题', printPaper: '纸张', printPdf: '打印 / PDF', printPng: 'PNG', printClose: '关闭',
  printSources: '数据：本区域自有数据（行政单元、道路、人口、站点），经 CoverageMap 接口；底图由同一数据离线绘制。',
  printDate: '日期', printCircle: '服务圈', printNorth: '北',
});

/** Sheet sizes in millimetres, landscape. */
export const PAPERS = { A4: [297, 210], A3: [420, 297] };

/** The page margin, mm. */
const MARGIN_MM = 8;

/** A scale bar length near a quarter of the map's ground width: 1, 2 or 5 times a power of ten metres. */
function niceMetres(target) {
  const p = 10 ** Math.floor(Math.log10(target));
  return [5, 2, 1].map((k) => k * p).find((m) => m <= target) ?? p;
}

/** The north arrow as SVG built node by node (the map is never rotated, so north is up). */
function northArrow() {
  const ns = 'http://www.w3.org/2000/svg';
  const el = (tag, attrs) => { const e = document.createElementNS(ns, tag); Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v)); return e; };
  const svg = el('svg', { viewBox: '0 0 40 60', width: '14mm', height: '21mm', class: 'north-arrow' });
  svg.append(el('polygon', { points: '20,4 32,44 20,36 8,44', fill: '#203347' }), el('polygon', { points: '20,4 20,36 8,44', fill: '#8aa1b8' }));
  const n = el('text', { x: '20', y: '58', 'text-anchor': 'middle', 'font-size': '14', 'font-weight': 'bold' });
  n.textContent = t('printNorth');
  svg.append(n);
  return svg;
}

export function setupPrint(app) {
  const { map, view, store } = app;
  const style = h('style', { id: 'print-style' });
  document.head.append(style);
  const sheet = h('div', { id: 'print-sheet' });
  document.body.append(sheet);
  const titleInput = h('input', { id: 'print-title', type: 'text' });
  const paper = h('select', { id: 'print-paper' }, Object.keys(PAPERS).map((p) => h('option', { value: p }, `${p} ↔`)));
  const dialog = h('dialog', { id: 'print-dialog' },
    h('label', { className: 'row' }, h('span', { dataset: { i18n: 'printTitle' } }), titleInput),
    h('label', { className: 'row' }, h('span', { dataset: { i18n: 'printPaper' } }), paper),
    h('div', { className: 'row' }, h('button', { id: 'print-pdf', dataset: { i18n: 'printPdf' } }), h('button', { id: 'print-png', dataset: { i18n: 'printPng' } }), h('button', { id: 'print-close', dataset: { i18n: 'printClose' } })));
  document.body.append(dialog);
  const open = h('button', { id: 'export-print', dataset: { i18n: 'printLayout' } });
  document.querySelector('#export-menu .menu').append(open);
  applyLabels(dialog); applyLabels(open.parentElement);

  /** Lays out the sheet for a paper and title from the view of the moment; returns what it drew. */
  function prepare({ paper: size = 'A4', title } = {}) {
    const [w, hMm] = PAPERS[size] ?? PAPERS.A4;
    style.textContent = `@page { size: ${w}mm ${hMm}mm; margin: ${MARGIN_MM}mm; }
      #print-sheet { width: ${w - 2 * MARGIN_MM}mm; height: ${hMm - 2 * MARGIN_MM - 1}mm; }`;
    const image = app.exportPng();
    const [widthPx, heightPx] = map.getSize();
    // The map image at the largest size that leaves room for the header, scale bar, footer and side column.
    const roomW = w - 2 * MARGIN_MM - 64;
    const roomH = hMm - 2 * MARGIN_MM - 36;
    const imageW = Math.min(roomW, roomH * widthPx / heightPx);
    const imageH = imageW * heightPx / widthPx;
    // Ground metres per screen pixel at the centre (Web Mercator stretches by 1/cos(latitude)).
    const mpp = getPointResolution(view.getProjection(), view.getResolution(), view.getCenter(), 'm');
    const metres = niceMetres(mpp * widthPx / 4);
    const fraction = metres / (mpp * widthPx);
    const report = coverageNow(store)?.report;
    const region = document.getElementById('region').selectedOptions[0]?.textContent ?? store.region;
    const heading = title || `${region} — ${t('coveredShare')}`;
    const legend = document.getElementById('legend').cloneNode(true);
    legend.removeAttribute('id');
    const scaleLabel = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
    fill(sheet,
      h('header', {}, h('h1', {}, heading),
        h('div', { className: 'meta' }, `${region} · ${t('printCircle')}: ${report ? `${report.minutes} ${t('minutes')} ${t(report.mode)}` : ''} · ${t(store.group)} · ${t('printDate')}: ${new Date().toISOString().slice(0, 10)}`)),
      h('div', { className: 'body' },
        h('div', { className: 'map-frame', style: `width:${imageW.toFixed(2)}mm` }, h('img', { src: image, alt: heading, style: `width:${imageW.toFixed(2)}mm;height:${imageH.toFixed(2)}mm` }),
          h('div', { className: 'scale-bar' }, h('div', { className: 'bar', style: `width:${(100 * fraction).toFixed(3)}%` }), h('span', {}, scaleLabel))),
        h('aside', {}, northArrow(), h('h2', {}, t('legend')), legend)),
      h('footer', {}, t('printSources')));
    return { paper: size, widthMm: w, heightMm: hMm, imageWidthMm: imageW, title: heading, scaleMetres: metres, scaleFraction: fraction, mapWidthPx: widthPx, metresPerPixel: mpp };
  }

  /** The sheet as a PNG (the map image with the title, scale bar and legend drawn beside it), at 6 px per mm. */
  async function png(options) {
    const laid = prepare(options);
    const k = 6;
    const canvas = h('canvas', { width: laid.widthMm * k, height: laid.heightMm * k });
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
    const img = new Image();
    img.src = sheet.querySelector('img').src;
    await img.decode();
    const mapW = (laid.widthMm - 2 * MARGIN_MM - 70) * k;
    const mapH = Math.min(mapW * img.height / img.width, (laid.heightMm - 40) * k);
    ctx.drawImage(img, MARGIN_MM * k, 26 * k, mapH * img.width / img.height, mapH);
    ctx.fillStyle = '#111'; ctx.font = `bold ${8 * k}px sans-serif`; ctx.fillText(laid.title, MARGIN_MM * k, 16 * k);
    ctx.font = `${3.5 * k}px sans-serif`; ctx.fillText(sheet.querySelector('.meta').textContent, MARGIN_MM * k, 22 * k);
    const barW = laid.scaleFraction * mapH * img.width / img.height;
    ctx.fillRect(MARGIN_MM * k, (26 + 2) * k + mapH, barW, 1.5 * k);
    ctx.fillText(sheet.querySelector('.scale-bar span').textContent, MARGIN_MM * k + barW + 2 * k, (26 + 3.5) * k + mapH);
    ctx.fillText(`↑ ${t('printNorth')}`, canvas.width - 60 * k, 30 * k);
    [...sheet.querySelectorAll('aside .item')].forEach((item, i) => ctx.fillText(item.textContent, canvas.width - 60 * k, (40 + i * 6) * k));
    ctx.font = `${3 * k}px sans-serif`; ctx.fillText(t('printSources'), MARGIN_MM * k, canvas.height - 6 * k);
    return { ...laid, dataUrl: canvas.toDataURL('image/png') };
  }

  const options = () => ({ paper: paper.value, title: titleInput.value.trim() });
  open.addEventListener('click', () => { document.getElementById('export-menu').open = false; dialog.showModal(); });
  document.getElementById('print-close').addEventListener('click', () => dialog.close());
  document.getElementById('print-pdf').addEventListener('click', () => { prepare(options()); dialog.close(); window.print(); });
  document.getElementById('print-png').addEventListener('click', async () => {
    const { dataUrl } = await png(options());
    const a = h('a', { href: dataUrl, download: `${store.region}-print.png` });
    document.body.append(a); a.click(); a.remove();
  });
  // A print from the browser's own menu gets the sheet too.
  window.addEventListener('beforeprint', () => { if (!sheet.children.length) prepare(options()); });

  if (window.__planner) {
    /** Lays out the print sheet ({ paper: 'A4'|'A3', title }) and returns its measures (scale bar included). */
    window.__planner.preparePrint = prepare;
    /** The sheet as PNG: its measures and a data URL. */
    window.__planner.printPng = png;
  }
}
