// A scenario's change against its baseline, drawn over the districts on a diverging scale.
import { NO_DATA } from './kpis.js';
import { ASSET_ZOOM } from './layers.js';

/**
 * Diverging ramp for a scenario's change against its baseline, from "much better" to "much worse".
 * The middle is a mid grey, lighter than "no data", so that "no change" never reads as missing.
 */
export const DELTA_RAMP = ['#1a9850', '#74c476', '#9ba6b2', '#f4845f', '#d73027'];
const DELTA_LAYER = 'gu-delta';
const DELTA_STATE = 'scenarioDelta';

export class DistrictDelta {
  /** @param {import('maplibre-gl').Map} map */
  constructor(map) {
    this.map = map;
    /** @type {{codes: Set<string>, opacity: Record<string, any>}|null} */
    this.delta = null;
  }

  /**
   * Colours the districts by a scenario's change against its baseline, on a scale centred on zero:
   * green where the change is an improvement, red where it is worse (`better` says which direction
   * is good). The live choropleth stays underneath, only faded, so clicking an area still works.
   * @param {Map<string, number>|Record<string, number>} valuesByGuCode delta per gu code
   * @param {{better?: 'lower'|'higher', max?: number}} options max: half-width of the scale (default: the largest |delta|)
   * @returns {{stops: number[], colors: string[], max: number}} the scale, for a legend
   */
  show(valuesByGuCode, options = {}) {
    const m = this.map;
    /** @type {[string, number][]} */
    const entries = (valuesByGuCode instanceof Map ? [...valuesByGuCode] : Object.entries(valuesByGuCode ?? {}))
      .map(([code, v]) => /** @type {[string, number]} */ ([String(code), v == null ? NaN : Number(v)]))
      .filter(([, v]) => Number.isFinite(v));
    let max = Number(options.max);
    if (!(max > 0)) max = niceDeltaMax(entries.reduce((a, [, v]) => Math.max(a, Math.abs(v)), 0));
    const colors = options.better === 'higher' ? [...DELTA_RAMP].reverse() : DELTA_RAMP;
    const stops = [-max, -max / 2, 0, max / 2, max];
    /** @type {any} */
    const interp = ['interpolate', ['linear'], ['to-number', ['feature-state', DELTA_STATE]]];
    stops.forEach((s, i) => interp.push(s, colors[i]));
    /** @type {any} */
    const color = ['case', ['==', ['typeof', ['feature-state', DELTA_STATE]], 'number'], interp, NO_DATA];

    if (!m.getLayer(DELTA_LAYER)) {
      // Above both area choropleths, under the outlines and the selection.
      m.addLayer({
        id: DELTA_LAYER, type: 'fill', source: 'districts', maxzoom: ASSET_ZOOM,
        paint: { 'fill-color': color, 'fill-opacity': /** @type {any} */ (['case', ['boolean', ['feature-state', 'hover'], false], 0.97, 0.85]) },
      }, 'roads-selected');
    } else {
      m.setPaintProperty(DELTA_LAYER, 'fill-color', color);
      m.setLayoutProperty(DELTA_LAYER, 'visibility', 'visible');
    }
    if (!this.delta) {
      // Remember the live fills' opacity to give it back on clear.
      this.delta = { codes: new Set(), opacity: {} };
      for (const id of ['gu-fill', 'dong-fill']) {
        this.delta.opacity[id] = m.getPaintProperty(id, 'fill-opacity');
        m.setPaintProperty(id, 'fill-opacity', 0);
      }
    }
    for (const code of this.delta.codes) m.removeFeatureState({ source: 'districts', id: code }, DELTA_STATE);
    this.delta.codes = new Set(entries.map(([code]) => String(code)));
    for (const [code, v] of entries) m.setFeatureState({ source: 'districts', id: code }, { [DELTA_STATE]: v });
    return { stops, colors, max };
  }

  /** Back to the live choropleth. */
  clear() {
    const m = this.map;
    if (!this.delta) return;
    for (const code of this.delta.codes) m.removeFeatureState({ source: 'districts', id: code }, DELTA_STATE);
    for (const [id, opacity] of Object.entries(this.delta.opacity)) m.setPaintProperty(id, 'fill-opacity', opacity);
    if (m.getLayer(DELTA_LAYER)) m.setLayoutProperty(DELTA_LAYER, 'visibility', 'none');
    this.delta = null;
  }

  /** True while a scenario delta colours the districts. */
  get shown() { return this.delta !== null; }
}

/** A round half-width for a diverging scale (1, 2, 2.5, 5 × 10^n) at or above the largest |delta|. */
function niceDeltaMax(x) {
  if (!(x > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= x * (1 - 1e-9)) return f * p;
  return 10 * p;
}
