// CityTwin page: loads the city into the store, then wires the map, the live feed and the panels.
// Panels talk to each other only through the store (js/core/store.js) and the callbacks given here.
import { AdminPanel } from './account/admin.js';
import { setupAlarms } from './alarms/setup.js';
import { setupAccount } from './account/account.js';
import { CitiesPanel } from './cities/cities.js';
import { CitiesControl } from './cities/cities-control.js';
import { setupDrills } from './drills/setup.js';
import { followCitySwitch } from './cities/switching.js';
import { api, retry } from './core/api.js';
import { $ } from './core/dom.js';
import { applyTo, detectLanguage, setLanguage, t } from './core/i18n.js';
import { LiveConnection } from './core/live.js';
import { store } from './core/store.js';
import { CHOROPLETH_KPIS } from './map/kpis.js';
import { ASSET_ZOOM, TwinMap, assetFeature } from './map/map.js';
import { SiteMarkers } from './map/sites.js';
import { normalizeStatus } from './map/status.js';
import { ClockView } from './panels/clock.js';
import { CityKpis, setupHeader } from './panels/header.js';
import { AreaHistory, Inspector } from './panels/inspector.js';
import { Legend } from './panels/legend.js';
import { Replay } from './panels/replay.js';
import { Planner } from './planner/planner.js';
import { setupTours } from './tours/tours.js';

const KPI_KEY = 'citytwin.kpi';
const EMPTY_LAYER = { type: 'FeatureCollection', features: [] };

/** Test and console hooks: counters and handles the browser tests read (window.cityTwin). */
const stats = { framesReceived: 0, assetUpdates: 0, districtUpdates: 0, clockUpdates: 0 };
/** @type {any} */
const cityTwin = { map: null, stats, ready: false, assetZoom: ASSET_ZOOM, store, admin: null };
Object.defineProperty(cityTwin, 'connectionState', { get: () => store.get('connection') });
/** @type {any} */ (window).cityTwin = cityTwin;

/** @param {string} key @param {string} [value] */
function remembered(key, value) {
  try {
    if (value === undefined) return localStorage.getItem(key);
    localStorage.setItem(key, value);
  } catch { /* storage may be disabled */ }
  return null;
}

async function main() {
  setupHeader();
  await setLanguage(detectLanguage(), { remember: false });

  // The session first: where the city requires sign-in, nothing else loads before it.
  /** @type {AdminPanel|null} */
  let admin = null;
  const account = setupAccount({
    openAdmin: () => {
      admin ??= new AdminPanel($('.stage'));
      cityTwin.admin = admin.hooks;
      admin.open();
    },
    closeAdmin: () => admin?.close(),
  });
  cityTwin.account = account;
  await account.start();
  // Signed out where reading needs an account: start over at the sign-in dialog.
  store.subscribe('me', (me) => { if (me?.requireSignIn && !me.signedIn) location.reload(); });

  const [city, kinds] = await retry(
    () => Promise.all([api.city(), api.kinds().catch(() => [])]),
    { onError: () => { $('#loading-text').textContent = t('app.loadFailed'); } });
  $('#loading-text').textContent = t('app.loading');
  store.set('city', city);
  store.set('clock', city.clock);
  const kindMap = new Map((kinds ?? []).map((/** @type {any} */ k) => [k.kind, k]));

  const cityKpis = new CityKpis();
  cityKpis.update(city.kpis);
  const clock = new ClockView(document.body);
  clock.update(city.clock);

  const twin = new TwinMap('map', city);
  cityTwin.map = twin.map;
  cityTwin.twin = twin;
  applyTo($('#map')); // labels of the map's own buttons
  const savedKpi = remembered(KPI_KEY);
  if (savedKpi && CHOROPLETH_KPIS.includes(savedKpi)) twin.kpi = savedKpi;

  // Area names for the inspector; the map draws the same collections.
  /** @type {{gu: Map<string, any>, dong: Map<string, any>}} */
  const names = { gu: new Map(), dong: new Map() };
  const [districtLayer, dongLayer, sites] = await Promise.all([
    retry(() => api.layer('districts', city.id)),
    retry(() => api.layer('dongs', city.id)),
    api.layer('sites', city.id).catch(() => EMPTY_LAYER),
  ]);
  for (const f of districtLayer.features ?? []) names.gu.set(String(f.properties.code), f.properties);
  for (const f of dongLayer.features ?? []) names.dong.set(String(f.properties.code), f.properties);

  await twin.loaded();
  twin.addLayers({ districts: districtLayer, dongs: dongLayer });

  const simNow = () => { const n = clock.now(); return Number.isFinite(n) ? n : Date.now(); };
  const areaHistory = new AreaHistory();
  const inspector = new Inspector($('[data-testid="inspector"]'), {
    kinds: kindMap,
    kpi: () => twin.kpi,
    simNow,
    areaHistory,
    areaName: (/** @type {'gu'|'dong'} */ level, /** @type {string} */ code) => (code == null ? null : names[level]?.get(String(code)) ?? null),
    onClose: () => store.set('selection', null),
    onZoomTo: (/** @type {{lon: number, lat: number}} */ target) => twin.map.flyTo({ center: [target.lon, target.lat], zoom: 15.5, duration: 1500 }),
  });
  cityTwin.inspector = inspector;

  /** @param {string} key */
  const setKpi = (key) => {
    twin.setKpi(key);
    remembered(KPI_KEY, key);
    legend.kpiSelect.value = key;
    legend.renderScale();
    inspector.onKpiChange();
  };
  const siteMarkers = new SiteMarkers(twin.map, sites, (/** @type {any} */ site) => select({ type: 'site', site }));
  const legend = new Legend($('[data-testid="legend"]'), twin, {
    assetCounts: city.assetCounts,
    onKpiChange: setKpi,
    onSitesVisible: (/** @type {boolean} */ v) => siteMarkers.setVisible(v),
  });
  legend.render();
  legend.kpiSelect.value = twin.kpi;

  // Selection: the map outlines it and the inspector shows it; both follow the store.
  /** @param {any} target */
  function select(target) {
    if (target.type === 'asset') {
      const state = twin.map.getFeatureState(assetFeature(target.id));
      if (state?.status) target.liveStatus = state.status;
    }
    if (target.type === 'gu' || target.type === 'dong') {
      const v = twin.areaValues[target.type].get(target.code);
      if (v) target.liveKpis = v;
    }
    store.set('selection', target);
  }
  store.subscribe('selection', (target) => {
    twin.select(target?.type === 'site' ? null : target);
    if (target) inspector.open(target);
    else inspector.close();
  });
  cityTwin.select = select;
  /** @type {Planner|null} */
  let planner = null;
  twin.map.on('click', e => {
    if (planner?.capturesMapClicks) return; // corners of an area being drawn
    if (cityTwin.tours?.capturesMapClicks) return; // the presenter pointing for the followers
    // A click on an alarm marker opens the alarm (markers.js), not the area beneath it.
    const alarmLayers = ['alarm-points', 'alarm-clusters'].filter(l => twin.map.getLayer(l));
    if (alarmLayers.length > 0 && twin.map.queryRenderedFeatures(e.point, { layers: alarmLayers }).length > 0) return;
    const hit = twin.pick(e.point);
    if (hit) select(hit);
    else store.set('selection', null);
  });

  // Area KPIs: gu from the list, dongs from each district's detail (the live feed only sends changes).
  /** @param {'gu'|'dong'} level @param {string} code @param {Record<string, number>} kpis @param {number} time */
  const applyArea = (level, code, kpis, time) => {
    if (!kpis) return;
    twin.setAreaKpis(level, String(code), kpis);
    areaHistory.record(String(code), time, kpis);
  };
  const loadAreas = () => api.districts().then(list => {
    const now = clock.now();
    for (const d of list ?? []) {
      applyArea('gu', d.code, d.kpis, now);
      api.district(d.code).then(detail => {
        for (const dong of detail.dongs ?? []) applyArea('dong', dong.code, dong.kpis, clock.now());
      }).catch(e => console.warn(e));
    }
  }).catch(e => console.warn('District KPIs unavailable', e));
  loadAreas();

  // Replay of the last 24 h: while it runs, live area and asset frames leave the map alone.
  const replay = new Replay($('.stage'), {
    now: () => clock.now(),
    bbox: () => (twin.map.getZoom() >= ASSET_ZOOM ? viewport().bbox.join(',') : null),
    apply: (frame) => {
      for (const it of frame.areas ?? []) {
        if (it.level === 'city') cityKpis.update(it.kpis);
        else twin.setAreaKpis(it.level, String(it.code), it.kpis);
      }
      for (const a of frame.assets ?? []) twin.queueAssetStatus(a.id, normalizeStatus(a.status));
    },
    // Back to live: the server answers a subscription with the live assets in view; areas and the
    // city's counts are read again (frames only carry what changes).
    onLive: () => {
      live.subscribe(viewport());
      loadAreas();
      api.city().then(c => cityKpis.update(c.kpis)).catch(e => console.warn(e));
    },
  });
  cityTwin.replay = replay;
  /** @type {number|undefined} */
  let timeline;

  // Live feed. Area items carry their level ("city" | "gu" | "dong").
  const live = new LiveConnection('/hubs/twin', {
    onClock: (c) => {
      stats.framesReceived++;
      stats.clockUpdates++;
      store.set('clock', c);
      // A jump of the clock starts a new timeline: charts of the old one are redrawn.
      if (timeline !== undefined && c?.timeline !== timeline) inspector.onTimeline();
      timeline = c?.timeline;
    },
    onAreas: (items) => {
      stats.framesReceived++;
      stats.districtUpdates += items.length;
      if (replay.active) return;
      const now = clock.now();
      for (const it of items) {
        if (it.level === 'city') { cityKpis.update(it.kpis); continue; }
        const code = String(it.code);
        applyArea(it.level, code, it.kpis, now);
        inspector.onArea(it.level, code, it.kpis);
      }
    },
    onAssets: (items) => {
      stats.framesReceived++;
      stats.assetUpdates += items.length;
      if (replay.active) return;
      const sel = store.get('selection');
      const selectedAsset = sel?.type === 'asset' ? sel.id : null;
      for (const a of items) {
        twin.queueAssetStatus(a.id, normalizeStatus(a.status));
        if (a.id === selectedAsset) inspector.onAsset(a);
      }
    },
  });
  cityTwin.live = live;
  cityTwin.alarms = setupAlarms({ stage: $('.stage'), chip: $('#alarm-chip'), live, twin, select, names }).hooks;
  const drills = setupDrills({ stage: $('.stage'), twin });
  cityTwin.drills = drills.panel.hooks;
  cityTwin.tours = setupTours({
    stage: $('.stage'), twin, live, sites, setKpi,
    setSitesVisible: (/** @type {boolean} */ v) => siteMarkers.setVisible(v),
    collapseLegend: () => legend.setCollapsed(true),
    replay,
    openScenario: (/** @type {string} */ id) => { planner?.open('results'); planner?.openResults([id]); },
    startDrill: (/** @type {string} */ id) => drills.panel.start(id),
  });

  planner = new Planner({
    button: $('[data-testid="planner-button"]'),
    stage: $('.stage'),
    twin,
    live,
    selectedAsset: () => { const sel = store.get('selection'); return sel?.type === 'asset' ? sel.id : null; },
    dongs: () => [...names.dong.values()],
    simNow: () => clock.now(),
  });
  cityTwin.planner = planner.hooks;

  /** @type {CitiesPanel|null} */
  let cities = null;
  // A map button under the tours button: the header has no room left in the longer languages.
  twin.map.addControl(new CitiesControl(() => {
    cities ??= new CitiesPanel($('.stage'), twin.map);
    cityTwin.cities = cities.hooks;
    cities.open();
  }), 'top-left');
  drills.addControl();

  const viewport = () => {
    const b = twin.map.getBounds();
    const r = (/** @type {number} */ x) => Math.round(x * 1e5) / 1e5;
    return { bbox: [r(b.getWest()), r(b.getSouth()), r(b.getEast()), r(b.getNorth())], zoom: Math.round(twin.map.getZoom() * 100) / 100 };
  };
  /** @type {ReturnType<typeof setTimeout>|undefined} */
  let moveTimer;
  twin.map.on('moveend', () => {
    clearTimeout(moveTimer);
    moveTimer = setTimeout(() => { live.subscribe(viewport()); replay.refresh(); }, 150);
  });
  live.viewport = viewport();
  followCitySwitch(live, city.id);
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
}

main().catch(e => {
  console.error(e);
  const text = document.querySelector('#loading-text');
  if (text) text.textContent = `${t('app.loadFailed')} (${e.message})`;
});
