// What-if requests: the station list and parameters in force (derived from the edits) go to POST /whatif;
// the JSON contract is the API's WhatIfRequest / WhatIfResponse, unchanged. An answer is drawn only while
// the edit list it was asked for is still the page's (a newer edit, a reset or another region makes it
// stale). An input the API refuses (400/422 problem) undoes the change that led to it and shows the problem.
import { stations, params, coverageNow } from './state.js';
import { paramsEdited } from './edits.js';

/** True for the API's refusals of an input (problem details naming a field), as opposed to failures. */
const isRefusal = (e) => e?.status === 400 || e?.status === 422;

/**
 * The what-if runner over the page: app gives store, api, busy(work), show(coverage, withCircles) to draw an
 * answer, renderWhatIf() for the panel, and refused(message) to say why an input was not taken.
 */
export function createWhatIf(app) {
  const { store, api } = app;

  /**
   * Sends the list in force twice at once: without circles (the figures, fastest) and with them; each
   * answer is drawn when it lands if still fresh, and the times from gesture to drawn figures and to drawn
   * circles are kept. previous is the edit list before the change, restored if the API refuses the change.
   */
  async function run(started = performance.now(), previous = null) {
    const region = store.region;
    const edits = store.edits;
    const { minutes, mode } = params(store);
    const list = stations(store).map((s) => ({ ...s }));
    const request = paramsEdited(edits) ? { minutes, mode, stations: list } : { stations: list, circle: store.circle ?? undefined };
    const snapshot = { minutes, mode, stations: request.stations };
    const fresh = () => store.edits === edits && store.region === region;

    /** The answer with or without circles; undefined when refused (then the change is undone). */
    async function ask(circles) {
      try {
        return await api.whatIf(region, { ...request, circles });
      } catch (e) {
        if (!isRefusal(e)) throw e;
        if (fresh()) app.refused(e.message, previous);
        return undefined;
      }
    }

    const figures = app.busy(async () => {
      const result = await ask(false);
      if (!result || !fresh()) return;
      store.current = { ...snapshot, report: result.report, circles: coverageNow(store).circles, gaps: result.gaps, checks: result.checks ?? null };
      store.live = null;
      store.lastServerMs = result.elapsedMs ?? null;
      app.show(store.current, false);
      store.lastWhatIfMs = Math.round(performance.now() - started);
      store.whatIfCount++;
      app.renderWhatIf();
    });
    const circles = app.busy(async () => {
      const result = await ask(true);
      if (!result || !fresh()) return;
      await figures;
      if (!fresh()) return;
      store.current = { ...snapshot, report: result.report, circles: result.circles, gaps: result.gaps, checks: result.checks ?? null };
      store.live = null;
      app.show(store.current, true);
      store.lastCirclesMs = Math.round(performance.now() - started);
      store.circlesCount++;
      app.renderWhatIf();
    });
    await Promise.all([figures, circles]);
  }

  return { run };
}
