// Drawing an intervention's area on the map: click to add corners, double-click (or click the
// first corner, or Finish) to close, Backspace to undo a corner, Esc to cancel.

const SHAPES = 'plan-shapes';
const DRAFT = 'plan-draft';
const ACCENT = '#5cc8ff';
const DRAFT_COLOR = '#ffd166';
/** Pixels within which a click counts as "on" a corner. */
const SNAP_PX = 8;

const round = (x) => Math.round(x * 1e6) / 1e6;
const empty = () => ({ type: 'FeatureCollection', features: [] });

export class PolygonDrawer {
  /** @param {import('maplibre-gl').Map} map */
  constructor(map) {
    this.map = map;
    /** @type {{handlers: any, vertices: [number, number][], cursor: [number, number]|null, dblZoom: boolean}|null} the polygon being drawn */
    this.session = null;
    this.shapes = [];
    this.visible = true;
    this.onClick = (e) => this.click(e);
    this.onDblClick = (e) => this.dblclick(e);
    this.onMove = (e) => { if (this.session) { this.session.cursor = [e.lngLat.lng, e.lngLat.lat]; this.paintDraft(); } };
    this.onKey = (e) => this.key(e);
  }

  get drawing() { return this.session !== null; }

  ensureLayers() {
    const m = this.map;
    if (m.getSource(SHAPES)) return;
    m.addSource(SHAPES, { type: 'geojson', data: empty() });
    m.addSource(DRAFT, { type: 'geojson', data: empty() });
    m.addLayer({ id: 'plan-shapes-fill', type: 'fill', source: SHAPES, paint: { 'fill-color': ACCENT, 'fill-opacity': 0.18 } });
    m.addLayer({ id: 'plan-shapes-line', type: 'line', source: SHAPES, paint: { 'line-color': ACCENT, 'line-width': 2.5 } });
    m.addLayer({ id: 'plan-draft-fill', type: 'fill', source: DRAFT, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': DRAFT_COLOR, 'fill-opacity': 0.15 } });
    m.addLayer({ id: 'plan-draft-line', type: 'line', source: DRAFT, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': DRAFT_COLOR, 'line-width': 2, 'line-dasharray': [2, 1.5] } });
    m.addLayer({
      id: 'plan-draft-points', type: 'circle', source: DRAFT, filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': ['case', ['boolean', ['get', 'first'], false], 6, 4.5], 'circle-color': DRAFT_COLOR, 'circle-stroke-color': '#08111d', 'circle-stroke-width': 1.5 },
    });
  }

  /** Finished areas to show (each a ring of [lon, lat] without the closing point). */
  setShapes(rings) {
    this.shapes = rings.filter(r => Array.isArray(r) && r.length >= 3);
    this.paintShapes();
  }

  setVisible(visible) {
    this.visible = visible;
    if (!visible) this.cancel();
    this.paintShapes();
  }

  paintShapes() {
    if (!this.map.getSource(SHAPES) && this.shapes.length === 0) return;
    this.ensureLayers();
    const features = this.visible ? this.shapes.map(ring => ({
      type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
    })) : [];
    /** @type {import('maplibre-gl').GeoJSONSource} */ (this.map.getSource(SHAPES)).setData({ type: 'FeatureCollection', features });
  }

  /**
   * Starts drawing; a drawing already under way is cancelled first.
   * @param {{onChange?: (n: number) => void, onFinish: (ring: number[][]) => void, onCancel?: () => void}} handlers
   */
  start(handlers) {
    this.cancel();
    this.ensureLayers();
    const m = this.map;
    this.session = { handlers, vertices: [], cursor: null, dblZoom: m.doubleClickZoom.isEnabled() };
    m.doubleClickZoom.disable();
    m.on('click', this.onClick);
    m.on('dblclick', this.onDblClick);
    m.on('mousemove', this.onMove);
    window.addEventListener('keydown', this.onKey, true);
    m.getContainer().classList.add('drawing');
    this.paintDraft();
    handlers.onChange?.(0);
  }

  /** Closes the ring if it has at least three corners; returns whether it did. */
  finish() {
    const s = this.session;
    if (!s || s.vertices.length < 3) return false;
    const ring = s.vertices.map(([x, y]) => [round(x), round(y)]);
    this.stop();
    s.handlers.onFinish(ring);
    return true;
  }

  cancel() {
    const s = this.session;
    if (!s) return;
    this.stop();
    s.handlers.onCancel?.();
  }

  stop() {
    const m = this.map;
    const s = this.session;
    this.session = null;
    m.off('click', this.onClick);
    m.off('dblclick', this.onDblClick);
    m.off('mousemove', this.onMove);
    window.removeEventListener('keydown', this.onKey, true);
    m.getContainer().classList.remove('drawing');
    if (s?.dblZoom) m.doubleClickZoom.enable();
    /** @type {import('maplibre-gl').GeoJSONSource|undefined} */ (m.getSource(DRAFT))?.setData(empty());
  }

  near(a, b) {
    const pa = this.map.project(a), pb = this.map.project(b);
    return Math.hypot(pa.x - pb.x, pa.y - pb.y) <= SNAP_PX;
  }

  click(e) {
    const s = this.session;
    if (!s) return;
    /** @type {[number, number]} */
    const p = [e.lngLat.lng, e.lngLat.lat];
    // Clicking the first corner closes the ring.
    if (s.vertices.length >= 3 && this.near(p, s.vertices[0])) { this.finish(); return; }
    s.vertices.push(p);
    this.paintDraft();
    s.handlers.onChange?.(s.vertices.length);
  }

  dblclick(e) {
    const s = this.session;
    if (!s) return;
    e.preventDefault();
    // The double-click's two clicks added the same corner twice.
    const v = s.vertices;
    if (v.length >= 2 && this.near(v[v.length - 1], v[v.length - 2])) v.pop();
    if (!this.finish()) { this.paintDraft(); s.handlers.onChange?.(v.length); }
  }

  key(e) {
    const s = this.session;
    if (!s) return;
    if (e.key === 'Escape') {
      // Esc belongs to the drawing here, not to the panels that also close on it.
      e.preventDefault();
      e.stopPropagation();
      this.cancel();
      return;
    }
    // Enter and Backspace only when the map (or nothing) has focus: elsewhere they edit or press buttons.
    const onMap = e.target === document.body || this.map.getContainer().contains(e.target);
    if (!onMap) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      this.finish();
    } else if (e.key === 'Backspace' && s.vertices.length) {
      e.preventDefault();
      s.vertices.pop();
      this.paintDraft();
      s.handlers.onChange?.(s.vertices.length);
    }
  }

  paintDraft() {
    const s = this.session;
    const src = /** @type {import('maplibre-gl').GeoJSONSource|undefined} */ (this.map.getSource(DRAFT));
    if (!s || !src) return;
    const v = s.vertices;
    /** @type {any[]} GeoJSON features of mixed geometry */
    const features = v.map((c, i) => ({ type: 'Feature', properties: { first: i === 0 }, geometry: { type: 'Point', coordinates: c } }));
    const path = s.cursor && v.length ? [...v, s.cursor] : v;
    if (path.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: v.length >= 3 ? [...path, v[0]] : path } });
    if (v.length >= 3) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...path, v[0]]] } });
    src.setData({ type: 'FeatureCollection', features });
  }
}
