// The one store of app-wide state. Panels read it with `get`, change it with `set` and follow it
// with `subscribe`; nothing else is global. Map data (KPIs per area, live asset statuses) stays in
// the map, which is fed many times a second and needs no listeners.

/**
 * @typedef {object} City
 * @property {string} id
 * @property {Record<string, string>} names the city's name per language code
 * @property {string} timeZone IANA zone of the city's clock, in which every time is shown
 * @property {string} locale the city's own locale (BCP 47)
 * @property {number[]} bbox
 * @property {number[]} [homeBbox]
 * @property {any} clock
 * @property {Record<string, number>} kpis
 * @property {Record<string, number>} assetCounts
 * @property {string[]} [attribution]
 */

/**
 * @typedef {{type: 'asset', id: string, kind?: string, properties?: any, liveStatus?: string}
 *   | {type: 'gu'|'dong', code: string, properties?: any, liveKpis?: Record<string, number>}
 *   | {type: 'site', site: any}} Selection
 */

/**
 * @typedef {object} AppState
 * @property {string} language 'en' | 'id' | 'ko' | 'kk' | 'mn' | 'ru'; empty until the first catalogue has loaded
 * @property {Selection|null} selection what the inspector shows
 * @property {import('./session.js').Me|null} me the session from /api/account/me (null until read)
 * @property {'connecting'|'connected'|'reconnecting'|'disconnected'} connection live feed state
 * @property {any} clock last clock frame from the server
 * @property {City|null} city
 */

/** @typedef {keyof AppState} StateKey */

/** @type {AppState} */
const state = {
  language: '',
  selection: null,
  me: null,
  connection: 'connecting',
  clock: null,
  city: null,
};

/** @type {Map<StateKey, Set<(value: any, state: AppState) => void>>} */
const listeners = new Map();

export const store = {
  /**
   * @template {StateKey} K
   * @param {K} key
   * @returns {AppState[K]}
   */
  get(key) { return state[key]; },

  /**
   * Changes one key and tells its subscribers (only when the value changed).
   * @template {StateKey} K
   * @param {K} key
   * @param {AppState[K]} value
   */
  set(key, value) {
    if (Object.is(state[key], value)) return;
    state[key] = value;
    for (const fn of listeners.get(key) ?? []) {
      try { fn(value, state); } catch (e) { console.error(e); }
    }
  },

  /**
   * Calls fn on every change of key; returns a function that unsubscribes.
   * @template {StateKey} K
   * @param {K} key
   * @param {(value: AppState[K], state: AppState) => void} fn
   * @returns {() => void}
   */
  subscribe(key, fn) {
    let set = listeners.get(key);
    if (!set) { set = new Set(); listeners.set(key, set); }
    set.add(fn);
    return () => { set.delete(fn); };
  },
};
