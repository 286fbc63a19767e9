// The session: who is signed in, their roles, what they may change and the anti-forgery token,
// all from GET /api/account/me, kept in the store under `me`. Read again after signing in or out
// (the token is bound to the session) and whenever the server refuses the token.
import { api, useSession } from './api.js';
import { store } from './store.js';

/**
 * @typedef {object} Me
 * @property {boolean} signedIn
 * @property {string|null} userName
 * @property {string|null} displayName
 * @property {string[]} roles
 * @property {string|null} via 'password' | 'oidc' | 'token' | null
 * @property {boolean} requireSignIn the city requires sign-in for everything, reading included
 * @property {{enabled: boolean, displayName: string|null, url: string|null}} singleSignOn
 * @property {string|null} antiforgeryToken sent with every change (header X-CSRF-TOKEN)
 * @property {{controlClock: boolean, plan: boolean, administer: boolean}} may
 */

/** The roles, in the order the page lists them. */
export const ROLES = ['viewer', 'operator', 'planner', 'trainer', 'admin'];

/** @type {Me} */
export const ANONYMOUS = Object.freeze({
  signedIn: false, userName: null, displayName: null, roles: [], via: null, requireSignIn: false,
  singleSignOn: { enabled: false, displayName: null, url: null }, antiforgeryToken: null,
  may: { controlClock: false, plan: false, administer: false },
});

/** @param {any} raw @returns {Me} */
function normalize(raw) {
  return {
    ...ANONYMOUS,
    ...raw,
    roles: Array.isArray(raw?.roles) ? raw.roles.map(String) : [],
    singleSignOn: { ...ANONYMOUS.singleSignOn, ...raw?.singleSignOn },
    may: { ...ANONYMOUS.may, ...raw?.may },
  };
}

/** @type {Promise<Me>|null} */
let reading = null;

/** Reads /api/account/me into the store (one request at a time); resolves to the session. */
export function refreshSession() {
  reading ??= api.account.me()
    .then(raw => { const me = normalize(raw); store.set('me', me); return me; })
    .finally(() => { reading = null; });
  return reading;
}

/** The current session (anonymous until the first read). @returns {Me} */
export function me() { return store.get('me') ?? ANONYMOUS; }

/** Whether the current session may do it. @param {'controlClock'|'plan'|'administer'} what */
export function may(what) { return me().may[what] === true; }

/** The role shown beside the user name: the strongest one held. @param {Me} session */
export function mainRole(session) {
  for (const r of [...ROLES].reverse()) if (session.roles.includes(r)) return r;
  return session.roles[0] ?? null;
}

/** Listeners for "a change needs an account" (the sign-in dialog). @type {Set<(url: string) => void>} */
const signInListeners = new Set();

/** @param {(url: string) => void} fn */
export function onSignInNeeded(fn) { signInListeners.add(fn); }

useSession({
  token: () => store.get('me')?.antiforgeryToken ?? null,
  refresh: () => refreshSession(),
  signInNeeded: (url) => {
    // The session may have ended on the server (expired, disabled): read it again.
    refreshSession().catch(() => {});
    for (const fn of signInListeners) fn(url);
  },
});

/** Signs in with a password, then reads the session. @param {{userName: string, password: string, remember: boolean}} body */
export async function signIn(body) {
  await api.account.signIn(body);
  return refreshSession();
}

export async function signOut() {
  try { await api.account.signOut(); } finally { await refreshSession(); }
}
