// A pulse at a point of the map: where the presenter points, every follower looks.
import { maplibregl } from '../map/map.js';

const PULSE_MS = 4000;

/** @param {maplibregl.Map} map @param {number} lon @param {number} lat */
export function showPing(map, lon, lat) {
  const el = document.createElement('div');
  el.className = 'tour-ping';
  el.dataset.testid = 'tour-ping';
  el.innerHTML = '<span></span><span></span>';
  const marker = new maplibregl.Marker({ element: el, anchor: 'center' }).setLngLat([lon, lat]).addTo(map);
  setTimeout(() => marker.remove(), PULSE_MS);
  return marker;
}
