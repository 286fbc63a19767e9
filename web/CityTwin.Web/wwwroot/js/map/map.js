// The MapLibre map: offline base style, area choropleths, live assets coloured by feature-state.
import * as maplibregl from 'maplibre-gl';
import { DistrictDelta } from './delta.js';
import { fillColorExpression, kpiStops } from './kpis.js';
import { ASSET_ZOOM, DONG_ZOOM, NONE, addTwinLayers, assetFeature, baseStyle, selectFilter, sourceOfAsset } from './layers.js';

export { ASSET_ZOOM, DONG_ZOOM, assetFeature, maplibregl };

/** A map button that brings back the whole city (trainers use it between stops). */
class HomeControl {
  /** @param {() => void} onClick */
  constructor(onClick) {
    this.onClick = onClick;
    this.container = document.createElement('div');
  }
  onAdd() {
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
    /** @type {[[number, number], [number, number]]} */
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
    this.delta = new DistrictDelta(this.map);
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
    return new Promise(/** @param {(value?: void) => void} resolve */ resolve => {
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
    addTwinLayers(m, this.kpi, data);

    this.wireHover('gu-fill', 'districts', 'gu');
    this.wireHover('dong-fill', 'dongs', 'dong');
    for (const id of ['assets-circle', 'roads-line', 'buildings-fill', 'buildings-3d']) {
      m.on('mouseenter', id, () => { m.getCanvas().style.cursor = 'pointer'; });
      m.on('mouseleave', id, () => { m.getCanvas().style.cursor = ''; });
    }
    this.applyScale(true);
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
      /** @type {[[number, number], [number, number]]} */
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
    const byId = (id) => selectFilter('id', id ?? NONE);
    const byCode = (code) => selectFilter('code', code ?? NONE);
    const assetSource = target?.type === 'asset' ? sourceOfAsset(target.id) : null;
    m.setFilter('assets-selected', byId(assetSource === 'assets' ? target.id : null));
    m.setFilter('roads-selected', byId(assetSource === 'roads' ? target.id : null));
    m.setFilter('buildings-selected', byId(assetSource === 'buildings' ? target.id : null));
    m.setFilter('gu-selected', byCode(target?.type === 'gu' ? target.code : null));
    m.setFilter('dong-selected', byCode(target?.type === 'dong' ? target.code : null));
  }

  /** Draws a scenario's delta per gu over the districts (see DistrictDelta.show). @param {Map<string, number>|Record<string, number>} values @param {{better?: 'lower'|'higher', max?: number}} [options] */
  showDistrictDelta(values, options) { return this.delta.show(values, options); }

  /** Back to the live choropleth. */
  clearDistrictDelta() { this.delta.clear(); }

  /** True while a scenario delta colours the districts. */
  get deltaShown() { return this.delta.shown; }


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
    /** @type {any} */
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
