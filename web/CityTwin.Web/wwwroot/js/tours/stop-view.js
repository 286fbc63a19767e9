// Puts the map where a tour stop says: camera, layers and the KPI areas are coloured by. Stops come
// as the API's tour documents (camera nested) or as the live session's frames (flat).

/**
 * @typedef {object} MapView what a stop may change on the page
 * @property {any} twin the TwinMap
 * @property {(visible: boolean) => void} setSitesVisible
 * @property {(kpi: string) => void} setKpi
 */

/** @param {any} stop @returns {{center: [number, number], zoom: number, bearing: number, pitch: number}} */
export function cameraOf(stop) {
  const c = stop.camera ?? stop;
  return { center: [c.center[0], c.center[1]], zoom: c.zoom, bearing: c.bearing ?? 0, pitch: c.pitch ?? 0 };
}

/** The layer toggles of the legend, kept in step with what a stop shows. */
const TOGGLES = { buildings: 'layer-buildings', roads: 'layer-roads', sites: 'layer-sites', '3d': 'layer-3d' };

/**
 * Flies to the stop and shows its layers and KPI.
 * @param {MapView} view @param {any} stop @param {{duration?: number}} [options]
 */
export function applyStop(view, stop, { duration = 1800 } = {}) {
  const layers = new Set(stop.layers ?? []);
  const twin = view.twin;
  // 3D first: the buildings layer shows its flat or 3D form according to it.
  twin.threeD = layers.has('3d');
  twin.setLayerVisible('buildings', layers.has('buildings'));
  twin.setLayerVisible('roads', layers.has('roads'));
  view.setSitesVisible(layers.has('sites'));
  for (const [layer, id] of Object.entries(TOGGLES)) {
    const box = /** @type {HTMLInputElement|null} */ (document.getElementById(id));
    if (box) box.checked = layers.has(layer);
  }
  if (stop.kpi) view.setKpi(stop.kpi);
  twin.map.flyTo({ ...cameraOf(stop), duration, essential: true });
}
