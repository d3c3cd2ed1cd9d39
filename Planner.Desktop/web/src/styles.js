// OpenLayers styles of every layer, and the legend entries that describe them.
import { Style, Fill, Stroke, Circle as CircleStyle, RegularShape, Icon, Text } from 'ol/style.js';

export const STATUS_COLOURS = { operating: '#1565c0', built: '#7b1fa2', planned: '#9e9e9e' };
export const LEVEL_SHAPES = { county_center: 'square', area_center: 'diamond', township_station: 'circle', village_point: 'triangle' };
const PUBLIC_BUILDING_COLOUR = '#00838f';

/**
 * A public building's glyph, 16 by 15 CSS pixels drawn at twice that for sharp screens: a pediment, three
 * columns and a base with a white halo, so it reads as a building on any fill and unlike the needs' squares.
 * Drawn on a canvas, so the map has it at once (no image to load) and the legend shows the same picture.
 */
function buildingGlyph(colour) {
  const canvas = document.createElement('canvas');
  canvas.width = 32; canvas.height = 30;
  const ctx = canvas.getContext('2d');
  ctx.scale(2, 2);
  const parts = [
    (c) => { c.moveTo(1.5, 5.5); c.lineTo(8, 1); c.lineTo(14.5, 5.5); c.closePath(); },
    (c) => c.rect(1.5, 5.5, 13, 1.5),
    ...[2.5, 7, 11.5].map((x) => (c) => c.rect(x, 7, 2, 5)),
    (c) => c.rect(1, 12, 14, 2),
  ];
  ctx.lineJoin = 'round';
  for (const [paint, style] of [['stroke', '#fff'], ['fill', colour]]) {
    ctx.lineWidth = 2;
    ctx[`${paint}Style`] = style;
    parts.forEach((draw) => { ctx.beginPath(); draw(ctx); ctx[paint](); });
  }
  return canvas;
}

const BUILDING_GLYPH = buildingGlyph(PUBLIC_BUILDING_COLOUR);

/** The public buildings' swatch in the layer list and the legend: the glyph the map draws. */
export const BUILDING_SWATCH = `background:url(${BUILDING_GLYPH.toDataURL('image/png')}) center/contain no-repeat;border:none`;

/** A swatch of one colour. */
export const colourSwatch = (colour) => `background:${colour}`;

/** Colour of a covered share 0..1 on a red-to-green ramp (the legend's ramp). */
export function shareColour(share, alpha = 0.55) {
  const stops = [[215, 48, 31], [253, 174, 97], [166, 217, 106], [26, 152, 80]];
  const x = Math.max(0, Math.min(1, share)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const c = stops[i].map((v, k) => Math.round(v + (stops[i + 1][k] - v) * f));
  return `rgba(${c[0]},${c[1]},${c[2]},${alpha})`;
}

const outline = new Stroke({ color: '#37474f', width: 1 });

/** Units: the chosen level filled by covered share of the chosen group; the others outlined. */
export function unitStyle(shareOf, level) {
  const cache = new Map();
  return (feature) => {
    const l = feature.get('level');
    if (l === 'grid') return null;
    const share = l === level ? shareOf(feature.get('code')) : undefined;
    const key = `${l}|${share === undefined ? '' : Math.round(share * 100)}`;
    if (!cache.has(key)) {
      cache.set(key, new Style({
        fill: share === undefined ? undefined : new Fill({ color: shareColour(share) }),
        stroke: new Stroke({ color: l === 'county' ? '#263238' : '#546e7a', width: l === 'county' ? 2.5 : l === 'township' ? 1.5 : 0.6, lineDash: l === 'village' ? [4, 3] : undefined }),
      }));
    }
    return cache.get(key);
  };
}

const roadStyles = {};
/** Roads: width by highway class. */
export function roadStyle(feature) {
  const h = feature.get('highway') || '';
  const w = /trunk|primary/.test(h) ? 2.5 : /secondary|tertiary/.test(h) ? 1.8 : 1;
  return (roadStyles[w] ??= new Style({ stroke: new Stroke({ color: '#8d8d8d', width: w }) }));
}

/** Demand dots sized by the chosen group's count. */
export function demandStyle(group, max) {
  const cache = new Map();
  return (feature) => {
    const v = Number(feature.get(group) || 0);
    const r = v <= 0 ? 0 : Math.max(1.5, 9 * Math.sqrt(v / Math.max(1, max)));
    const key = Math.round(r * 2);
    if (key === 0) return null;
    if (!cache.has(key)) cache.set(key, new Style({ image: new CircleStyle({ radius: key / 2, fill: new Fill({ color: 'rgba(255,112,67,.7)' }), stroke: new Stroke({ color: '#bf360c', width: 0.5 }) }) }));
    return cache.get(key);
  };
}

function shape(kind, colour, size, strokeColour = '#fff') {
  const fill = new Fill({ color: colour });
  const stroke = new Stroke({ color: strokeColour, width: 1.5 });
  switch (kind) {
    case 'square': return new RegularShape({ points: 4, radius: size * 1.2, angle: Math.PI / 4, fill, stroke });
    case 'diamond': return new RegularShape({ points: 4, radius: size * 1.2, fill, stroke });
    case 'triangle': return new RegularShape({ points: 3, radius: size, fill, stroke });
    case 'star': return new RegularShape({ points: 5, radius: size * 1.2, radius2: size * 0.5, fill, stroke });
    default: return new CircleStyle({ radius: size, fill, stroke });
  }
}

/** Stations by level (shape) and status (colour); the selected one is ringed and labelled. */
export function stationStyle(selectedId) {
  return (feature) => {
    const selected = feature.getId() === selectedId();
    return new Style({
      image: shape(LEVEL_SHAPES[feature.get('level')] || 'circle', STATUS_COLOURS[feature.get('status')] || '#1565c0', selected ? 9 : 7, selected ? '#ffeb3b' : '#fff'),
      text: selected ? new Text({ text: feature.get('name') || '', offsetY: -16, font: '12px sans-serif', fill: new Fill({ color: '#111' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) : undefined,
      zIndex: selected ? 10 : 1,
    });
  };
}

export const circleStyle = new Style({ fill: new Fill({ color: 'rgba(33,150,243,.18)' }), stroke: new Stroke({ color: 'rgba(21,101,192,.8)', width: 1.2 }) });
// Lighter than the rest: on a county the gaps are many, and drawn strong they drowned the other layers.
export const gapStyle = new Style({ fill: new Fill({ color: 'rgba(198,40,40,.14)' }), stroke: new Stroke({ color: 'rgba(183,28,28,.6)', width: 1, lineDash: [5, 3] }) });
export const teamStyle = new Style({ image: shape('star', '#6a1b9a', 6) });
export const needStyle = new Style({ image: shape('square', '#ef6c00', 4) });
export const recommendedStyle = new Style({ image: shape('star', '#2e7d32', 9, '#000') });

/** Public buildings: the building glyph centred on the point. */
export const publicBuildingStyle = new Style({ image: new Icon({ img: BUILDING_GLYPH, scale: 0.5 }) });

/** Legend entries: [label key, swatch css] for stations by level and status. */
export const STATION_LEGEND = [
  ...Object.entries(STATUS_COLOURS).map(([status, colour]) => [status, `background:${colour};border-radius:50%`]),
  ['county_center', 'background:#607d8b'], ['area_center', 'background:#607d8b;transform:rotate(45deg)'],
  ['township_station', 'background:#607d8b;border-radius:50%'], ['village_point', 'background:#607d8b;clip-path:polygon(50% 0,100% 100%,0 100%)'],
];
