// Live drag: while a station is dragged, the figures (a what-if without circles) are asked for the position
// of the moment and drawn as they land, so the covered figures and the unit shading follow the pointer; the
// circles follow on drop, when the move becomes an edit (main.js). Requests are coalesced: at most one is in
// flight, and when it lands the latest position is sent, so a slow answer never queues stale positions.
// The drag's positions are never edits: the edit list changes only on drop, so undo and saving see one move.
import { stationsAfter, paramsAfter, paramsEdited } from './edits.js';

/**
 * The live-drag runner: app gives store, api, busy(work) and show(coverage) to draw figures without circles.
 * Returns { move(moves), end() }: move() with the drag's move edits of the moment, end() on drop.
 */
export function createLiveDrag(app) {
  const { store, api } = app;
  let drag = null;

  /** Sends the latest position of the drag, unless a request is in flight (then it is sent when that lands). */
  function send(d) {
    if (d.inFlight || !d.latest || d.ended) return;
    const { moves, upTo } = d.latest;
    d.latest = null;
    d.inFlight = true;
    const edits = [...d.edits, ...moves];
    const { minutes, mode } = paramsAfter(store.base, edits);
    const list = stationsAfter(store.base.stations, edits);
    app.busy(async () => {
      try {
        const request = paramsEdited(edits) ? { minutes, mode, stations: list } : { stations: list, circle: store.circle ?? undefined };
        const result = await api.whatIf(d.region, { ...request, circles: false });
        if (d.ended || store.drag !== d || store.region !== d.region) return;
        const circles = (store.current ?? store.baseline)?.circles;
        store.live = { minutes, mode, stations: list, report: result.report, circles, gaps: result.gaps, checks: result.checks ?? null };
        app.show(store.live, false);
        const now = performance.now();
        for (let i = 0; i < upTo; i++) if (d.latencies[i] === null) d.latencies[i] = now - d.moveTimes[i];
        d.answers++;
        if (result.elapsedMs !== undefined && result.elapsedMs !== null) d.serverMs.push(result.elapsedMs);
      } catch (e) {
        // A refused position (outside the region, say) is no error of the page: the drop's edit says so.
        if (e?.status !== 400 && e?.status !== 422) throw e;
      } finally {
        d.inFlight = false;
        send(d);
      }
    });
  }

  return {
    /** A pointer move of the drag: moves are the move edits of every dragged station at this position. */
    move(moves) {
      if (!drag || drag.ended) {
        drag = { region: store.region, edits: store.edits, moveTimes: [], latencies: [], answers: 0, serverMs: [], inFlight: false, latest: null, ended: false };
        store.drag = drag;
      }
      drag.moveTimes.push(performance.now());
      drag.latencies.push(null);
      drag.latest = { moves, upTo: drag.moveTimes.length };
      send(drag);
    },
    /** The drop: later answers of this drag are not drawn (the drop's what-if is). */
    end() { if (drag) drag.ended = true; },
  };
}
