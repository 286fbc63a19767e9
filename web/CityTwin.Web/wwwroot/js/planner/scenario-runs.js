// What-if runs as the planner keeps them: a known status, progress in 0..1 and a string id,
// whether they came from the REST API or a live `scenario` frame.
import { api } from '../core/api.js';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'];

/**
 * @typedef {object} Run
 * @property {string} id
 * @property {string} status one of RUN_STATUSES
 * @property {number} progress 0..1
 * @property {number} [queuePosition] while queued: 1 for the next run to start, 2 after it…
 * @property {string} [name]
 * @property {string} [error]
 * @property {string} [createdAt]
 * @property {number} [horizonHours]
 * @property {number} [stepMinutes]
 */

/** @param {unknown} s @returns {string} */
export function normalizeRunStatus(s) {
  const v = String(s ?? '').toLowerCase();
  if (v === 'canceled') return 'cancelled';
  return RUN_STATUSES.includes(v) ? v : 'queued';
}

/** @param {string} status */
export function isActive(status) { return status === 'queued' || status === 'running'; }

/** @param {unknown} x */
function clamp01(x) {
  const n = Number(x);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

/** @param {any} r @returns {Run} */
export function normalizeRun(r) {
  const status = normalizeRunStatus(r?.status);
  return {
    ...r,
    id: String(r?.id ?? ''),
    status,
    progress: status === 'completed' ? 1 : clamp01(r?.progress),
    queuePosition: status === 'queued' ? queuePosition(r?.queuePosition) : undefined,
  };
}

/** A position in the run queue (a whole number from 1), or undefined. @param {unknown} x */
function queuePosition(x) {
  const n = Number(x);
  return x != null && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** What a run's status badge says: "queued, position N" while it waits its turn. @param {Run} run @param {(key: string, params?: Record<string, unknown>) => string} t */
export function statusLabel(run, t) {
  return run.status === 'queued' && run.queuePosition ? t('plan.status.queuedAt', { n: run.queuePosition }) : t(`plan.status.${run.status}`);
}

/** @returns {Promise<Run[]>} */
export async function listRuns() {
  const list = await api.scenarios.list();
  return (Array.isArray(list) ? list : []).map(normalizeRun);
}

/** @param {string} id @returns {Promise<Run>} */
export async function getRun(id) { return normalizeRun(await api.scenarios.get(id)); }

/** Starts a run; throws ProblemError with field paths when the definition is rejected. @param {object} body */
export async function createRun(body) { return normalizeRun(await api.scenarios.create(body) ?? {}); }
