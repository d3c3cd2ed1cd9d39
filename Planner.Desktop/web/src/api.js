// The page's only way to the data: the Planner API on the same origin, with the X-Api-Key header.
let apiKey = '';

/** Sets the key sent with every request. */
export function setApiKey(key) { apiKey = key; }

/** The key in use, for a request the JSON helper cannot send (a file upload). */
export const currentApiKey = () => apiKey;

/** An error from the API, carrying its status and RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API; returns { body, response }. Non-2xx becomes an ApiError. */
export async function call(path, { method = 'GET', body, headers = {}, signal, accept = 'application/json' } = {}) {
  const h = { Accept: accept, 'X-Api-Key': apiKey, 'Accept-Language': document.documentElement.lang, ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), signal });
  const type = response.headers.get('Content-Type') || '';
  const parsed = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof parsed === 'object' ? parsed : { detail: parsed });
  return { body: parsed, response };
}

const region = (r) => `/regions/${encodeURIComponent(r)}`;
const qs = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();

/** Minutes, speed and modes the API accepts: { minutes: {min, max, minExclusive}, speedKmh: {...}, modes: [...] }. */
export const travelLimits = async () => (await call('/travel-limits')).body;

/** Regions the key may see. */
export const regions = async () => (await call('/regions')).body;

/** Every feature of a collection (OGC API - Features items), following next links. */
export async function items(r, collection, params = {}) {
  let url = `${region(r)}/collections/${collection}/items?${qs({ limit: 10000, ...params })}`;
  const features = [];
  while (url) {
    const { body } = await call(url, { accept: 'application/geo+json' });
    features.push(...body.features);
    const next = (body.links || []).find((l) => l.rel === 'next');
    url = next ? new URL(next.href, location.href).pathname + new URL(next.href, location.href).search : null;
  }
  return { type: 'FeatureCollection', features };
}

/** A basemap vector tile's bytes (Mapbox vector tile), or null when the tile holds nothing (204). */
export async function tile(r, z, x, y, signal) {
  const response = await fetch(`${region(r)}/tiles/${z}/${x}/${y}.mvt`, { headers: { 'X-Api-Key': apiKey }, signal });
  if (response.status === 204) return null;
  if (!response.ok) throw new ApiError(response.status, { detail: await response.text() });
  return response.arrayBuffer();
}

/** The coverage report (the CLI's JSON schema). */
export const coverage = async (r, params) => (await call(`${region(r)}/coverage?${qs(params)}`)).body;

/** Coverage of an edited station list (what-if): report, circles and gaps as GeoJSON. */
export const whatIf = async (r, request, signal) => (await call(`${region(r)}/whatif`, { method: 'POST', body: request, signal })).body;

/** The printable HTML report as a blob URL (the key travels in a header, so a plain link cannot carry it). */
export async function reportUrl(r, params) {
  const { body } = await call(`${region(r)}/coverage?${qs({ ...params, f: 'html' })}`, { accept: 'text/html' });
  return URL.createObjectURL(new Blob([body], { type: 'text/html' }));
}

/** Scenarios: list, create, replace edits with If-Match (ETag), delete with If-Match, read. */
export const scenarios = {
  list: async (r) => (await call(`${region(r)}/scenarios`)).body,
  create: async (r, scenario) => {
    const { body, response } = await call(`${region(r)}/scenarios`, { method: 'POST', body: scenario });
    return { scenario: body, etag: response.headers.get('ETag'), location: response.headers.get('Location') };
  },
  update: async (r, name, scenario, etag) => {
    const { body, response } = await call(`${region(r)}/scenarios/${encodeURIComponent(name)}`, { method: 'PUT', body: scenario, headers: etag ? { 'If-Match': etag } : {} });
    return { scenario: body, etag: response.headers.get('ETag') };
  },
  remove: async (r, name, etag) => { await call(`${region(r)}/scenarios/${encodeURIComponent(name)}`, { method: 'DELETE', headers: etag ? { 'If-Match': etag } : {} }); },
  get: async (r, id) => {
    const { body, response } = await call(`${region(r)}/scenarios/${encodeURIComponent(id)}`);
    return { scenario: body, etag: response.headers.get('ETag') };
  },
};

/** Runs a recommendation job: 202 + Location, then polls until done; onProgress gets 0..1. */
export async function recommend(r, request, onProgress, signal) {
  const { body, response } = await call(`${region(r)}/recommendations`, { method: 'POST', body: request, signal });
  let location = response.headers.get('Location') || body?.links?.find?.((l) => l.rel === 'self')?.href;
  if (response.status !== 202 || !location) return body;
  location = new URL(location, location.startsWith('http') ? undefined : window.location.href);
  for (;;) {
    const job = (await call(location.pathname + location.search, { signal })).body;
    onProgress?.(job.progress ?? 0);
    const state = (job.status || job.state || '').toLowerCase();
    if (['succeeded', 'completed', 'done', 'finished'].includes(state)) return job.result ?? job;
    if (['failed', 'cancelled', 'canceled'].includes(state)) throw new ApiError(500, { detail: job.error || state });
    await new Promise((resolve) => setTimeout(resolve, 250)); // polling interval of a server job, not a test wait
  }
}
