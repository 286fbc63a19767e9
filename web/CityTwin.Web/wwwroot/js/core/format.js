// Number and time formatting. Simulated time is always shown in the city's own time zone (from
// /api/city), whatever the viewer's zone: a control room and a visitor's phone show the same clock.
import { dateLocale, locale, numberLocale } from './i18n.js';
import { store } from './store.js';

/** The city's IANA time zone; UTC until /api/city has answered. */
export function cityTimeZone() { return store.get('city')?.timeZone || 'UTC'; }

/**
 * Milliseconds since the epoch from a wire time: an ISO 8601 string (REST and frames) or an epoch
 * number (asset frames' `ts`; small values are seconds).
 * @param {unknown} v
 */
export function toMillis(v) {
  if (v == null) return NaN;
  if (typeof v === 'number') return v < 1e11 ? v * 1000 : v;
  if (typeof v === 'string') {
    if (/^\d{1,2}:\d{2}/.test(v)) return NaN; // a time of day, see minutesOfDay
    return Date.parse(v);
  }
  return NaN;
}

/** Minutes after local midnight in the city for an instant or a "HH:mm[:ss]" time of day. */
export function minutesOfDay(v) {
  if (typeof v === 'string') {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(v);
    if (m) return Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) / 60 : 0);
  }
  const ms = toMillis(v);
  if (!Number.isFinite(ms)) return NaN;
  const parts = cityParts(ms);
  return parts.hour * 60 + parts.minute + parts.second / 60;
}

/** @param {number} ms */
function cityParts(ms) {
  const out = { hour: 0, minute: 0, second: 0 };
  const f = formatter('parts', () => new Intl.DateTimeFormat('en-GB', {
    timeZone: cityTimeZone(), hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }));
  for (const p of f.formatToParts(ms)) {
    if (p.type in out) out[p.type] = Number(p.value);
  }
  return out;
}

/** @type {Map<string, any>} */
const cache = new Map();
/**
 * A cached Intl formatter per language and city time zone.
 * @template T
 * @param {string} key
 * @param {(locale: string) => T} make
 * @returns {T}
 */
function formatter(key, make) {
  const k = `${locale()}|${cityTimeZone()}|${key}`;
  let f = cache.get(k);
  if (!f) { f = make(locale()); cache.set(k, f); }
  return f;
}

/**
 * 24-hour HH:mm[:ss] in the city, the same in every language (a control-room clock, not prose).
 * @param {number} ms
 * @param {{seconds?: boolean}} [options]
 */
export function formatTime(ms, { seconds = true } = {}) {
  if (!Number.isFinite(ms)) return '--:--';
  return formatter(`time${seconds}`, () => new Intl.DateTimeFormat('en-GB', {
    timeZone: cityTimeZone(), hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined, hourCycle: 'h23',
  })).format(ms);
}

/** The city's calendar date as YYYY-MM-DD (the value of a date input). @param {number} ms */
export function cityDate(ms) {
  return formatter('isoDate', () => new Intl.DateTimeFormat('en-CA', {
    timeZone: cityTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit',
  })).format(ms);
}

/** The city's zone as people read it next to a clock ("GMT+9"), from the zone's offset at ms. @param {number} ms */
export function cityZoneName(ms) {
  if (!Number.isFinite(ms)) return '';
  const f = formatter('zone', () => new Intl.DateTimeFormat('en-GB', { timeZone: cityTimeZone(), timeZoneName: 'short' }));
  return f.formatToParts(ms).find(p => p.type === 'timeZoneName')?.value ?? '';
}

/** @param {number} ms */
export function formatDate(ms) {
  if (!Number.isFinite(ms)) return '';
  return formatter('date', () => {
    const { locale: loc, numeric } = dateLocale();
    return new Intl.DateTimeFormat(loc, numeric
      ? { timeZone: cityTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }
      : { timeZone: cityTimeZone(), weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
  }).format(ms);
}

export function formatTimeOfDay(v) {
  const mins = minutesOfDay(v);
  if (!Number.isFinite(mins)) return '--:--';
  const h = Math.floor(mins / 60) % 24, m = Math.floor(mins % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Sensible precision by magnitude: 0.83, 4.2, 37, 1,204. */
export function formatNumber(v, digits) {
  if (v == null || typeof v === 'object' || !Number.isFinite(Number(v))) return '–';
  const n = Number(v);
  const d = digits ?? (Math.abs(n) < 1 && n !== 0 ? 2 : Math.abs(n) < 100 ? 1 : 0);
  return formatter(`n${d}`, () => new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: d, minimumFractionDigits: 0 })).format(n);
}

export function formatValue(v, unit, digits) {
  const s = formatNumber(v, digits);
  return unit && s !== '–' ? `${s} ${unit}` : s;
}
