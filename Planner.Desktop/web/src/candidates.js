// Candidate sites placed on the map for siting: in placing mode a click adds a site and a click on a placed site
// removes it; the recommendation then chooses among the placed sites only (the request's `candidates`), and
// without placed sites among the region's own or its demand points, as before.
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { toLonLat } from 'ol/proj.js';
import { Style, RegularShape, Fill, Stroke, Text } from 'ol/style.js';
import { dictionary, t, applyLabels } from './i18n.js';
import { h } from './dom.js';

Object.assign(dictionary.en, { placeCandidates: 'Place candidate sites', clearCandidates: 'Clear', placedCount: 'placed', placedSite: 'Site' });
Object.assign(dictionary.zh, { placeCandidates: '在图上放置候选站址', clearCandidates: '清除', placedCount: '个已放置', placedSite: '站址' });

const siteStyle = (f) => new Style({
  image: new RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, fill: new Fill({ color: '#fff8e1' }), stroke: new Stroke({ color: '#e65100', width: 2 }) }),
  text: new Text({ text: String(f.get('name')), offsetY: -14, font: '11px sans-serif', fill: new Fill({ color: '#e65100' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
});

/** Wires placing (app: map, store); app.placedCandidates() gives the placed sites as the API's candidates, or null. */
export function setupCandidates(app) {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: siteStyle, zIndex: 11 });
  layer.set('id', 'placed-candidates');
  app.map.addLayer(layer);
  let next = 1;

  const toggle = h('input', { type: 'checkbox', id: 'place-candidates' });
  const count = h('span', { id: 'placed-count', className: 'hint' });
  const clear = h('button', { id: 'clear-candidates', type: 'button', dataset: { i18n: 'clearCandidates' } });
  const row = h('div', { className: 'row' }, toggle, h('label', { for: 'place-candidates', dataset: { i18n: 'placeCandidates' } }), count, clear);
  const run = document.getElementById('rec-run').parentElement;
  run.before(row);
  applyLabels(row);
  const recount = () => { count.textContent = source.getFeatures().length ? `${source.getFeatures().length} ${t('placedCount')}` : ''; };

  app.map.on('singleclick', (evt) => {
    if (!toggle.checked) return;
    const hit = app.map.forEachFeatureAtPixel(evt.pixel, (f, l) => (l === layer ? f : undefined), { hitTolerance: 4 });
    if (hit) source.removeFeature(hit);
    else {
      const id = `placed-${next++}`;
      const f = new Feature({ geometry: new Point(evt.coordinate), name: `${t('placedSite')} ${id.slice(7)}` });
      f.setId(id);
      source.addFeature(f);
    }
    recount();
  });
  clear.addEventListener('click', () => { source.clear(); recount(); });

  /** The placed sites as a GeoJSON FeatureCollection of WGS84 points (rounded to 1e-7°), or null when none is placed. */
  app.placedCandidates = () => {
    const features = source.getFeatures();
    if (!features.length) return null;
    return {
      type: 'FeatureCollection',
      features: features.map((f) => {
        const [lon, lat] = toLonLat(f.getGeometry().getCoordinates()).map((v) => Math.round(v * 1e7) / 1e7);
        return { type: 'Feature', id: f.getId(), properties: { name: f.get('name') }, geometry: { type: 'Point', coordinates: [lon, lat] } };
      }),
    };
  };
  /** True while a click on the map places or removes a site. */
  app.isPlacingCandidates = () => toggle.checked;
  if (window.__planner) window.__planner.placedCandidates = () => app.placedCandidates();
}
