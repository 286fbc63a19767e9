// The trainer's screen while presenting: the stop's title and narrative in large type, previous and
// next (buttons and the arrow keys), the join code with its QR code for the participants' phones,
// and "Point": the next click on the map pulses on every follower's map. Moving on sets the city
// clock when the stop names a simulated time.
import { api } from '../core/api.js';
import { h, dynamic } from '../core/dom.js';
import { t, onLanguageChange } from '../core/i18n.js';
import { showPing } from './ping.js';
import { StopMoment } from './stop-moment.js';
import { applyStop } from './stop-view.js';
import { pick } from './text.js';

export class Presenter {
  /**
   * @param {HTMLElement} stage
   * @param {{view: import('./stop-view.js').MapView, moment: import('./stop-moment.js').MomentContext, onEnd: () => void}} ctx
   */
  constructor(stage, ctx) {
    this.ctx = ctx;
    /** @type {any} the session as the API answers it */
    this.session = null;
    this.pointing = false;
    this.busy = false;

    this.title = h('h2', { class: 'tour-title', testid: 'presenter-title' });
    this.narrative = h('p', { class: 'tour-narrative', testid: 'presenter-narrative' });
    this.position = dynamic(h('span', { class: 'tour-position', testid: 'presenter-position' }), el => {
      el.textContent = this.session ? t('tour.stopOf', { n: this.session.stopIndex + 1, count: this.session.tour.stops.length }) : '';
    });
    this.code = h('strong', { class: 'join-code', testid: 'presenter-code' });
    this.qr = h('img', { class: 'join-qr', testid: 'presenter-qr', alt: '', width: 112, height: 112 });
    this.link = h('span', { class: 'join-link', testid: 'presenter-link' });
    this.moment = new StopMoment(ctx.moment, 'presenter');
    this.error = h('p', { class: 'tour-error', role: 'alert', hidden: true });
    this.prev = h('button', { type: 'button', class: 'btn tour-nav', testid: 'presenter-prev', i18n: 'tour.previous', on: { click: () => this.step(-1) } });
    this.next = h('button', { type: 'button', class: 'btn primary tour-nav', testid: 'presenter-next', i18n: 'tour.next', on: { click: () => this.step(1) } });
    this.point = h('button', { type: 'button', class: 'btn', testid: 'presenter-point', i18n: 'tour.point', i18nTitle: 'tour.pointTitle', 'aria-pressed': 'false',
      on: { click: () => this.setPointing(!this.pointing) } });
    this.end = h('button', { type: 'button', class: 'btn danger', testid: 'presenter-end', i18n: 'tour.end', on: { click: () => this.stop() } });
    this.card = h('section', { class: 'panel tour-card presenter', testid: 'presenter', hidden: true },
      h('div', { class: 'tour-card-head' },
        h('div', { class: 'tour-card-meta' }, this.position),
        h('div', { class: 'join' }, this.qr, h('div', {}, h('span', { class: 'join-label', i18n: 'tour.joinWith' }), this.code, this.link))),
      this.title, this.narrative, this.moment.el, this.error,
      h('div', { class: 'tour-actions' }, this.prev, this.next, this.point, this.end));
    stage.append(this.card);

    this.onKey = (/** @type {KeyboardEvent} */ e) => {
      if (!this.session || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') { e.preventDefault(); this.step(1); }
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') { e.preventDefault(); this.step(-1); }
    };
    document.addEventListener('keydown', this.onKey);
    ctx.view.twin.map.on('click', (/** @type {any} */ e) => {
      if (!this.pointing || !this.session) return;
      this.setPointing(false);
      const { lng, lat } = e.lngLat;
      showPing(ctx.view.twin.map, lng, lat);
      api.tours.ping(this.session.code, lng, lat).catch(err => this.fail(err));
    });
    onLanguageChange(() => this.render());
  }

  /** Starts presenting a tour (a new session) or takes up a running one. @param {any} session */
  show(session) {
    this.session = session;
    this.card.hidden = false;
    document.body.dataset.tour = 'presenting';
    this.code.textContent = session.code;
    this.link.textContent = session.joinUrl;
    this.qr.src = session.qrUrl;
    this.qr.alt = t('tour.qrAlt', { code: session.code });
    this.arrive();
  }

  /** @param {number} delta */
  async step(delta) {
    if (!this.session || this.busy) return;
    const index = this.session.stopIndex + delta;
    if (index < 0 || index >= this.session.tour.stops.length) return;
    this.busy = true;
    try {
      this.session = await api.tours.goTo(this.session.code, index);
      this.error.hidden = true;
      this.arrive();
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  /** Shows the current stop here, and sets the city clock when the stop asks for a time. */
  arrive() {
    const stop = this.session.tour.stops[this.session.stopIndex];
    this.render();
    applyStop(this.ctx.view, stop);
    this.moment.arrive(stop);
    if (stop.simTime) api.setClock({ simTime: stop.simTime }).catch(e => this.fail(e));
  }

  /** @param {boolean} on */
  setPointing(on) {
    this.pointing = on;
    this.point.setAttribute('aria-pressed', String(on));
    this.ctx.view.twin.map.getCanvas().style.cursor = on ? 'crosshair' : '';
  }

  async stop() {
    if (this.session) await api.tours.end(this.session.code).catch(e => console.warn(e));
    this.session = null;
    this.moment.leave();
    this.setPointing(false);
    this.card.hidden = true;
    delete document.body.dataset.tour;
    this.ctx.onEnd();
  }

  /** @param {any} e */
  fail(e) {
    this.error.textContent = e?.detail || e?.message || String(e);
    this.error.hidden = false;
  }

  render() {
    if (!this.session) return;
    const stop = this.session.tour.stops[this.session.stopIndex];
    this.title.textContent = pick(stop.title);
    this.narrative.textContent = pick(stop.narrative);
    /** @type {any} */ (this.position)._render?.(this.position);
    this.prev.disabled = this.session.stopIndex === 0;
    this.next.disabled = this.session.stopIndex >= this.session.tour.stops.length - 1;
  }

  get hooks() {
    return { code: this.session?.code ?? null, stopIndex: this.session?.stopIndex ?? null, pointing: this.pointing, ...this.moment.hooks };
  }
}
