// What-if scenario API: catalog, runs, results and exports (JSON, camelCase).
import { HttpError, getJson } from './api.js';

const BASE = '/api/scenarios';
const enc = encodeURIComponent;

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'];

/** A rejected definition: field path → messages, as the server's problem details give them. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title ?? '';
    this.detail = problem?.detail ?? '';
    this.errors = normalizeErrors(problem?.errors);
  }
}

function normalizeErrors(errors) {
  const out = {};
  if (!errors || typeof errors !== 'object') return out;
  if (Array.isArray(errors)) {
    // Some validators send [{ field|name|propertyName, message }].
    for (const e of errors) {
      const key = e?.field ?? e?.name ?? e?.propertyName ?? '';
      (out[key] ??= []).push(String(e?.message ?? e?.errorMessage ?? e));
    }
    return out;
  }
  for (const [k, v] of Object.entries(errors)) out[k] = (Array.isArray(v) ? v : [v]).map(String);
  return out;
}

/** 'queued' | 'running' | … from a string in any case or the enum's number (MessagePack frames). */
export function normalizeRunStatus(s) {
  if (typeof s === 'number') return RUN_STATUSES[s] ?? 'queued';
  const v = String(s ?? '').toLowerCase();
  if (v === 'canceled') return 'cancelled';
  return RUN_STATUSES.includes(v) ? v : 'queued';
}

export function isActive(status) { return status === 'queued' || status === 'running'; }

function clamp01(x) {
  const n = Number(x);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

/** A run summary with a known status, progress in 0..1 and a string id. */
export function normalizeRun(r) {
  const status = normalizeRunStatus(r?.status);
  return {
    ...r,
    id: String(r?.id ?? ''),
    status,
    progress: status === 'completed' ? 1 : clamp01(r?.progress),
  };
}

export function catalog() { return getJson(`${BASE}/catalog`); }

export async function listRuns() {
  const list = await getJson(BASE);
  return (Array.isArray(list) ? list : []).map(normalizeRun);
}

export async function getRun(id) { return normalizeRun(await getJson(`${BASE}/${enc(id)}`)); }

export function getResults(id) { return getJson(`${BASE}/${enc(id)}/results`); }

/** Starts a run; resolves to { id, status } or throws ProblemError (invalid) / HttpError. */
export async function createRun(body) {
  const res = await fetch(BASE, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (res.status === 400 || res.status === 422) throw new ProblemError(res.status, json);
  if (!res.ok) throw new HttpError(res.status, BASE);
  return normalizeRun(json ?? {});
}

/** Cancels a queued or running run, or removes a finished one. A run already gone counts as removed. */
export async function deleteRun(id) {
  const res = await fetch(`${BASE}/${enc(id)}`, { method: 'DELETE' });
  if (!res.ok && res.status !== 404) throw new HttpError(res.status, `${BASE}/${id}`);
  return res.status;
}

export const exportUrls = (id) => ({
  csv: `${BASE}/${enc(id)}/export/kpis.csv`,
  geojson: `${BASE}/${enc(id)}/export/districts.geojson`,
  brief: `${BASE}/${enc(id)}/brief`,
});
