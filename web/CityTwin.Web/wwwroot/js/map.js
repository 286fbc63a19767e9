// The MapLibre map: offline base style, area choropleths, live assets coloured by feature-state.
import * as maplibregl from '../lib/maplibre-gl/maplibre-gl.mjs';
import { NO_DATA, fillColorExpression, kpiStops } from './kpis.js';
import { BUILDING_OK, ROAD_OK, STATUS_COLORS, statusColorExpression } from './status.js';

export { maplibregl };

/** Zoom from which the server streams individual assets (and the map draws them). */
export const ASSET_ZOOM = 13;
/** Zoom from which dongs replace gu in the choropleth. */
export const DONG_ZOOM = 11;

const NONE = '__none__';
const SELECT_COLOR = '#ffffff';

/**
 * Diverging ramp for a scenario's change against its baseline, from "much better" to "much worse".
 * The middle is a mid grey, lighter than "no data", so that "no change" never reads as missing.
 */
export const DELTA_RAMP = ['#1a9850', '#74c476', '#9ba6b2', '#f4845f', '#d73027'];
const DELTA_LAYER = 'gu-delta';
const DELTA_STATE = 'scenarioDelta';

// No tiles, glyphs or sprites from the internet: a plain background, our own GeoJSON for areas
// and our own vector tiles (/api/tiles) for the asset layers.
function baseStyle() {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#0a1422' } }],
  };
}

/** Vector-tile sources of the asset layers; each tile has one source layer named like its source. */
const TILE_SOURCES = ['buildings', 'roads', 'assets'];
/** Tiles exist from this zoom (assets are drawn from ASSET_ZOOM); deeper than TILE_MAX the map overzooms. */
const TILE_MIN = 12;
const TILE_MAX = 16;

/** Which source holds an asset id ("building-00012", "road-00345", "air-2818563000-001"). */
export function sourceOfAsset(id) {
  if (typeof id !== 'string') return 'assets';
  if (id.startsWith('building-') || id.startsWith('building/')) return 'buildings';
  if (id.startsWith('road-') || id.startsWith('road/')) return 'roads';
  return 'assets';
}

/**
 * The feature-state address of an asset. Vector sources need the source layer as well as the
 * source; ours are named alike.
 */
export function assetFeature(id) {
  const source = sourceOfAsset(id);
  return { source, sourceLayer: source, id };
}

/** A map button that brings back the whole city (trainers use it between stops). */
class HomeControl {
  constructor(onClick) { this.onClick = onClick; }
  onAdd() {
    this.container = document.createElement('div');
    this.container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
    this.button = document.createElement('button');
    this.button.type = 'button';
    this.button.className = 'home-btn';
    this.button.dataset.testid = 'home-button';
    this.button.dataset.i18nAriaLabel = 'map.resetView';
    this.button.dataset.i18nTitle = 'map.resetView';
    this.button.innerHTML = '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><path d="M3 10 10 3.5 17 10M5.5 8v8.5h9V8" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/></svg>';
    this.button.addEventListener('click', this.onClick);
    this.container.append(this.button);
    return this.container;
  }
  onRemove() { this.container.remove(); }
}

export class TwinMap {
  constructor(container, city) {
    // homeBbox (when the server gives it) frames the urban area rather than every far island.
    const [w, s, e, n] = city.homeBbox ?? city.bbox;
    this.homeBounds = [[w, s], [e, n]];
    this.kpi = 'congestionIndex';
    this.areaValues = { gu: new Map(), dong: new Map() };
    this.stops = { gu: null, dong: null };
    this.pendingAssets = new Map();
    this.flushScheduled = false;
    this.scaleTimer = 0;
    this.hover = { gu: null, dong: null };
    this.listeners = { scale: new Set() };
    this.hiddenKinds = new Set();
    this.delta = null;

    this.map = new maplibregl.Map({
      container,
      style: baseStyle(),
      bounds: this.homeBounds,
      fitBoundsOptions: { padding: 40 },
      attributionControl: false,
      renderWorldCopies: false,
      minZoom: 7,
      maxZoom: 19,
      maxPitch: 60,
    });
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-left');
    this.map.addControl(new HomeControl(() => this.fitCity()), 'top-left');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    // Compact: the sources are long; the (i) button shows them in full.
    this.map.addControl(new maplibregl.AttributionControl({
      compact: true,
      customAttribution: city.attribution ?? [],
    }), 'bottom-right');
    this.map.touchZoomRotate.disableRotation();
    // MapLibre opens compact attribution until the first drag; start it folded (the (i) opens it).
    this.map.once('load', () => {
      container = typeof container === 'string' ? document.getElementById(container) : container;
      container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
    });
  }

  loaded() {
    return new Promise(resolve => {
      if (this.map.loaded() && this.map.isStyleLoaded()) resolve();
      else this.map.once('load', () => resolve());
    });
  }

  fitCity(animate = true) {
    this.map.fitBounds(this.homeBounds, { padding: 40, pitch: 0, bearing: 0, animate });
  }

  /** Adds sources and layers; collections already fetched (districts, dongs) are passed in to avoid a second download. */
  addLayers(data = {}) {
    const m = this.map;
    m.addSource('city', { type: 'geojson', data: '/api/layers/city' });
    m.addSource('districts', { type: 'geojson', data: data.districts ?? '/api/layers/districts', promoteId: 'code' });
    m.addSource('dongs', { type: 'geojson', data: data.dongs ?? '/api/layers/dongs', promoteId: 'code' });
    // Assets come as vector tiles: only what the viewport shows is fetched, whatever the city's
    // size. Tile features carry their id as a property (MVT ids are integers): promote it per
    // source layer so feature-state (live status) is keyed by asset id.
    for (const name of TILE_SOURCES) {
      m.addSource(name, {
        type: 'vector',
        tiles: [`${location.origin}/api/tiles/${name}/{z}/{x}/{y}.pbf`],
        minzoom: TILE_MIN,
        maxzoom: TILE_MAX,
        promoteId: { [name]: 'id' },
      });
    }

    const hoverOpacity = (base, hover) => ['case', ['boolean', ['feature-state', 'hover'], false], hover, base];

    m.addLayer({ id: 'city-fill', type: 'fill', source: 'city', paint: { 'fill-color': '#15243a' } });
    m.addLayer({
      id: 'gu-fill', type: 'fill', source: 'districts', maxzoom: DONG_ZOOM,
      paint: { 'fill-color': fillColorExpression(this.kpi, [0, 1, 2, 3, 4, 5]), 'fill-opacity': hoverOpacity(0.72, 0.92) },
    });
    m.addLayer({
      id: 'dong-fill', type: 'fill', source: 'dongs', minzoom: DONG_ZOOM, maxzoom: ASSET_ZOOM,
      paint: { 'fill-color': fillColorExpression(this.kpi, [0, 1, 2, 3, 4, 5]), 'fill-opacity': hoverOpacity(0.72, 0.92) },
    });
    // Zoomed in, areas fade to a quiet ground so live assets carry the colour.
    m.addLayer({
      id: 'dong-ground', type: 'fill', source: 'dongs', minzoom: ASSET_ZOOM,
      paint: { 'fill-color': '#17263b', 'fill-opacity': 1 },
    });

    // Zoom must be the input of the top-level interpolate: the halo adds inside each stop.
    const roadWidth = (extra) => ['interpolate', ['exponential', 1.6], ['zoom'],
      13, ['+', extra, this.roadClassWidth(1)],
      18, ['+', extra, this.roadClassWidth(8)]];
    m.addLayer({
      id: 'roads-selected', type: 'line', source: 'roads', 'source-layer': 'roads', minzoom: ASSET_ZOOM, filter: ['==', ['get', 'id'], NONE],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': SELECT_COLOR, 'line-width': roadWidth(5) },
    });
    m.addLayer({
      id: 'roads-line', type: 'line', source: 'roads', 'source-layer': 'roads', minzoom: ASSET_ZOOM,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': statusColorExpression(ROAD_OK), 'line-width': roadWidth(0), 'line-opacity': 0.9 },
    });
    m.addLayer({
      id: 'buildings-fill', type: 'fill', source: 'buildings', 'source-layer': 'buildings', minzoom: ASSET_ZOOM,
      paint: { 'fill-color': statusColorExpression(BUILDING_OK), 'fill-opacity': 0.85, 'fill-outline-color': '#0a1422' },
    });
    m.addLayer({
      id: 'buildings-3d', type: 'fill-extrusion', source: 'buildings', 'source-layer': 'buildings', minzoom: ASSET_ZOOM,
      layout: { visibility: 'none' },
      paint: {
        'fill-extrusion-color': statusColorExpression(BUILDING_OK),
        'fill-extrusion-height': ['max', 3.3, ['to-number', ['get', 'heightM'], 0]],
        'fill-extrusion-opacity': 0.9,
      },
    });
    m.addLayer({
      id: 'buildings-selected', type: 'line', source: 'buildings', 'source-layer': 'buildings', minzoom: ASSET_ZOOM, filter: ['==', ['get', 'id'], NONE],
      paint: { 'line-color': SELECT_COLOR, 'line-width': 3 },
    });

    m.addLayer({
      id: 'dong-line', type: 'line', source: 'dongs', minzoom: 9.5,
      paint: { 'line-color': '#8fa6bf', 'line-opacity': ['interpolate', ['linear'], ['zoom'], 9.5, 0.15, 12, 0.45], 'line-width': 0.7 },
    });
    m.addLayer({
      id: 'gu-line', type: 'line', source: 'districts',
      paint: { 'line-color': '#c9d7e6', 'line-opacity': 0.75, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 13, 2] },
    });
    m.addLayer({
      id: 'city-line', type: 'line', source: 'city',
      paint: { 'line-color': '#e6eef7', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 13, 2.5] },
    });
    m.addLayer({
      id: 'gu-selected', type: 'line', source: 'districts', maxzoom: ASSET_ZOOM, filter: ['==', ['get', 'code'], NONE],
      paint: { 'line-color': SELECT_COLOR, 'line-width': 3 },
    });
    m.addLayer({
      id: 'dong-selected', type: 'line', source: 'dongs', filter: ['==', ['get', 'code'], NONE],
      paint: { 'line-color': SELECT_COLOR, 'line-width': 2.5 },
    });

    m.addLayer({
      id: 'assets-selected', type: 'circle', source: 'assets', 'source-layer': 'assets', minzoom: ASSET_ZOOM, filter: ['==', ['get', 'id'], NONE],
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 8, 18, 14], 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': SELECT_COLOR, 'circle-stroke-width': 2.5 },
    });
    m.addLayer({
      id: 'assets-circle', type: 'circle', source: 'assets', 'source-layer': 'assets', minzoom: ASSET_ZOOM,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 4, 16, 6.5, 18, 9],
        'circle-color': statusColorExpression(STATUS_COLORS.ok),
        'circle-stroke-color': '#e8f0f8',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 16, 1.5],
      },
    });

    this.wireHover('gu-fill', 'districts', 'gu');
    this.wireHover('dong-fill', 'dongs', 'dong');
    for (const id of ['assets-circle', 'roads-line', 'buildings-fill', 'buildings-3d']) {
      m.on('mouseenter', id, () => { m.getCanvas().style.cursor = 'pointer'; });
      m.on('mouseleave', id, () => { m.getCanvas().style.cursor = ''; });
    }
    this.applyScale(true);
  }

  roadClassWidth(factor) {
    const cls = ['downcase', ['to-string', ['get', 'roadClass']]];
    return ['case',
      ['in', 'motorway', cls], 2.2 * factor,
      ['in', 'primary', cls], 1.8 * factor,
      ['in', 'secondary', cls], 1.4 * factor,
      ['in', 'foot', cls], 0.5 * factor,
      0.9 * factor];
  }

  wireHover(layerId, source, level) {
    const m = this.map;
    m.on('mousemove', layerId, (e) => {
      const f = e.features?.[0];
      if (!f) return;
      if (this.hover[level] !== null && this.hover[level] !== f.id) m.setFeatureState({ source, id: this.hover[level] }, { hover: false });
      this.hover[level] = f.id;
      m.setFeatureState({ source, id: f.id }, { hover: true });
      m.getCanvas().style.cursor = 'pointer';
    });
    m.on('mouseleave', layerId, () => {
      if (this.hover[level] !== null) m.setFeatureState({ source, id: this.hover[level] }, { hover: false });
      this.hover[level] = null;
      m.getCanvas().style.cursor = '';
    });
  }

  /** The level of areas the choropleth shows at the current zoom ('gu', 'dong') or null when assets are shown. */
  areaLevel() {
    const z = this.map.getZoom();
    return z >= ASSET_ZOOM ? null : z >= DONG_ZOOM ? 'dong' : 'gu';
  }

  setKpi(key) {
    this.kpi = key;
    this.applyScale(true);
  }

  /** KPIs of one area; values go to feature-state, where the fill colour reads them. */
  setAreaKpis(level, code, kpis) {
    const source = level === 'gu' ? 'districts' : level === 'dong' ? 'dongs' : null;
    if (!source || code == null || !kpis) return;
    const key = String(code);
    const prev = this.areaValues[level].get(key);
    this.areaValues[level].set(key, prev ? { ...prev, ...kpis } : { ...kpis });
    this.map.setFeatureState({ source, id: key }, kpis);
    this.scheduleScale();
  }

  scheduleScale() {
    if (this.scaleTimer) return;
    this.scaleTimer = setTimeout(() => { this.scaleTimer = 0; this.applyScale(false); }, 1000);
  }

  /** Fits dynamic scales to the current values; repaints only when a scale changes. */
  applyScale(force) {
    for (const level of ['gu', 'dong']) {
      const values = [];
      for (const k of this.areaValues[level].values()) values.push(Number(k[this.kpi]));
      const stops = kpiStops(this.kpi, values);
      const old = this.stops[level];
      if (!force && old && old.length === stops.length && old.every((v, i) => v === stops[i])) continue;
      this.stops[level] = stops;
      const layer = level === 'gu' ? 'gu-fill' : 'dong-fill';
      if (this.map.getLayer(layer)) this.map.setPaintProperty(layer, 'fill-color', fillColorExpression(this.kpi, stops));
      for (const fn of this.listeners.scale) fn();
    }
  }

  onScaleChange(fn) { this.listeners.scale.add(fn); }

  currentStops() {
    return this.stops[this.areaLevel() ?? 'dong'] ?? this.stops.gu;
  }

  /** Queues asset statuses; they reach the map once per animation frame, latest value wins. */
  queueAssetStatus(id, status) {
    this.pendingAssets.set(id, status);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      requestAnimationFrame(() => this.flushAssets());
    }
  }

  flushAssets() {
    this.flushScheduled = false;
    const m = this.map;
    for (const [id, status] of this.pendingAssets) {
      m.setFeatureState(assetFeature(id), { status });
    }
    this.pendingAssets.clear();
  }

  /** What a click at a screen point hits, most specific first. */
  pick(point) {
    const m = this.map;
    const z = m.getZoom();
    if (z >= ASSET_ZOOM) {
      const box = [[point.x - 6, point.y - 6], [point.x + 6, point.y + 6]];
      const layers = ['assets-circle', 'roads-line', 'buildings-fill', 'buildings-3d'].filter(l => m.getLayer(l) && m.getLayoutProperty(l, 'visibility') !== 'none');
      const hits = m.queryRenderedFeatures(box, { layers });
      for (const layer of layers) {
        const f = hits.find(h => h.layer.id === layer);
        if (f) return { type: 'asset', id: String(f.properties.id ?? f.id), kind: f.properties.kind, properties: f.properties };
      }
      const dong = this.areaAt(point, 'dong-ground');
      return dong ? { type: 'dong', code: dong.code, properties: dong } : null;
    }
    const layer = z >= DONG_ZOOM ? 'dong-fill' : 'gu-fill';
    const props = this.areaAt(point, layer);
    if (!props) return null;
    return { type: layer === 'dong-fill' ? 'dong' : 'gu', code: String(props.code), properties: props };
  }

  areaAt(point, layer) {
    const f = this.map.queryRenderedFeatures(point, { layers: [layer] })[0];
    return f ? f.properties : null;
  }

  /** Outlines the selected item (or nothing). */
  select(target) {
    const m = this.map;
    const byId = (id) => ['==', ['get', 'id'], id ?? NONE];
    const byCode = (code) => ['==', ['get', 'code'], code ?? NONE];
    const assetSource = target?.type === 'asset' ? sourceOfAsset(target.id) : null;
    m.setFilter('assets-selected', byId(assetSource === 'assets' ? target.id : null));
    m.setFilter('roads-selected', byId(assetSource === 'roads' ? target.id : null));
    m.setFilter('buildings-selected', byId(assetSource === 'buildings' ? target.id : null));
    m.setFilter('gu-selected', byCode(target?.type === 'gu' ? target.code : null));
    m.setFilter('dong-selected', byCode(target?.type === 'dong' ? target.code : null));
  }

  /**
   * Colours the districts by a scenario's change against its baseline, on a scale centred on zero:
   * green where the change is an improvement, red where it is worse (`better` says which direction
   * is good). The live choropleth stays underneath, only faded, so clicking an area still works.
   * @param {Map<string, number>|Record<string, number>} valuesByGuCode delta per gu code
   * @param {{better?: 'lower'|'higher', max?: number}} options max: half-width of the scale (default: the largest |delta|)
   * @returns {{stops: number[], colors: string[], max: number}} the scale, for a legend
   */
  showDistrictDelta(valuesByGuCode, options = {}) {
    const m = this.map;
    const entries = (valuesByGuCode instanceof Map ? [...valuesByGuCode] : Object.entries(valuesByGuCode ?? {}))
      .map(([code, v]) => [String(code), v == null ? NaN : Number(v)])
      .filter(([, v]) => Number.isFinite(v));
    let max = Number(options.max);
    if (!(max > 0)) max = niceDeltaMax(entries.reduce((a, [, v]) => Math.max(a, Math.abs(v)), 0));
    const colors = options.better === 'higher' ? [...DELTA_RAMP].reverse() : DELTA_RAMP;
    const stops = [-max, -max / 2, 0, max / 2, max];
    const interp = ['interpolate', ['linear'], ['to-number', ['feature-state', DELTA_STATE]]];
    stops.forEach((s, i) => interp.push(s, colors[i]));
    const color = ['case', ['==', ['typeof', ['feature-state', DELTA_STATE]], 'number'], interp, NO_DATA];

    if (!m.getLayer(DELTA_LAYER)) {
      // Above both area choropleths, under the outlines and the selection.
      m.addLayer({
        id: DELTA_LAYER, type: 'fill', source: 'districts', maxzoom: ASSET_ZOOM,
        paint: { 'fill-color': color, 'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.97, 0.85] },
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
    this.delta.codes = new Set(entries.map(([code]) => code));
    for (const [code, v] of entries) m.setFeatureState({ source: 'districts', id: code }, { [DELTA_STATE]: v });
    return { stops, colors, max };
  }

  /** Back to the live choropleth. */
  clearDistrictDelta() {
    const m = this.map;
    if (!this.delta) return;
    for (const code of this.delta.codes) m.removeFeatureState({ source: 'districts', id: code }, DELTA_STATE);
    for (const [id, opacity] of Object.entries(this.delta.opacity)) m.setPaintProperty(id, 'fill-opacity', opacity);
    if (m.getLayer(DELTA_LAYER)) m.setLayoutProperty(DELTA_LAYER, 'visibility', 'none');
    this.delta = null;
  }

  /** True while a scenario delta colours the districts. */
  get deltaShown() { return this.delta !== null; }

  setLayerVisible(name, visible) {
    const v = visible ? 'visible' : 'none';
    const m = this.map;
    if (name === 'buildings') {
      const threeD = this.threeD;
      m.setLayoutProperty('buildings-fill', 'visibility', visible && !threeD ? 'visible' : 'none');
      m.setLayoutProperty('buildings-3d', 'visibility', visible && threeD ? 'visible' : 'none');
      m.setLayoutProperty('buildings-selected', 'visibility', v);
      this.buildingsVisible = visible;
    } else if (name === 'roads') {
      m.setLayoutProperty('roads-line', 'visibility', v);
      m.setLayoutProperty('roads-selected', 'visibility', v);
    }
  }

  /** Hides point assets of the given kinds. */
  setHiddenKinds(kinds) {
    this.hiddenKinds = new Set(kinds);
    const filter = this.hiddenKinds.size ? ['!', ['in', ['get', 'kind'], ['literal', [...this.hiddenKinds]]]] : null;
    this.map.setFilter('assets-circle', filter);
  }

  set3d(on) {
    this.threeD = on;
    const visible = this.buildingsVisible !== false;
    this.map.setLayoutProperty('buildings-fill', 'visibility', visible && !on ? 'visible' : 'none');
    this.map.setLayoutProperty('buildings-3d', 'visibility', visible && on ? 'visible' : 'none');
    this.map.easeTo({ pitch: on ? 55 : 0, duration: 600 });
  }
}

/** A round half-width for a diverging scale (1, 2, 2.5, 5 × 10^n) at or above the largest |delta|. */
function niceDeltaMax(x) {
  if (!(x > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= x * (1 - 1e-9)) return f * p;
  return 10 * p;
}
