// Open alarms on the map: a clustered GeoJSON source drawn as circles coloured by the worst
// severity, and HTML counts on the clusters (map text needs glyphs, which are not available
// offline). A click on a single alarm opens it; a click on a cluster zooms in.
import { maplibregl } from '../map/map.js';

const SOURCE = 'alarms';
export const SEVERITY_RANK = { critical: 3, major: 2, minor: 1, warning: 0 };
const COLOURS = ['#f5d90a', '#f5a524', '#fb6b1d', '#ef4444'];
/** The ring of a drill's alarm (drills.css uses the same violet for the list's badge). */
const DRILL_COLOUR = '#c084fc';

export class AlarmMarkers {
  /** @param {maplibregl.Map} map @param {(id: string) => void} onOpen */
  constructor(map, onOpen) {
    this.map = map;
    this.onOpen = onOpen;
    /** @type {Map<string, maplibregl.Marker>} */
    this.labels = new Map();
    map.addSource(SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      cluster: true,
      clusterRadius: 40,
      clusterMaxZoom: 15,
      clusterProperties: { worst: ['max', ['get', 'rank']], drills: ['+', ['get', 'drill']] },
    });
    const colour = (/** @type {any} */ rank) => /** @type {any} */ (['match', rank, 3, COLOURS[3], 2, COLOURS[2], 1, COLOURS[1], COLOURS[0]]);
    map.addLayer({
      id: 'alarm-clusters', type: 'circle', source: SOURCE, filter: ['has', 'point_count'],
      paint: {
        'circle-color': colour(['get', 'worst']), 'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 50, 22],
        // A cluster holding a drill's alarm has the drills' violet ring.
        'circle-stroke-color': ['case', ['>', ['get', 'drills'], 0], DRILL_COLOUR, '#08111d'], 'circle-stroke-width': 2,
      },
    });
    map.addLayer({
      id: 'alarm-points', type: 'circle', source: SOURCE, filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': colour(['get', 'rank']), 'circle-radius': ['case', ['==', ['get', 'drill'], 1], 8, 7],
        // A drill's alarm: a thick violet ring instead of the white one, so practice never looks real.
        'circle-stroke-color': ['case', ['==', ['get', 'drill'], 1], DRILL_COLOUR, '#ffffff'],
        'circle-stroke-width': ['case', ['==', ['get', 'drill'], 1], 4, 2],
      },
    });
    map.on('click', 'alarm-points', (e) => {
      const id = e.features?.[0]?.properties?.id;
      if (id) this.onOpen(String(id));
    });
    map.on('click', 'alarm-clusters', (e) => {
      const f = e.features?.[0];
      if (!f || f.geometry.type !== 'Point') return;
      map.easeTo({ center: /** @type {[number, number]} */ (f.geometry.coordinates), zoom: map.getZoom() + 2 });
    });
    for (const layer of ['alarm-points', 'alarm-clusters']) {
      map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
      map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
    }
    map.on('render', () => this.renderLabels());
  }

  /** @param {any[]} alarms open alarms with lon/lat */
  setAlarms(alarms) {
    const features = alarms.filter(a => !a.isGroup && Number.isFinite(a.lon) && (a.lon !== 0 || a.lat !== 0)).map(a => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [a.lon, a.lat] },
      properties: { id: a.id, rank: SEVERITY_RANK[/** @type {keyof typeof SEVERITY_RANK} */ (a.severity)] ?? 0, drill: a.drill ? 1 : 0 },
    }));
    const source = /** @type {maplibregl.GeoJSONSource|undefined} */ (this.map.getSource(SOURCE));
    source?.setData(/** @type {any} */ ({ type: 'FeatureCollection', features }));
  }

  /** Keeps one HTML count per visible cluster. */
  renderLabels() {
    if (!this.map.getSource(SOURCE)) return;
    const seen = new Set();
    for (const f of this.map.querySourceFeatures(SOURCE, { filter: ['has', 'point_count'] })) {
      const p = f.properties ?? {};
      const key = String(p.cluster_id);
      if (seen.has(key) || f.geometry.type !== 'Point') continue;
      seen.add(key);
      let marker = this.labels.get(key);
      if (!marker) {
        const el = document.createElement('div');
        el.className = 'alarm-cluster-count';
        el.dataset.testid = 'alarm-cluster';
        marker = new maplibregl.Marker({ element: el, anchor: 'center' });
        this.labels.set(key, marker);
        marker.setLngLat(/** @type {[number, number]} */ (f.geometry.coordinates)).addTo(this.map);
      }
      marker.setLngLat(/** @type {[number, number]} */ (f.geometry.coordinates));
      marker.getElement().textContent = String(p.point_count_abbreviated ?? p.point_count);
    }
    for (const [key, marker] of this.labels) {
      if (!seen.has(key)) { marker.remove(); this.labels.delete(key); }
    }
  }
}
