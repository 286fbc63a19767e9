// Requests of drills: the pack's catalogue, starting and stopping a run, the runs and their reports.
import { getJson, postJson } from '../core/api.js';

const enc = encodeURIComponent;

export const drillApi = {
  list: () => getJson('/api/drills'),
  runs: () => getJson('/api/drills/runs'),
  /** @param {string} runId */
  run: (runId) => getJson(`/api/drills/runs/${enc(runId)}`),
  /** @param {string} id @param {{speed?: number, note?: string}} body */
  start: (id, body) => postJson(`/api/drills/${enc(id)}/start`, body),
  /** @param {string} runId */
  stop: (runId) => postJson(`/api/drills/runs/${enc(runId)}/stop`, {}),
  /** @param {string} runId */
  report: (runId) => getJson(`/api/drills/runs/${enc(runId)}/report`),
  /** The printable after-action report page. @param {string} runId */
  reportPage: (runId) => `drill-report.html?run=${enc(runId)}`,
};

/** Whether the account may start and stop drills (trainers and admins; the server checks again). */
export function mayRunDrills(/** @type {{roles?: string[]}|null|undefined} */ me) {
  return !!me?.roles?.some(r => r === 'trainer' || r === 'admin');
}

/** Seconds as m:ss (a drill's step offsets and durations). @param {number} seconds */
export function clockText(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
