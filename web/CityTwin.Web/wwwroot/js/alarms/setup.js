// Wires the control room into the page: the header's alarm chip opens the alarm list, pushed
// alarms update the list, the markers and the cue, and "show" selects the asset or area in the
// inspector and flies the map there.
import { localName } from '../core/i18n.js';
import { AlarmPanel } from './alarms.js';
import { AlarmMarkers } from './markers.js';

/**
 * @param {{stage: HTMLElement, chip: HTMLElement, live: import('../core/live.js').LiveConnection,
 *          twin: any, select: (target: any) => void, names: {gu: Map<string, any>, dong: Map<string, any>}}} options
 */
export function setupAlarms({ stage, chip, live, twin, select, names }) {
  /** @param {string} code */
  const areaName = (code) => {
    const p = names.dong.get(String(code)) ?? names.gu.get(String(code));
    return p ? localName(p) : null;
  };
  /** @type {AlarmMarkers|null} */
  let markers = null;
  const panel = new AlarmPanel({
    stage, chip, live, areaName,
    onOpenAlarms: (alarms) => markers?.setAlarms(alarms),
    viewBox: () => {
      const b = twin.map.getBounds();
      // Zoomed far out the map can show more than one world: the server takes WGS84 degrees.
      const clamp = (/** @type {number} */ v, /** @type {number} */ limit) => Math.round(Math.max(-limit, Math.min(limit, v)) * 1e6) / 1e6;
      return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)];
    },
    onShow: (a) => {
      if (a.sourceKind === 'dong' || a.sourceKind === 'gu') select({ type: a.sourceKind, code: a.sourceId });
      else select({ type: 'asset', id: a.sourceId, kind: a.sourceKind });
      twin.map.flyTo({ center: [a.lon, a.lat], zoom: a.sourceKind === 'gu' ? 12 : a.sourceKind === 'dong' ? 13.5 : 15.5, duration: 1200 });
    },
  });
  markers = new AlarmMarkers(twin.map, (id) => panel.showAlarm(id));
  chip.addEventListener('click', () => panel.toggle());
  twin.map.on('moveend', () => panel.viewChanged());
  panel.start();
  return panel;
}
