// The one client for the CityTwin REST API. Every request of the page goes through `request`, so
// that credentials, anti-forgery tokens and error handling live in one place. Bodies are JSON
// (camelCase); a rejected request becomes an HttpError, or a ProblemError when the server explained
// itself with problem details (RFC 9457). The session (core/session.js) plugs in with
// `useSession`: the anti-forgery token for changes, a refresh when the server refused the token,
// and the sign-in dialog when a change needs an account.

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
    /** Seconds to wait before trying again (Retry-After of a 429 or 503), or null. @type {number|null} */
    this.retryAfter = null;
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
 * @property {unknown} [body] sent as JSON (a FormData as multipart/form-data)
 * @property {AbortSignal} [signal]
 * @property {number[]} [okStatuses] error statuses to treat as success (e.g. 404 on DELETE)
 */

/** The name of the header that carries the anti-forgery token (the server's AntiforgeryGuard). */
export const CSRF_HEADER = 'X-CSRF-TOKEN';

/**
 * @typedef {object} SessionHooks
 * @property {() => string|null} token the anti-forgery token of the current session
 * @property {() => Promise<unknown>} refresh reads the session again (a new token)
 * @property {(url: string) => void} [signInNeeded] a change was refused for want of an account
 */

/** @type {SessionHooks|null} */
let session = null;

/** Connects the session (core/session.js) to every request. @param {SessionHooks} hooks */
export function useSession(hooks) { session = hooks; }

/** @param {string} method */
const isUnsafe = (method) => method !== 'GET';

/** @param {ProblemError} e */
const isCsrfRefusal = (e) => e.status === 400 && Object.keys(e.errors).some(k => k.toUpperCase() === CSRF_HEADER);

/**
 * Sends one request and resolves to the parsed JSON body (null when empty). A change (POST, PUT,
 * DELETE) carries the session's anti-forgery token; when the server refuses the token (an old
 * session, another tab signed in or out) the session is read again and the request sent once more.
 * A change refused with 401 asks the page to sign in.
 * @param {string} url
 * @param {RequestOptions} [options]
 * @returns {Promise<any>}
 */
export async function request(url, options = {}) {
  try {
    return await send(url, options);
  } catch (e) {
    const method = options.method ?? 'GET';
    if (!isUnsafe(method) || !session) throw e;
    if (e instanceof ProblemError && isCsrfRefusal(e)) {
      await session.refresh();
      return send(url, options).catch(e2 => { notifySignIn(e2, url); throw e2; });
    }
    notifySignIn(e, url);
    throw e;
  }
}

/** @param {unknown} e @param {string} url */
function notifySignIn(e, url) {
  // The sign-in request's own 401 is a wrong password, shown in the dialog itself.
  if (e instanceof HttpError && e.status === 401 && !url.startsWith('/api/account/sign-in')) session?.signInNeeded?.(url);
}

/** @param {string} url @param {RequestOptions} options */
async function send(url, { method = 'GET', body, signal, okStatuses = [] }) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json, application/problem+json' };
  // A form (file upload) sets its own multipart content type and boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const token = isUnsafe(method) ? session?.token() : null;
  if (token) headers[CSRF_HEADER] = token;
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    signal,
    credentials: 'same-origin',
  });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: keep null */ }
  if (res.ok || okStatuses.includes(res.status)) return json;
  const problem = json && typeof json === 'object' && (json.errors || json.title || json.detail);
  const error = problem ? new ProblemError(res.status, url, json) : new HttpError(res.status, url);
  const wait = Number(res.headers.get('Retry-After'));
  if (Number.isFinite(wait) && wait > 0) error.retryAfter = wait;
  throw error;
}

/** @param {string} url @param {{signal?: AbortSignal}} [options] */
export const getJson = (url, { signal } = {}) => request(url, { signal });
/** @param {string} url @param {unknown} [body] */
export const postJson = (url, body) => request(url, { method: 'POST', body });
/** @param {string} url @param {unknown} body */
export const putJson = (url, body) => request(url, { method: 'PUT', body });
/** @param {string} url */
export const del = (url) => request(url, { method: 'DELETE' });

/**
 * A query string of the filters that have a value ('' when none).
 * @param {Record<string, string|number|null|undefined>} params
 */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

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
const TOURS = '/api/tours';
const TOUR_SESSIONS = '/api/tour-sessions';

/** Every endpoint the page uses, by name. */
export const api = {
  city: () => getJson('/api/city'),
  kinds: () => getJson('/api/kinds'),
  /** The asset directory compact live frames index into: {version, kinds, statuses, kindOf, ids}. */
  assetDirectory: () => getJson('/api/live/assets'),
  /**
   * A static layer of the running city. The city id keeps each city's layers apart in the browser's
   * cache, since an admin can switch the twin to another city under the same URLs.
   * @param {'city'|'districts'|'dongs'|'sites'} name @param {string} [city]
   */
  layer: (name, city) => getJson(`/api/layers/${name}${city ? `?city=${enc(city)}` : ''}`),
  districts: () => getJson('/api/districts'),
  /** @param {string} code @param {AbortSignal} [signal] */
  district: (code, signal) => getJson(`/api/districts/${enc(code)}`, { signal }),
  /** @param {string} code @param {AbortSignal} [signal] */
  dong: (code, signal) => getJson(`/api/dongs/${enc(code)}`, { signal }),
  /** @param {string} id @param {AbortSignal} [signal] */
  asset: (id, signal) => getJson(`/api/assets/${enc(id)}`, { signal }),
  /** Which kinds and assets real feeds drive instead of the simulator: {feedKinds, feedAssets, version}. */
  sources: () => getJson('/api/simulation/sources'),
  /** A simTime (ISO 8601) jumps the clock and starts a new timeline. @param {{speed?: number, paused?: boolean, simTime?: string}} change */
  setClock: (change) => postJson('/api/clock', change),
  /**
   * History of an asset (`assets/{id}`), area (`dongs/{code}`, `districts/{code}`) or `city`.
   * @param {string} path @param {{from: string, to: string, step: string}} range @param {AbortSignal} [signal]
   */
  history: (path, range, signal) => getJson(`/api/${path}/history${query(range)}`, { signal }),
  /** The same as CSV, for a download link. @param {string} path @param {{from: string, to: string, step: string}} range */
  historyCsvUrl: (path, range) => `/api/${path}/history.csv${query(range)}`,
  /** The map at a past minute (assets only with a bbox). @param {{t: string, bbox?: string}} at @param {AbortSignal} [signal] */
  replay: (at, signal) => getJson(`/api/replay${query(at)}`, { signal }),
  cities: {
    list: () => getJson('/api/cities'),
    /** @param {string} id */
    boundaries: (id) => getJson(`/api/cities/${enc(id)}/boundaries`),
    /** @param {FormData} form */
    importCity: (form) => request('/api/cities/import', { method: 'POST', body: form }),
    /** Restarts the twin on another installed city (admins). @param {string} id */
    activate: (id) => request(`/api/cities/${enc(id)}/activate`, { method: 'POST' }),
  },

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
    /** Publishes a completed run for everyone, or takes it back. @param {string} id @param {boolean} published */
    publish: (id, published) => postJson(`${SCENARIOS}/${enc(id)}/publish`, { published }),
    /** @param {string} id */
    exportUrls: (id) => ({
      csv: `${SCENARIOS}/${enc(id)}/export/kpis.csv`,
      geojson: `${SCENARIOS}/${enc(id)}/export/districts.geojson`,
      brief: `${SCENARIOS}/${enc(id)}/brief`,
      economics: `${SCENARIOS}/${enc(id)}/export/economics.csv`,
      json: `${SCENARIOS}/${enc(id)}/export/results.json`,
      definition: `${SCENARIOS}/${enc(id)}/export/definition.json`,
    }),
    /** What a definition file from another city becomes here (planners); starts nothing. @param {object} file */
    retarget: (file) => postJson(`${SCENARIOS}/retarget`, file),
    /** Up to three runs side by side: their brief and CSV. @param {string[]} ids */
    compareUrls: (ids) => ({
      brief: `${SCENARIOS}/compare/brief?ids=${ids.map(enc).join(',')}`,
      csv: `${SCENARIOS}/compare/kpis.csv?ids=${ids.map(enc).join(',')}`,
    }),
  },
  tours: {
    list: () => getJson(TOURS),
    /** @param {string} id */
    get: (id) => getJson(`${TOURS}/${enc(id)}`),
    /** @param {object} tour */
    create: (tour) => postJson(TOURS, tour),
    /** @param {string} id @param {object} tour */
    update: (id, tour) => putJson(`${TOURS}/${enc(id)}`, tour),
    /** @param {string} id */
    remove: (id) => request(`${TOURS}/${enc(id)}`, { method: 'DELETE', okStatuses: [404] }),
    /** @param {object} tour an exported tour */
    import: (tour) => postJson(`${TOURS}/import`, tour),
    /** @param {string} id */
    exportUrl: (id) => `${TOURS}/${enc(id)}/export`,
    /** Starts presenting a tour: the session with its join code. @param {string} id */
    present: (id) => postJson(`${TOURS}/${enc(id)}/present`),
    /** @param {string} code */
    session: (code) => getJson(`${TOUR_SESSIONS}/${enc(code)}`),
    /** @param {string} code @param {number} index */
    goTo: (code, index) => postJson(`${TOUR_SESSIONS}/${enc(code)}/stop`, { index }),
    /** @param {string} code @param {number} lon @param {number} lat */
    ping: (code, lon, lat) => postJson(`${TOUR_SESSIONS}/${enc(code)}/ping`, { lon, lat }),
    /** @param {string} code */
    end: (code) => request(`${TOUR_SESSIONS}/${enc(code)}`, { method: 'DELETE', okStatuses: [404] }),
  },
  account: {
    me: () => getJson('/api/account/me'),
    /** @param {{userName: string, password: string, remember: boolean}} body */
    signIn: (body) => postJson('/api/account/sign-in', body),
    signOut: () => postJson('/api/account/sign-out'),
    /** @param {{currentPassword: string, newPassword: string}} body */
    changePassword: (body) => postJson('/api/account/password', body),
    tokens: () => getJson('/api/account/tokens'),
    /** @param {{name: string, scopes: string[], expiresInDays?: number}} body */
    createToken: (body) => postJson('/api/account/tokens', body),
    /** @param {string} id */
    revokeToken: (id) => del(`/api/account/tokens/${enc(id)}`),
  },

  admin: {
    roles: () => getJson('/api/admin/roles'),
    users: () => getJson('/api/admin/users'),
    /** @param {{userName: string, displayName?: string, password: string, roles: string[]}} body */
    createUser: (body) => postJson('/api/admin/users', body),
    /** @param {string} userName @param {string[]} roles */
    setRoles: (userName, roles) => putJson(`/api/admin/users/${enc(userName)}/roles`, { roles }),
    /** @param {string} userName @param {boolean} disabled */
    setDisabled: (userName, disabled) => postJson(`/api/admin/users/${enc(userName)}/${disabled ? 'disable' : 'enable'}`),
    /** @param {string} userName @param {string} password */
    resetPassword: (userName, password) => postJson(`/api/admin/users/${enc(userName)}/password`, { password }),
    tokens: () => getJson('/api/admin/tokens'),
    /** @param {string} id */
    revokeToken: (id) => del(`/api/admin/tokens/${enc(id)}`),
    /** @param {Record<string, string|number|null|undefined>} filters */
    audit: (filters) => getJson(`/api/admin/audit${query(filters)}`),
    /** The same filters as a CSV download (no paging). @param {Record<string, string|number|null|undefined>} filters */
    auditCsvUrl: (filters) => `/api/admin/audit.csv${query({ ...filters, page: undefined, pageSize: undefined })}`,
  },
};
