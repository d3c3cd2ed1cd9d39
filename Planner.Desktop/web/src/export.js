// Export: the current view as PNG (the map's canvases composed, as in the OpenLayers export example), the
// visible layers as one GeoJSON file (a "layer" property says which), and the API's printable report.
import { LAYERS } from './layers.js';
import { params } from './state.js';

const download = (url, name) => { const a = document.createElement('a'); a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove(); };

export function setupExport(app) {
  const { map, store, layers, geojson, api } = app;
  const $ = (id) => document.getElementById(id);
  const close = () => { $('export-menu').open = false; };

  /** The view as a PNG data URL. */
  function png() {
    map.renderSync();
    const size = map.getSize();
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = size[0] * ratio; canvas.height = size[1] * ratio;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#eef2ee'; ctx.fillRect(0, 0, canvas.width, canvas.height);
    map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer').forEach((c) => {
      if (c.width === 0) return;
      const opacity = c.parentNode.style.opacity || c.style.opacity;
      ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
      const m = c.style.transform.match(/^matrix\(([^(]*)\)$/);
      const matrix = m ? m[1].split(',').map(Number) : [c.style.width ? parseFloat(c.style.width) / c.width : 1, 0, 0, c.style.height ? parseFloat(c.style.height) / c.height : 1, 0, 0];
      ctx.setTransform(matrix[0] * ratio, matrix[1], matrix[2], matrix[3] * ratio, matrix[4] * ratio, matrix[5] * ratio);
      ctx.drawImage(c, 0, 0);
    });
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    return canvas.toDataURL('image/png');
  }

  /** Visible layers as a GeoJSON FeatureCollection in WGS84 (a layer that shows another's features is not written twice). */
  function layersGeoJson() {
    const features = [];
    LAYERS.filter((row) => row.export !== false).map((row) => [row.id, layers[row.id]]).filter(([, l]) => l.getVisible()).forEach(([k, l]) => {
      const fc = JSON.parse(geojson.writeFeatures(l.getSource().getFeatures()));
      fc.features.forEach((f) => { f.properties = { layer: k, ...(f.properties ?? {}) }; features.push(f); });
    });
    return { type: 'FeatureCollection', features };
  }

  window.__planner.exportPng = png;
  window.__planner.exportGeoJson = layersGeoJson;
  $('export-png').addEventListener('click', () => { download(png(), `${store.region}-map.png`); close(); });
  $('export-geojson').addEventListener('click', () => {
    download(URL.createObjectURL(new Blob([JSON.stringify(layersGeoJson())], { type: 'application/geo+json' })), `${store.region}-layers.geojson`);
    close();
  });
  $('export-report').addEventListener('click', () => app.busy(async () => {
    const url = await api.reportUrl(store.region, params(store));
    window.open(url, '_blank');
    close();
  }));
}
