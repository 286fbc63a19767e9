// The public transparency view (public.html): no sign-in, no live feed, nothing operational.
// It reads GET /api/public/indicators every half minute and shows the city's performance index,
// each district's, the indicators with their trends and targets, the area's real profile and the
// published scenarios. A signed-in planner or admin also gets a form per indicator to set its target.
import { getJson, putJson } from '../core/api.js';
import { $, h } from '../core/dom.js';
import { formatDate, formatNumber, formatTime, toMillis } from '../core/format.js';
import { detectLanguage, LANGUAGES, localName, onLanguageChange, setLanguage, t } from '../core/i18n.js';
import { may, refreshSession } from '../core/session.js';
import { store } from '../core/store.js';
import { renderCards } from './cards.js';
import { renderDistricts } from './districts.js';
import { renderScenarios } from './scenarios.js';
import { appendComments } from './comments.js';
import { scoreBand, scoreText } from './score.js';

const REFRESH_MS = 30_000;
const enc = encodeURIComponent;

/** Every request of this page, by name (through the one API client). */
const publicApi = {
  /** @returns {Promise<import('./model.js').PublicIndicators>} */
  indicators: () => getJson('/api/public/indicators'),
  /** @param {string} id @param {number} value */
  setTarget: (id, value) => putJson(`/api/indicators/${enc(id)}/target`, { value }),
};

/** @type {import('./model.js').PublicIndicators|null} */
let data = null;
/** The area whose indicators are shown: the city's id or a gu code. */
let areaCode = '';

async function start() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  await setLanguage(fromUrl && LANGUAGES.some(l => l.code === fromUrl) ? fromUrl : detectLanguage(), { remember: Boolean(fromUrl) });
  fillLanguagePicker();
  onLanguageChange(() => render());
  $('#pv-area').addEventListener('change', (e) => { areaCode = /** @type {HTMLSelectElement} */ (e.target).value; renderArea(); });
  // The session only decides whether the target forms show; the page works without it.
  refreshSession().then(() => renderArea()).catch(() => {});
  await load();
  setInterval(() => { load().catch(() => {}); }, REFRESH_MS);
}

function fillLanguagePicker() {
  const select = /** @type {HTMLSelectElement} */ ($('#pv-lang'));
  select.replaceChildren(...LANGUAGES.map(l => h('option', { value: l.code, selected: l.code === store.get('language') }, l.label)));
  select.addEventListener('change', () => { setLanguage(select.value).catch(() => {}); });
}

async function load() {
  try {
    data = await publicApi.indicators();
    // The shared formatters show times in the city's zone, which they read from the store.
    store.set('city', /** @type {any} */ ({ id: data.cityId, names: data.cityNames, timeZone: data.timeZone }));
    if (!areaCode) areaCode = data.city.code;
    $('#pv-main').setAttribute('aria-busy', 'false');
    render();
  } catch (e) {
    $('#pv-loading').textContent = t('public.loadFailed');
    throw e;
  }
}

function render() {
  if (!data) return;
  $('#pv-loading').hidden = true;
  const cityName = localName({ names: data.cityNames });
  $('#pv-city').textContent = cityName;
  document.title = `${t('public.title')} · ${cityName}`;
  for (const id of ['#pv-summary', '#pv-districts-section', '#pv-indicators-section', '#pv-profile-section', '#pv-scenarios-section']) $(id).hidden = false;

  const index = $('#pv-city-index');
  index.textContent = scoreText(data.city.performanceIndex);
  index.className = `pv-index-value pv-${scoreBand(data.city.performanceIndex)}`;
  const asOf = toMillis(data.asOf);
  $('#pv-asof').textContent = t('public.asOf', { time: `${formatDate(asOf)} ${formatTime(asOf, { seconds: false })}` });

  renderDistricts($('#pv-districts'), data.districts, data.scoreCap, (code) => {
    areaCode = code;
    renderArea();
    $('#pv-indicators-section').scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
  renderScenarios($('#pv-scenarios'), data.scenarios);
  appendComments($('#pv-scenarios'));
  renderArea();
}

/** The area picker, the indicator cards and the profile of the chosen area. */
function renderArea() {
  if (!data) return;
  const areas = [data.city, ...data.districts];
  const area = areas.find(a => a.code === areaCode) ?? data.city;
  const picker = /** @type {HTMLSelectElement} */ ($('#pv-area'));
  picker.replaceChildren(...areas.map(a => h('option', { value: a.code, selected: a.code === area.code },
    a.level === 'city' ? `${localName({ names: data?.cityNames })} (${t('public.wholeCity')})` : localName(a))));
  renderCards($('#pv-cards'), data, area, { canSetTargets: may('plan'), setTarget });
  $('#pv-profile').replaceChildren(
    h('dt', { i18n: 'public.population' }), h('dd', { testid: 'profile-population' }, formatNumber(area.population, 0)),
    h('dt', { i18n: 'public.areaKm2' }), h('dd', {}, `${formatNumber(area.areaKm2)} km²`),
    h('dt', { i18n: 'public.density' }), h('dd', {}, `${formatNumber(area.densityPerKm2, 0)} / km²`));
  $('#pv-profile-source').textContent = data.profileSource ?? '';
}

/** @param {string} id @param {number} value */
async function setTarget(id, value) {
  await publicApi.setTarget(id, value);
  await load();
}

start().catch((e) => console.error(e));
