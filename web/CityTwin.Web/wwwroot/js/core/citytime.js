// Wall-clock times in the city's own time zone turned into instants, for inputs where a user types
// a date and a time "in Incheon" whatever zone the browser is in.
import { cityTimeZone } from './format.js';

/**
 * The zone's offset from UTC (ms) at an instant.
 * @param {number} ms
 */
function offsetAt(ms) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: cityTimeZone(), year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  });
  /** @type {Record<string, number>} */
  const p = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant (ms) at which the city's clocks show a date (YYYY-MM-DD) and a time (HH:mm); NaN when malformed.
 * @param {string} date
 * @param {string} time
 */
export function cityWallTime(date, time) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  const t = /^(\d{2}):(\d{2})/.exec(time ?? '');
  if (!d || !t) return NaN;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // Two passes settle the offset across a daylight-saving change.
  let ms = wall - offsetAt(wall);
  ms = wall - offsetAt(ms);
  return ms;
}
