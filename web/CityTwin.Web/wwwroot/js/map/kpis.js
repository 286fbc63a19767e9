// KPI catalogue for the choropleth: units, colour scale and its stops.

/** The KPIs a user can colour areas by, in menu order. */
export const CHOROPLETH_KPIS = ['congestionIndex', 'pm25', 'electricLoadMw', 'streetlightKw', 'floodMaxCm', 'assetsInAlarm'];

// Fixed scales where a standard gives the meaning of a value; extensive quantities (they grow
// with the size of an area) get a scale fitted to the areas on screen.
const DEFS = {
  // v/c: 0.85 is where traffic gets unstable, 1.0 is capacity (road rule thresholds).
  congestionIndex: { unit: 'v/c', stops: [0, 0.4, 0.7, 0.85, 1.0, 1.2], digits: 2 },
  // Korean PM2.5 bands: good ≤15, moderate ≤35, bad ≤75, very bad above.
  pm25: { unit: 'µg/m³', stops: [0, 15, 25, 35, 55, 75], digits: 0 },
  electricLoadMw: { unit: 'MW', dynamic: true },
  streetlightKw: { unit: 'kW', dynamic: true },
  // Flood sensor rule: warning at 15 cm, alarm at 30 cm.
  floodMaxCm: { unit: 'cm', stops: [0, 5, 10, 15, 30, 50], digits: 0 },
  assetsInAlarm: { unit: '', dynamic: true, integer: true },
};

/** Sequential ramp, dark teal (calm) to red (hot); readable on the dark map. */
export const RAMP = ['#1d4f73', '#1f8a8a', '#6cc08b', '#f0d25a', '#f28b38', '#e0403a'];
export const NO_DATA = '#3a4656';

export function kpiDef(key) { return DEFS[key] ?? { unit: '', dynamic: true }; }

export function kpiUnit(key) { return kpiDef(key).unit; }

export function kpiDigits(key) { return kpiDef(key).digits; }

/** Stops for the scale; dynamic KPIs use a "nice" maximum of the values given. */
export function kpiStops(key, values) {
  const def = kpiDef(key);
  if (!def.dynamic) return def.stops;
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  const top = niceCeil(max, def.integer);
  const n = RAMP.length - 1;
  const stops = [];
  for (let i = 0; i <= n; i++) stops.push(def.integer ? Math.round((top * i) / n) : (top * i) / n);
  // Stops must increase strictly for MapLibre's interpolate.
  for (let i = 1; i < stops.length; i++) if (stops[i] <= stops[i - 1]) stops[i] = stops[i - 1] + 1e-9;
  return stops;
}

function niceCeil(x, integer) {
  if (!(x > 0)) return integer ? 5 : 1;
  if (integer && x <= 5) return 5;
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/** fill-color expression reading the KPI from feature-state. */
/** @param {string} key @param {number[]} stops @returns {any} a MapLibre expression */
export function fillColorExpression(key, stops) {
  /** @type {any[]} */
  const interp = ['interpolate', ['linear'], ['to-number', ['feature-state', key]]];
  stops.forEach((s, i) => interp.push(s, RAMP[Math.min(i, RAMP.length - 1)]));
  return ['case', ['==', ['typeof', ['feature-state', key]], 'number'], interp, NO_DATA];
}
