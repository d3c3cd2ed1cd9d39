// The travel limits the API accepts (minutes, speed, modes), read from GET /travel-limits so the page keeps
// no copy of them. A server without the endpoint (404) leaves the page without limits of its own: it sends
// what the planner enters and shows the API's problem when the API refuses it.

/** No limits known: nothing is checked on the page. */
export const NO_LIMITS = Object.freeze({ minutes: null, speedKmh: null, modes: null });

/** The API's limits, or NO_LIMITS when it has no such endpoint. Other failures are thrown. */
export async function loadLimits(api) {
  try {
    const body = await api.travelLimits();
    return { minutes: range(body?.minutes), speedKmh: range(body?.speedKmh), modes: Array.isArray(body?.modes) && body.modes.length ? body.modes.map(String) : null };
  } catch (e) {
    if (e.status === 404) return NO_LIMITS;
    throw e;
  }
}

function range(r) {
  if (!r || !Number.isFinite(r.min) || !Number.isFinite(r.max)) return null;
  return { min: r.min, max: r.max, minExclusive: !!r.minExclusive, maxExclusive: !!r.maxExclusive };
}

/** Whether value lies in the range (always, when there is no range). */
export function within(r, value) {
  if (!r) return Number.isFinite(value);
  const aboveMin = r.minExclusive ? value > r.min : value >= r.min;
  const belowMax = r.maxExclusive ? value < r.max : value <= r.max;
  return Number.isFinite(value) && aboveMin && belowMax;
}

/** The range in words for a refusal: "more than 0 and at most 240" (keys of the page's dictionary). */
export function describe(r, t) {
  return `${t(r.minExclusive ? 'moreThan' : 'atLeast')} ${r.min} ${t('and')} ${t(r.maxExclusive ? 'lessThan' : 'atMost')} ${r.max}`;
}
