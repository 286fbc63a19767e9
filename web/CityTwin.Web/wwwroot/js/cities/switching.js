// Following a city switch. Before the server stops the twin to restart it on another city, it
// sends `citySwitching` to every map; the page then shows what is happening (stopping the old
// city, starting the new one, loading its map) and reloads once the new city answers, so its
// boundaries, camera, layers and clock zone all come from the new pack. A page that missed the
// message (it was offline) reloads when it reconnects to a twin running another city.
import { api } from '../core/api.js';
import { h } from '../core/dom.js';
import { localName, t } from '../core/i18n.js';

const POLL_MS = 1000;
const STEPS = ['stopping', 'starting', 'loading'];

/**
 * @param {import('../core/live.js').LiveConnection} live
 * @param {string} cityId the city this page loaded
 */
export function followCitySwitch(live, cityId) {
  let firstConnect = true;
  live.on('citySwitching', (/** @type {any} */ frame) => { if (frame?.id && frame.id !== cityId) showSwitching(frame, cityId); });
  live.onConnected(() => {
    if (firstConnect) { firstConnect = false; return; }
    api.city().then((/** @type {any} */ city) => { if (city?.id && city.id !== cityId) location.reload(); }, () => {});
  });
}

/** @type {HTMLElement|null} */
let shown = null;

/**
 * Shows the switching screen and waits for the new city to answer.
 * @param {{id: string, names?: Record<string, string>, from?: string, dongs?: number, assets?: number}} frame
 * @param {string} fromId
 */
function showSwitching(frame, fromId) {
  if (shown) return;
  const name = localName(frame) || frame.id;
  const step = h('p', { class: 'muted', testid: 'city-switching-step', role: 'status', 'aria-live': 'polite' });
  const bar = h('progress', { max: String(STEPS.length), value: '0', testid: 'city-switching-progress' });
  shown = h('div', { class: 'city-switching', testid: 'city-switching', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'city-switching-title' },
    h('div', { class: 'city-switching-card' },
      h('h2', { id: 'city-switching-title', text: t('cities.switching.title', { name }) }),
      h('p', { class: 'muted small', text: t('cities.switching.size', { dongs: frame.dongs ?? 0, assets: frame.assets ?? 0 }) }),
      bar, step));
  document.body.append(shown);

  /** @param {number} i */
  const setStep = (i) => {
    bar.value = i + 1;
    step.textContent = t(`cities.switching.${STEPS[i]}`, { name });
    if (shown) shown.dataset.step = STEPS[i];
  };
  setStep(0);
  const poll = async () => {
    try {
      const city = await api.city();
      if (city?.id === frame.id) {
        setStep(2);
        location.reload();
        return;
      }
      if (city?.id !== fromId) setStep(1);
    } catch {
      // The old twin has stopped and the new one is not listening yet.
      setStep(1);
    }
    setTimeout(poll, POLL_MS);
  };
  setTimeout(poll, POLL_MS);
}
