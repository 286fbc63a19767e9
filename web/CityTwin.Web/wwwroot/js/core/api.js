// The one client for the CityTwin REST API. Every request of the page goes through `request`, so
// that credentials, anti-forgery tokens and error handling are added in one place when sign-in
// comes. Bodies are JSON (camelCase); a rejected request becomes an HttpError, or a ProblemError
// when the server explained itself with problem details (RFC 9457).

/** A request the server refused or could not answer. */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} url
   * @param {string} [message]
   */
  constructor(status, url, message) {
    super(message || `HTTP ${status} for ${url}`);
    this.status = status;
    this.url = url;
  }
}

/**
 * A request rejected with problem details: `errors` maps a field path, as the server names it
 * (e.g. "interventions[1].parameters.sharePercent"), to its messages, so forms can show each
 * message next to its field.
 */
export class ProblemError extends HttpError {
  /**
   * @param {number} status
   * @param {string} url
   * @param {any} problem the parsed application/problem+json body
   */
  constructor(status, url, problem) {
    super(status, url, problem?.title || `HTTP ${status}`);
    /** @type {string} */
    this.title = problem?.title ?? '';
    /** @type {string} */
    this.detail = problem?.detail ?? '';
    /** @type {Record<string, string[]>} */
    this.errors = normalizeErrors(problem?.errors);
  }
}

/**
 * Field path → messages from either shape validators send: an object of arrays, or a list of
 * { field | name | propertyName, message } entries.
 * @param {unknown} errors
 * @returns {Record<string, string[]>}
 */
function normalizeErrors(errors) {
  /** @type {Record<string, string[]>} */
  const out = {};
  if (!errors || typeof errors !== 'object') return out;
  if (Array.isArray(errors)) {
    for (const e of errors) {
      const key = e?.field ?? e?.name ?? e?.propertyName ?? '';
      (out[key] ??= []).push(String(e?.message ?? e?.errorMessage ?? e));
    }
    return out;
  }
  for (const [k, v] of Object.entries(errors)) out[k] = (Array.isArray(v) ? v : [v]).map(String);
  return out;
}

/**
 * @typedef {object} RequestOptions
 * @property {'GET'|'POST'|'PUT'|'DELETE'} [method]
 * @property {unknown} [body] sent as JSON
 * @property {AbortSignal} [signal]
 * @property {number[]} [okStatuses] error statuses to treat as success (e.g. 404 on DELETE)
 */

/**
 * Sends one request and resolves to the parsed JSON body (null when empty).
 * @param {string} url
 * @param {RequestOptions} [options]
 * @returns {Promise<any>}
 */
export async function request(url, { method = 'GET', body, signal, okStatuses = [] } = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    credentials: 'same-origin',
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: keep null */ }
  if (res.ok || okStatuses.includes(res.status)) return json;
  const problem = json && typeof json === 'object' && (json.errors || json.title || json.detail);
  if (problem) throw new ProblemError(res.status, url, json);
  throw new HttpError(res.status, url);
}

/** @param {string} url @param {{signal?: AbortSignal}} [options] */
export const getJson = (url, { signal } = {}) => request(url, { signal });
/** @param {string} url @param {unknown} body */
export const postJson = (url, body) => request(url, { method: 'POST', body });

/**
 * Retries a loader with capped exponential backoff until it succeeds (the page waits for the
 * server rather than showing a half-built map).
 * @template T
 * @param {() => Promise<T>} fn
 * @param {{first?: number, max?: number, onError?: (e: unknown) => void}} [options]
 * @returns {Promise<T>}
 */
export async function retry(fn, { first = 500, max = 10000, onError } = {}) {
  let delay = first;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      onError?.(e);
      await new Promise(r => setTimeout(r, delay));
      delay = Math.min(max, delay * 2);
    }
  }
}

const enc = encodeURIComponent;
const SCENARIOS = '/api/scenarios';

/** Every endpoint the page uses, by name. */
export const api = {
  city: () => getJson('/api/city'),
  kinds: () => getJson('/api/kinds'),
  /** @param {'city'|'districts'|'dongs'|'sites'} name */
  layer: (name) => getJson(`/api/layers/${name}`),
  districts: () => getJson('/api/districts'),
  /** @param {string} code @param {AbortSignal} [signal] */
  district: (code, signal) => getJson(`/api/districts/${enc(code)}`, { signal }),
  /** @param {string} code @param {AbortSignal} [signal] */
  dong: (code, signal) => getJson(`/api/dongs/${enc(code)}`, { signal }),
  /** @param {string} id @param {AbortSignal} [signal] */
  asset: (id, signal) => getJson(`/api/assets/${enc(id)}`, { signal }),
  /** @param {{speed?: number, paused?: boolean}} change */
  setClock: (change) => postJson('/api/clock', change),

  scenarios: {
    catalog: () => getJson(`${SCENARIOS}/catalog`),
    list: () => getJson(SCENARIOS),
    /** @param {string} id */
    get: (id) => getJson(`${SCENARIOS}/${enc(id)}`),
    /** @param {string} id */
    results: (id) => getJson(`${SCENARIOS}/${enc(id)}/results`),
    /** @param {object} definition */
    create: (definition) => postJson(SCENARIOS, definition),
    /** Cancels a queued or running run, or removes a finished one; a run already gone counts as removed. @param {string} id */
    remove: (id) => request(`${SCENARIOS}/${enc(id)}`, { method: 'DELETE', okStatuses: [404] }),
    /** @param {string} id */
    exportUrls: (id) => ({
      csv: `${SCENARIOS}/${enc(id)}/export/kpis.csv`,
      geojson: `${SCENARIOS}/${enc(id)}/export/districts.geojson`,
      brief: `${SCENARIOS}/${enc(id)}/brief`,
    }),
  },
};
