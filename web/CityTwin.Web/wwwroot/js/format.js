// Number and time formatting. Simulated time is always shown in Korea Standard Time.
import { locale } from './i18n.js';

export const CITY_TIME_ZONE = 'Asia/Seoul';

/**
 * Milliseconds since the epoch from whatever the wire carried: an ISO string, epoch ms,
 * a Date (MessagePack timestamp) or a MessagePack DateTimeOffset pair [date, offsetMinutes].
 */
export function toMillis(v) {
  if (v == null) return NaN;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return v < 1e11 ? v * 1000 : v;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return toMillis(v[0]);
  if (typeof v === 'string') {
    if (/^\d{1,2}:\d{2}/.test(v)) return NaN; // a time of day, see minutesOfDay
    return Date.parse(v);
  }
  return NaN;
}

/** Minutes after local midnight in Seoul for an instant or a "HH:mm[:ss]" time of day. */
export function minutesOfDay(v) {
  if (typeof v === 'string') {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(v);
    if (m) return Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) / 60 : 0);
  }
  const ms = toMillis(v);
  if (!Number.isFinite(ms)) return NaN;
  const parts = seoulParts(ms);
  return parts.hour * 60 + parts.minute + parts.second / 60;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: CITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
function seoulParts(ms) {
  const out = { hour: 0, minute: 0, second: 0 };
  for (const p of partsFormatter.formatToParts(ms)) {
    if (p.type in out) out[p.type] = Number(p.value);
  }
  return out;
}

const cache = new Map();
function formatter(key, make) {
  const k = `${locale()}|${key}`;
  let f = cache.get(k);
  if (!f) { f = make(locale()); cache.set(k, f); }
  return f;
}

const timeFormatters = {
  true: new Intl.DateTimeFormat('en-GB', { timeZone: CITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
  false: new Intl.DateTimeFormat('en-GB', { timeZone: CITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

/** 24-hour HH:mm[:ss] in Seoul, the same in every language (a control-room clock, not prose). */
export function formatTime(ms, { seconds = true } = {}) {
  if (!Number.isFinite(ms)) return '--:--';
  return timeFormatters[seconds].format(ms);
}

export function formatDate(ms) {
  if (!Number.isFinite(ms)) return '';
  return formatter('date', loc => new Intl.DateTimeFormat(loc, {
    timeZone: CITY_TIME_ZONE, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
  })).format(ms);
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
  return formatter(`n${d}`, loc => new Intl.NumberFormat(loc, { maximumFractionDigits: d, minimumFractionDigits: 0 })).format(n);
}

export function formatValue(v, unit, digits) {
  const s = formatNumber(v, digits);
  return unit && s !== '–' ? `${s} ${unit}` : s;
}
