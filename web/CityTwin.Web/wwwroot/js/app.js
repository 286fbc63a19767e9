// CityTwin page: wires the map, the live connection and the panels together.
import { getJson, retry } from './api.js';
import { ClockView } from './clock.js';
import { formatNumber } from './format.js';
import { LANGUAGES, applyTo, detectLanguage, localName, onLanguageChange, setLanguage, t } from './i18n.js';
import { AreaHistory, Inspector } from './inspector.js';
import { CHOROPLETH_KPIS } from './kpis.js';
import { Legend } from './legend.js';
import { LiveConnection } from './live.js';
import { ASSET_ZOOM, TwinMap, assetFeature } from './map.js';
import { Planner } from './planner.js';
import { SiteMarkers } from './sites.js';
import { normalizeStatus } from './status.js';

const KPI_KEY = 'citytwin.kpi';
const stats = { framesReceived: 0, assetUpdates: 0, districtUpdates: 0, clockUpdates: 0 };
const cityTwin = { map: null, stats, ready: false, connectionState: 'connecting' };
window.cityTwin = cityTwin;

const $ = (sel) => document.querySelector(sel);

/** 'city' | 'gu' | 'dong' from whatever the wire used (contract strings, enum names or numbers). */
function areaLevel(level, code) {
  const l = typeof level === 'string' ? level.toLowerCase() : level;
  if (l === 'city' || l === 0) return 'city';
  if (l === 'gu' || l === 'district' || l === 1) return 'gu';
  if (l === 'dong' || l === 'neighbourhood' || l === 'neighborhood' || l === 2) return 'dong';
  const c = String(code ?? '');
  return c.length === 5 ? 'gu' : c.length === 10 ? 'dong' : 'city';
}

function setupLanguageSelect() {
  const select = $('[data-testid="lang-select"]');
  for (const l of LANGUAGES) {
    const o = document.createElement('option');
    o.value = l.code;
    o.textContent = l.label;
    o.lang = l.code;
    select.append(o);
  }
  select.addEventListener('change', () => setLanguage(select.value));
  onLanguageChange(code => { select.value = code; });
}

function setConnectionState(state) {
  cityTwin.connectionState = state;
  document.body.dataset.connection = state;
  const box = $('[data-testid="connection-status"]');
  box.dataset.state = state;
  const text = $('#connection-text');
  text.dataset.i18n = `conn.${state}`;
  text.textContent = t(`conn.${state}`);
}

class CityKpis {
  constructor() {
    this.kpis = {};
    this.chip = $('#alarm-chip');
    this.text = $('#alarm-text');
    this.counts = $('#status-counts');
    onLanguageChange(() => this.render());
  }
  update(kpis) {
    if (!kpis) return;
    this.kpis = { ...this.kpis, ...kpis };
    this.render();
  }
  render() {
    const alarms = Number(this.kpis.assetsInAlarm);
    const n = Number.isFinite(alarms) ? alarms : 0;
    this.chip.dataset.count = String(n);
    this.text.textContent = Number.isFinite(alarms) ? t('alarms.count', { n: formatNumber(n, 0) }) : '–';
    const parts = [];
    if (Number(this.kpis.assetsWarning) > 0) parts.push(t('alarms.warnings', { n: formatNumber(this.kpis.assetsWarning, 0) }));
    if (Number(this.kpis.assetsOffline) > 0) parts.push(t('alarms.offline', { n: formatNumber(this.kpis.assetsOffline, 0) }));
    this.counts.textContent = parts.join(' · ');
  }
}

async function main() {
  setupLanguageSelect();
  await setLanguage(detectLanguage(), { remember: false });

  const [city, kinds] = await retry(
    () => Promise.all([getJson('/api/city'), getJson('/api/kinds').catch(() => [])]),
    { onError: () => { $('#loading-text').textContent = t('app.loadFailed'); } });
  $('#loading-text').textContent = t('app.loading');
  const kindMap = new Map((kinds ?? []).map(k => [k.kind, k]));

  const renderCityName = () => {
    $('#city-name').textContent = localName(city);
    document.title = `${t('app.title')} · ${localName(city)}`;
  };
  renderCityName();
  onLanguageChange(renderCityName);

  const cityKpis = new CityKpis();
  cityKpis.update(city.kpis);
  const clock = new ClockView(document.body);
  clock.update(city.clock);

  const twin = new TwinMap('map', city);
  cityTwin.map = twin.map;
  cityTwin.twin = twin;
  applyTo(document.getElementById('map')); // labels of the map's own buttons
  const savedKpi = (() => { try { return localStorage.getItem(KPI_KEY); } catch { return null; } })();
  if (CHOROPLETH_KPIS.includes(savedKpi)) twin.kpi = savedKpi;

  // Area names for the inspector; the map draws the same collections.
  const names = { gu: new Map(), dong: new Map() };
  const [districtLayer, dongLayer, sites] = await Promise.all([
    retry(() => getJson('/api/layers/districts')),
    retry(() => getJson('/api/layers/dongs')),
    getJson('/api/layers/sites').catch(() => ({ type: 'FeatureCollection', features: [] })),
  ]);
  for (const f of districtLayer.features ?? []) names.gu.set(String(f.properties.code), f.properties);
  for (const f of dongLayer.features ?? []) names.dong.set(String(f.properties.code), f.properties);

  await twin.loaded();
  twin.addLayers({ districts: districtLayer, dongs: dongLayer });

  const areaHistory = new AreaHistory();
  const inspector = new Inspector($('[data-testid="inspector"]'), {
    kinds: kindMap,
    kpi: () => twin.kpi,
    simNow: () => { const n = clock.now(); return Number.isFinite(n) ? n : Date.now(); },
    areaHistory,
    areaName: (level, code) => (code == null ? null : names[level]?.get(String(code)) ?? null),
    onClose: () => twin.select(null),
    onZoomTo: (target) => twin.map.flyTo({ center: [target.lon, target.lat], zoom: 15.5, duration: 1500 }),
  });
  cityTwin.inspector = inspector;

  const setKpi = (key) => {
    twin.setKpi(key);
    try { localStorage.setItem(KPI_KEY, key); } catch { /* ignore */ }
    legend.kpiSelect.value = key;
    legend.renderScale();
    inspector.onKpiChange();
  };
  const siteMarkers = new SiteMarkers(twin.map, sites, site => select({ type: 'site', site }));
  const legend = new Legend($('[data-testid="legend"]'), twin, {
    assetCounts: city.assetCounts,
    onKpiChange: setKpi,
    onSitesVisible: v => siteMarkers.setVisible(v),
  });
  legend.render();
  legend.kpiSelect.value = twin.kpi;
  $('#alarm-chip').addEventListener('click', () => setKpi('assetsInAlarm'));

  function select(target) {
    if (target.type === 'asset') {
      const state = twin.map.getFeatureState(assetFeature(target.id));
      if (state?.status) target.liveStatus = state.status;
    }
    if (target.type === 'gu' || target.type === 'dong') {
      const v = twin.areaValues[target.type].get(target.code);
      if (v) target.liveKpis = v;
    }
    twin.select(target.type === 'site' ? null : target);
    inspector.open(target);
  }
  cityTwin.select = select;
  let planner = null;
  twin.map.on('click', e => {
    if (planner?.capturesMapClicks) return; // corners of an area being drawn
    const hit = twin.pick(e.point);
    if (hit) select(hit);
    else inspector.close();
  });

  // Area KPIs: gu from the list, dongs from each district's detail (the live feed only sends changes).
  const applyArea = (level, code, kpis, time) => {
    if (!kpis) return;
    twin.setAreaKpis(level, String(code), kpis);
    areaHistory.record(String(code), time, kpis);
  };
  getJson('/api/districts').then(list => {
    const now = clock.now();
    for (const d of list ?? []) {
      applyArea('gu', d.code, d.kpis, now);
      getJson(`/api/districts/${encodeURIComponent(d.code)}`).then(detail => {
        for (const dong of detail.dongs ?? []) applyArea('dong', dong.code, dong.kpis, clock.now());
      }).catch(e => console.warn(e));
    }
  }).catch(e => console.warn('District KPIs unavailable', e));

  // Live feed.
  const live = new LiveConnection('/hubs/twin', {
    onState: (state) => {
      setConnectionState(state);
      clock.setStale(state !== 'connected');
    },
    onClock: (c) => {
      stats.framesReceived++;
      stats.clockUpdates++;
      clock.update(c);
    },
    onDistricts: (items) => {
      stats.framesReceived++;
      stats.districtUpdates += items.length;
      const now = clock.now();
      for (const it of items) {
        const level = areaLevel(it.level, it.code);
        if (level === 'city') { cityKpis.update(it.kpis); continue; }
        const code = String(it.code);
        applyArea(level, code, it.kpis, now);
        inspector.onArea(level, code, it.kpis);
      }
    },
    onAssets: (items) => {
      stats.framesReceived++;
      stats.assetUpdates += items.length;
      const sel = inspector.selected;
      const selectedAsset = sel?.type === 'asset' ? sel.id : null;
      for (const a of items) {
        if (a?.id == null) continue;
        const id = String(a.id);
        twin.queueAssetStatus(id, normalizeStatus(a.status));
        if (id === selectedAsset) inspector.onAsset({ ...a, id });
      }
    },
  });
  cityTwin.live = live;

  planner = new Planner({
    button: $('[data-testid="planner-button"]'),
    stage: $('.stage'),
    twin,
    live,
    selectedAsset: () => (inspector.selected?.type === 'asset' ? inspector.selected.id : null),
    dongs: () => [...names.dong.values()],
    simNow: () => clock.now(),
  });
  cityTwin.planner = planner.hooks;

  const viewport = () => {
    const b = twin.map.getBounds();
    const r = (x) => Math.round(x * 1e5) / 1e5;
    return { bbox: [r(b.getWest()), r(b.getSouth()), r(b.getEast()), r(b.getNorth())], zoom: Math.round(twin.map.getZoom() * 100) / 100 };
  };
  let moveTimer = 0;
  twin.map.on('moveend', () => {
    clearTimeout(moveTimer);
    moveTimer = setTimeout(() => live.subscribe(viewport()), 150);
  });
  live.viewport = viewport();
  live.start();

  // Ready = the style is drawn and every source has parsed its data (the large ones load in a worker).
  const markReady = () => {
    if (cityTwin.ready) return;
    cityTwin.ready = true;
    document.body.dataset.ready = 'true';
    $('#loading').hidden = true;
  };
  const checkReady = () => {
    const m = twin.map;
    if (m.loaded() && Object.keys(m.getStyle().sources).every(id => m.isSourceLoaded(id))) {
      markReady();
      m.off('idle', checkReady);
      m.off('sourcedata', checkReady);
    }
  };
  twin.map.on('idle', checkReady);
  twin.map.on('sourcedata', checkReady);
  setTimeout(markReady, 30000); // never leave the spinner up if a source is slow
  cityTwin.assetZoom = ASSET_ZOOM;
}

main().catch(e => {
  console.error(e);
  const text = document.querySelector('#loading-text');
  if (text) text.textContent = `${t('app.loadFailed')} (${e.message})`;
});
