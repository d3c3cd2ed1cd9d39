// Circle tiers: the planner picks a life circle of data/standards/circles.json (GB 50180's 5, 10 or 15 minutes)
// or the region's own default, and every figure on the page follows it. The stored stations' coverage, circles
// and gaps are asked for again with `?circle=` (the API prepares the network once per region, so a switch is no
// graph rebuild) and the edits in force are asked for again through the what-if request builder, which sends the
// store's circle. The population group is the toolbar's group switcher; the unit shading follows both. Gaps are
// drawn lighter (styles.js) and show their people on hover.
import { dictionary, t, applyLabels } from './i18n.js';
import { h, fill } from './dom.js';
import { coverageNow } from './state.js';

/** The GB 50180-2018 tiers of data/standards/circles.json, smallest first; '' is the region's own default. */
export const TIERS = ['', 'gb50180-5min', 'gb50180-10min', 'gb50180-15min'];

Object.assign(dictionary.en, {
  circleTier: 'Circle', tierDefault: "Region's default",
  'tier_gb50180-5min': '5-minute (300 m)', 'tier_gb50180-10min': '10-minute (500 m)', 'tier_gb50180-15min': '15-minute (1,000 m)',
  gapPeople: 'people in this gap',
});
Object.assign(dictionary.zh, {
  circleTier: '生活圈', tierDefault: '本地区默认',
  'tier_gb50180-5min': '五分钟（300 米）', 'tier_gb50180-10min': '十分钟（500 米）', 'tier_gb50180-15min': '十五分钟（1000 米）',
  gapPeople: '空白区内人口',
});

/**
 * Wires the circle tier select (#circle) and the gaps' hover text. app gives store, api, busy, layers, map,
 * setStatus, and recompute() to ask for the edits in force again (the stored stations' answer when none).
 */
export function setupTiers(app) {
  const { store, api } = app;
  const select = document.getElementById('circle');
  fill(select, TIERS.map((id) => h('option', { value: id, dataset: { i18n: id ? `tier_${id}` : 'tierDefault' } }, t(id ? `tier_${id}` : 'tierDefault'))));
  applyLabels(select);

  /** The stored stations' coverage, circles and gaps under the chosen tier become the baseline; then the edits are asked for again. */
  async function choose(circle) {
    store.circle = circle || null;
    const region = store.region;
    const params = circle ? { circle } : {};
    await app.busy(async () => {
      const [report, circles, gaps] = await Promise.all([api.coverage(region, params), api.items(region, 'circles', params), api.items(region, 'gaps', params)]);
      // A later switch or another region has overtaken this answer.
      if (store.region !== region || (store.circle ?? '') !== circle) return;
      store.baseline = { ...store.baseline, report, circles, gaps };
      await app.recompute();
    });
  }
  select.addEventListener('change', () => choose(select.value));

  const gapsLayer = app.layers.gaps;
  const target = app.map.getTargetElement();
  app.map.on('pointermove', (evt) => {
    if (evt.dragging) return;
    const gap = app.map.forEachFeatureAtPixel(evt.pixel, (f) => f, { layerFilter: (l) => l === gapsLayer });
    // A tooltip as the element's title: text, never markup.
    target.title = gap ? `${t(store.group)}: ${Math.round(Number(gap.get(store.group) ?? 0)).toLocaleString()} ${t('gapPeople')}` : '';
  });

  if (window.__planner) {
    /** The circle id of the figures on screen (`custom` for an ad-hoc one). */
    window.__planner.tierShown = () => coverageNow(store)?.report.circle ?? null;
    /** The fill colour a unit is drawn with now, or null when it is not shaded. */
    window.__planner.unitFill = (code) => {
      const f = app.sources.units.getFeatures().find((u) => u.get('code') === code);
      const style = f && app.layers.units.getStyleFunction()(f, app.view.getResolution());
      return style?.getFill()?.getColor() ?? null;
    };
  }
}
