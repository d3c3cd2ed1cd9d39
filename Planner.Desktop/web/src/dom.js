// Building the page's DOM from data. Names (units, groups, stations, teams, buildings, rule texts) are data that
// a region file or a rule set supplies, so they only ever reach the page as text nodes: nothing here parses
// markup, and no module writes data through innerHTML.

/**
 * An element: attrs are set as properties (className, id, value, title, hidden, ...) except `dataset` (copied)
 * and `style` (a CSS string of our own, never data); children are nodes or strings (strings become text
 * nodes); null, undefined and false children are skipped, arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null) continue;
    if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style') el.style.cssText = v;
    else if (k === 'for') el.htmlFor = v;
    else el[k] = v;
  }
  el.append(...nodes(children));
  return el;
}

function nodes(children) {
  return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
}

/** Replaces the children of el (an element or its id) with the given nodes and strings. */
export function fill(el, ...children) {
  const target = typeof el === 'string' ? document.getElementById(el) : el;
  target.replaceChildren(...nodes(children));
  return target;
}

/** A table: a header row and one row per entry; each cell is a string or a node. */
export function table(headers, rows) {
  return h('table', {}, h('tr', {}, headers.map((x) => h('th', {}, x))), rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c)))));
}

/** A signed number with a class for its sign (delta-pos, delta-neg), as the change columns show it. */
export function delta(tag, d, text) {
  return h(tag, { className: d > 0 ? 'delta-pos' : d < 0 ? 'delta-neg' : '' }, `${d > 0 ? '+' : ''}${text}`);
}
