// Translations: English, Bahasa Indonesia, Korean, Kazakh, Mongolian and Russian (the last three in
// Cyrillic). Static text carries data-i18n* attributes; dynamic components listen to
// onLanguageChange (the store's `language` key) and re-render.
import { store } from './store.js';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'id', label: 'Bahasa Indonesia' },
  { code: 'ko', label: '한국어' },
  { code: 'kk', label: 'Қазақша' },
  { code: 'mn', label: 'Монгол' },
  { code: 'ru', label: 'Русский' },
];

/**
 * Locale of each language for number and date formatting (Intl). Some browsers' Intl lacks a
 * locale's data (Chromium builds with reduced ICU data format Kazakh as the root locale,
 * "2026 M12 7, Mon", and do not know Mongolian); they get fallbacks that follow the language's own
 * conventions: numbers with the separators of `numbers` (kk as ru: 1 234,5; mn as en: 1,234.5)
 * and dates all-numeric in the order of `dates` (kk 07.12.2026, mn 2026-12-07), no English words.
 * `script` tells whether the data is there: a month's name in that script.
 * @type {Record<string, {tag: string, script?: RegExp, numbers?: string, dates?: string}>}
 */
const LOCALES = {
  en: { tag: 'en-GB' },
  id: { tag: 'id-ID' },
  ko: { tag: 'ko-KR' },
  kk: { tag: 'kk-KZ', script: /\p{Script=Cyrillic}/u, numbers: 'ru-RU', dates: 'ru-RU' },
  mn: { tag: 'mn-MN', script: /\p{Script=Cyrillic}/u, numbers: 'en-GB', dates: 'en-CA' },
  ru: { tag: 'ru-RU' },
};

/**
 * The UI language each browser language picks, by its primary subtag (kk-KZ, mn-MN, ru-KZ… all
 * count). Malay and 'in' (the old code for Indonesian) read Indonesian.
 */
const DETECT = /** @type {Record<string, string>} */ ({
  en: 'en', id: 'id', in: 'id', ms: 'id', ko: 'ko', kk: 'kk', mn: 'mn', ru: 'ru',
});

const STORAGE_KEY = 'citytwin.lang';
/** @type {Map<string, Record<string, string>>} */
const catalogs = new Map();

/** The current language code ('en' until the first catalogue has loaded). */
export function language() { return store.get('language') || 'en'; }

/** BCP-47 locale of the current language (kk-KZ, mn-MN, ru-RU…). */
export function locale() {
  return (LOCALES[language()] ?? LOCALES.en).tag;
}

/** @type {Map<string, boolean>} */
const intlData = new Map();

/** True when this browser's Intl has the current language's own data (always for en, id, ko, ru). */
function hasIntlData() {
  const l = LOCALES[language()] ?? LOCALES.en;
  if (!l.script) return true;
  let known = intlData.get(l.tag);
  if (known === undefined) {
    try {
      known = Intl.DateTimeFormat.supportedLocalesOf([l.tag]).length > 0
        && l.script.test(new Intl.DateTimeFormat(l.tag, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 15)));
    } catch { known = false; }
    intlData.set(l.tag, known);
  }
  return known;
}

/** Locale to format numbers with: the language's own, or one with the same separators. */
export function numberLocale() {
  const l = LOCALES[language()] ?? LOCALES.en;
  return hasIntlData() ? l.tag : l.numbers ?? l.tag;
}

/**
 * Locale to format dates with, and whether to write them all in digits (when the browser lacks
 * the language's month and weekday names).
 * @returns {{locale: string, numeric: boolean}}
 */
export function dateLocale() {
  const l = LOCALES[language()] ?? LOCALES.en;
  return hasIntlData() ? { locale: l.tag, numeric: false } : { locale: l.dates ?? l.tag, numeric: true };
}

export function detectLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && LANGUAGES.some(l => l.code === saved)) return saved;
  } catch { /* storage may be disabled */ }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split(/[-_]/)[0];
    if (Object.hasOwn(DETECT, base)) return DETECT[base];
  }
  return 'en';
}

/** @param {string} code */
async function load(code) {
  if (catalogs.has(code)) return catalogs.get(code);
  const res = await fetch(`i18n/${code}.json`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`i18n ${code}: HTTP ${res.status}`);
  const catalog = await res.json();
  catalogs.set(code, catalog);
  return catalog;
}

/**
 * Loads a language and switches the page to it.
 * @param {string} code
 * @param {{remember?: boolean}} [options] remember: keep the choice for the next visit
 */
export async function setLanguage(code, { remember = true } = {}) {
  if (!LANGUAGES.some(l => l.code === code)) code = 'en';
  await load('en');
  if (code !== 'en') {
    try { await load(code); } catch (e) { console.warn(e); code = 'en'; }
  }
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, code); } catch { /* ignore */ }
  }
  document.documentElement.lang = code;
  store.set('language', code);
}

// Subscribed first (at module load), so that static text is translated before any panel re-renders.
store.subscribe('language', () => applyTo(document));

/** Translates a key; {name} placeholders are replaced from params. Falls back to English, then to `fallback`. */
/**
 * @param {string} key
 * @param {Record<string, unknown>} [params]
 * @param {string} [fallback]
 * @returns {string}
 */
export function t(key, params, fallback) {
  let text = catalogs.get(language())?.[key] ?? catalogs.get('en')?.[key];
  if (text === undefined) text = fallback ?? key;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, /** @type {string} */ p) => (p in params ? String(params[p]) : m));
  return text;
}

/** True when the key exists in the English catalogue. */
/** @param {string} key */
export function has(key) { return catalogs.get('en')?.[key] !== undefined; }

/** @param {ParentNode} root */
export function applyTo(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n ?? '');
  for (const el of root.querySelectorAll('[data-i18n-title]')) /** @type {HTMLElement} */ (el).title = t(/** @type {HTMLElement} */ (el).dataset.i18nTitle ?? '');
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(/** @type {HTMLElement} */ (el).dataset.i18nAriaLabel ?? ''));
}

/**
 * Calls fn after every language change, the first load included; returns an unsubscribe function.
 * @param {(code: string) => void} fn
 */
export function onLanguageChange(fn) { return store.subscribe('language', fn); }

/**
 * Name of the city, an area, site or asset in the current language. The city has a name per
 * language (`names`); areas and sites have Korean and romanised names (Korean only for Korean).
 * @param {any} o
 * @returns {string}
 */
export function localName(o) {
  if (!o) return '';
  const lang = language();
  if (o.names) return o.names[lang] || o.names.en || Object.values(o.names)[0] || o.id || '';
  if (lang === 'ko') return o.nameKo || o.nameEn || o.name || o.code || o.id || '';
  return o.nameEn || o.name || o.nameKo || o.code || o.id || '';
}

/** Label of an asset kind, telemetry channel, KPI, site kind… with a readable fallback. */
/** @param {string} prefix @param {string} key */
export function label(prefix, key) {
  return t(`${prefix}.${key}`, undefined, humanize(key));
}

/** "sharePercent" → "Share percent". @param {unknown} key */
export function humanize(key) {
  const s = String(key ?? '').replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
