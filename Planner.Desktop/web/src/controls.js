// The left panel's and the toolbar's controls that show data: the layer list (from the layer table), the
// group, unit and mode choosers, and the minutes field's bounds (from the API's travel limits). Names are
// data and go in as text.
import { listed } from './layers.js';
import { applyLabels } from './i18n.js';
import { h, fill } from './dom.js';

const $ = (id) => document.getElementById(id);

/** Whether a layer list row is checked. */
export const layerChecked = (id) => $(`layer-${id}`)?.checked ?? true;

/** The layer list: one row per listed layer (checkbox, swatch, name, feature count); built once, counts refreshed. */
export function renderLayerList(sources, onToggle) {
  const ul = $('layer-list');
  if (!ul.children.length) {
    listed().forEach((row) => {
      const box = h('input', { type: 'checkbox', id: `layer-${row.id}`, checked: true });
      box.addEventListener('change', onToggle);
      ul.append(h('li', {}, box, h('span', { className: 'swatch', style: row.swatch }),
        h('label', { for: `layer-${row.id}`, dataset: { i18n: row.title } }), h('span', { className: 'count' })));
    });
    applyLabels(ul);
  }
  listed().forEach((row) => { $(`layer-${row.id}`).parentElement.querySelector('.count').textContent = sources[row.id].getFeatures().length; });
}

/** The population groups of the region, labelled in the page's language (relabelled by applyLabels). */
export function fillGroupSelect(groups, chosen, t) {
  fill('group', groups.map((g) => h('option', { value: g, dataset: { i18n: g } }, t(g))));
  $('group').value = chosen;
}

/** The units to zoom to: county, townships and villages by code, villages indented. */
export function fillUnitSelect(units, t) {
  const shown = units.filter((f) => ['county', 'township', 'village'].includes(f.get('level')))
    .sort((a, b) => String(a.get('code')).localeCompare(String(b.get('code'))));
  fill('zoom-unit', h('option', { value: '', dataset: { i18n: 'chooseUnit' } }, t('chooseUnit')),
    shown.map((f) => new Option(`${f.get('level') === 'village' ? '\u00a0\u00a0' : ''}${f.get('name') ?? f.get('code')}`, f.get('code'))));
}

/**
 * The travel modes the API offers, when it says (else the page's own list stays), and the minutes field's
 * bounds, when it has them (else the field has none: the API is the judge).
 */
export function applyLimits(limits, t) {
  if (limits.modes) {
    const keep = $('mode').value;
    fill('mode', limits.modes.map((m) => h('option', { value: m, dataset: { i18n: m } }, t(m))));
    if (limits.modes.includes(keep)) $('mode').value = keep;
  }
  const m = limits.minutes;
  const input = $('minutes');
  if (m && !m.minExclusive) input.min = m.min; else input.removeAttribute('min');
  if (m && !m.maxExclusive) input.max = m.max; else input.removeAttribute('max');
}
