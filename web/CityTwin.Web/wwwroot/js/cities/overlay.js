// Another city's boundaries over the map: an installed pack the twin does not run, or the preview
// of an import. One overlay at a time; drawn above the live areas, read-only.
const SOURCE = 'city-overlay';
const FILL = 'city-overlay-fill';
const LINE = 'city-overlay-line';

/**
 * Shows a FeatureCollection of gu and dong boundaries (property level) and flies to it.
 * @param {import('maplibre-gl').Map} map
 * @param {any} geojson
 */
export function showOverlay(map, geojson) {
  const source = /** @type {import('maplibre-gl').GeoJSONSource|undefined} */ (map.getSource(SOURCE));
  if (source) source.setData(geojson);
  else {
    map.addSource(SOURCE, { type: 'geojson', data: geojson });
    map.addLayer({ id: FILL, type: 'fill', source: SOURCE, filter: ['==', ['get', 'level'], 'dong'], paint: { 'fill-color': '#f0b429', 'fill-opacity': 0.18 } });
    map.addLayer({
      id: LINE, type: 'line', source: SOURCE,
      paint: { 'line-color': '#f0b429', 'line-width': ['case', ['==', ['get', 'level'], 'gu'], 2.5, 1] },
    });
  }
  const b = bounds(geojson);
  if (b) map.fitBounds(b, { padding: 60, duration: 1200, maxZoom: 14 });
}

/** @param {import('maplibre-gl').Map} map */
export function clearOverlay(map) {
  for (const id of [LINE, FILL]) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
}

/**
 * West, south, east, north of every coordinate, or null for an empty collection.
 * @param {any} geojson
 * @returns {[number, number, number, number]|null}
 */
export function bounds(geojson) {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  /** @param {any} c */
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
    } else for (const x of c) visit(x);
  };
  for (const f of geojson?.features ?? []) if (f.geometry?.coordinates) visit(f.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
