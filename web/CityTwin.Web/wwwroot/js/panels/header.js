// The top bar: city name, alarm chip, connection state, language and the overflow menu that holds
// the secondary controls on narrow screens. Everything here follows the store.
import { $ } from '../core/dom.js';
import { formatNumber } from '../core/format.js';
import { LANGUAGES, localName, onLanguageChange, setLanguage, t } from '../core/i18n.js';
import { store } from '../core/store.js';

/** Language picker: one option per catalogue, named in its own language. */
function setupLanguageSelect() {
  const select = $('[data-testid="lang-select"]', document);
  for (const l of LANGUAGES) {
    const o = document.createElement('option');
    o.value = l.code;
    o.textContent = l.label;
    o.lang = l.code;
    select.append(o);
  }
  select.addEventListener('change', () => setLanguage(/** @type {HTMLSelectElement} */ (select).value));
  onLanguageChange(code => { /** @type {HTMLSelectElement} */ (select).value = code; });
}

function setupConnection() {
  const box = $('[data-testid="connection-status"]');
  const text = $('#connection-text');
  const paint = () => {
    const state = store.get('connection');
    document.body.dataset.connection = state;
    box.dataset.state = state;
    text.dataset.i18n = `conn.${state}`;
    text.textContent = t(`conn.${state}`);
  };
  store.subscribe('connection', paint);
  paint();
}

function setupCityName() {
  const paint = () => {
    const city = store.get('city');
    if (!city) return;
    $('#city-name').textContent = localName(city);
    document.title = `${t('app.title')} · ${localName(city)}`;
  };
  store.subscribe('city', paint);
  onLanguageChange(paint);
}

/**
 * The "more" button: on narrow screens the secondary controls (weather, speed, pause, cluster
 * link, language) fold into a menu so that the header stays one short row above the map.
 */
function setupMenu() {
  const button = $('[data-testid="menu-button"]');
  const menu = $('#header-menu');
  const setOpen = (/** @type {boolean} */ open) => {
    menu.dataset.open = String(open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(menu.dataset.open !== 'true'));
  document.addEventListener('click', (e) => {
    if (menu.dataset.open === 'true' && e.target instanceof Node && !menu.contains(e.target) && !button.contains(e.target)) setOpen(false);
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && menu.dataset.open === 'true') { setOpen(false); button.focus(); } });
  setOpen(false);
}

/** Alarm chip and warning/offline counts of the whole city. */
export class CityKpis {
  constructor() {
    /** @type {Record<string, number>} */
    this.kpis = {};
    this.chip = $('#alarm-chip');
    this.text = $('#alarm-text');
    // The bare number, shown instead of the sentence where the header is narrow.
    this.short = $('#alarm-short');
    this.counts = $('#status-counts');
    onLanguageChange(() => this.render());
  }

  /** @param {Record<string, number>|undefined} kpis */
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
    this.short.textContent = Number.isFinite(alarms) ? formatNumber(n, 0) : '–';
    const parts = [];
    if (Number(this.kpis.assetsWarning) > 0) parts.push(t('alarms.warnings', { n: formatNumber(this.kpis.assetsWarning, 0) }));
    if (Number(this.kpis.assetsOffline) > 0) parts.push(t('alarms.offline', { n: formatNumber(this.kpis.assetsOffline, 0) }));
    this.counts.textContent = parts.join(' · ');
  }
}

/** Wires the header once; the city name appears when the store has the city. */
export function setupHeader() {
  setupLanguageSelect();
  setupConnection();
  setupCityName();
  setupMenu();
}
