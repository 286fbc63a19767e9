// Translations: English, Bahasa Indonesia, Korean. Static text carries data-i18n* attributes;
// dynamic components listen to onLanguageChange and re-render.

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'id', label: 'Bahasa Indonesia' },
  { code: 'ko', label: '한국어' },
];

const STORAGE_KEY = 'citytwin.lang';
const catalogs = new Map();
const listeners = new Set();
let current = 'en';

export function language() { return current; }

/** BCP-47 locale used for number and date formatting. */
export function locale() {
  return current === 'ko' ? 'ko-KR' : current === 'id' ? 'id-ID' : 'en-GB';
}

export function detectLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && LANGUAGES.some(l => l.code === saved)) return saved;
  } catch { /* storage may be disabled */ }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'id' || base === 'in' || base === 'ms') return 'id';
    if (base === 'en') return 'en';
  }
  return 'en';
}

async function load(code) {
  if (catalogs.has(code)) return catalogs.get(code);
  const res = await fetch(`i18n/${code}.json`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`i18n ${code}: HTTP ${res.status}`);
  const catalog = await res.json();
  catalogs.set(code, catalog);
  return catalog;
}

export async function setLanguage(code, { remember = true } = {}) {
  if (!LANGUAGES.some(l => l.code === code)) code = 'en';
  await load('en');
  if (code !== 'en') {
    try { await load(code); } catch (e) { console.warn(e); code = 'en'; }
  }
  current = code;
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, code); } catch { /* ignore */ }
  }
  document.documentElement.lang = code;
  applyTo(document);
  for (const fn of listeners) {
    try { fn(code); } catch (e) { console.error(e); }
  }
}

/** Translates a key; {name} placeholders are replaced from params. Falls back to English, then to `fallback`. */
export function t(key, params, fallback) {
  let text = catalogs.get(current)?.[key] ?? catalogs.get('en')?.[key];
  if (text === undefined) text = fallback ?? key;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, p) => (p in params ? String(params[p]) : m));
  return text;
}

/** True when the key exists in the English catalogue. */
export function has(key) { return catalogs.get('en')?.[key] !== undefined; }

export function applyTo(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
}

export function onLanguageChange(fn) { listeners.add(fn); return () => listeners.delete(fn); }

/** Name of an area, site or asset in the current language (Korean names only for Korean; romanised otherwise). */
export function localName(o) {
  if (!o) return '';
  if (current === 'ko') return o.nameKo || o.name_ko || o.nameEn || o.name_en || o.name || o.code || o.id || '';
  return o.nameEn || o.name_en || o.name || o.nameKo || o.name_ko || o.code || o.id || '';
}

/** Label of an asset kind, telemetry channel, KPI, site kind… with a readable fallback. */
export function label(prefix, key) {
  return t(`${prefix}.${key}`, undefined, humanize(key));
}

export function humanize(key) {
  const s = String(key ?? '').replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
