// A participant's phone (or laptop) following a presentation: joins the session by its code over
// the live connection, lands on the current stop, and flies along with every stop the presenter
// shows. Panning the map detaches it (the card offers "Follow again"); pings pulse on the map.
import { h, dynamic } from '../core/dom.js';
import { t, onLanguageChange } from '../core/i18n.js';
import { showPing } from './ping.js';
import { StopMoment } from './stop-moment.js';
import { applyStop } from './stop-view.js';
import { pick } from './text.js';

export class Follower {
  /**
   * @param {HTMLElement} stage where the card goes
   * @param {{view: import('./stop-view.js').MapView, moment: import('./stop-moment.js').MomentContext, live: any, onLeave: () => void}} ctx
   */
  constructor(stage, ctx) {
    this.ctx = ctx;
    /** @type {string|null} */
    this.code = null;
    /** @type {any} the current stop frame */
    this.frame = null;
    this.detached = false;
    this.ended = false;
    this.pings = 0;
    this.moves = 0;

    this.title = h('h2', { class: 'tour-title', testid: 'follower-title' });
    this.narrative = h('p', { class: 'tour-narrative', testid: 'follower-narrative' });
    this.position = dynamic(h('span', { class: 'tour-position', testid: 'follower-position' }), el => {
      el.textContent = this.frame ? t('tour.stopOf', { n: this.frame.stopIndex + 1, count: this.frame.stopCount }) : '';
    });
    this.moment = new StopMoment(ctx.moment, 'follower');
    this.status = h('span', { class: 'tour-status', testid: 'follower-status' });
    this.rejoin = h('button', { type: 'button', class: 'btn primary tour-rejoin', testid: 'follower-rejoin', i18n: 'tour.followAgain', hidden: true,
      on: { click: () => this.reattach() } });
    this.leave = h('button', { type: 'button', class: 'icon-btn', testid: 'follower-leave', text: '✕', i18nAria: 'tour.leave', i18nTitle: 'tour.leave',
      on: { click: () => this.stop() } });
    this.card = h('section', { class: 'panel tour-card follower', testid: 'follower', hidden: true, 'aria-live': 'polite' },
      h('div', { class: 'tour-card-head' },
        h('div', { class: 'tour-card-meta' }, this.position, this.status),
        this.leave),
      this.title, this.narrative, this.moment.el, this.rejoin);
    stage.append(this.card);

    const map = ctx.view.twin.map;
    // Only a person's gesture carries an originalEvent; the flights to each stop do not.
    const detach = (/** @type {any} */ e) => { if (this.code && e?.originalEvent && !this.detached) this.setDetached(true); };
    for (const ev of ['dragstart', 'zoomstart', 'rotatestart', 'pitchstart']) map.on(ev, detach);

    ctx.live.on('tourStop', (/** @type {any} */ f) => this.onStop(f));
    ctx.live.on('tourPing', (/** @type {any} */ p) => this.onPing(p));
    ctx.live.on('tourEnded', (/** @type {any} */ e) => this.onEnded(e));
    // After a reconnect (perhaps to another web node) follow again and catch up with the stop.
    ctx.live.onConnected(() => { if (this.code && !this.ended) this.join(this.code).catch(e => console.warn(e)); });
    onLanguageChange(() => this.render());
  }

  /** Joins the session; throws with the server's reason when the code is wrong. @param {string} code */
  async join(code) {
    const frame = await this.ctx.live.invoke('JoinTour', code);
    this.code = frame.code;
    this.ended = false;
    this.card.hidden = false;
    document.body.dataset.tour = 'following';
    this.frame = null;
    this.setDetached(false);
    this.onStop(frame);
    return frame;
  }

  /** @param {any} frame */
  onStop(frame) {
    if (!this.code || frame.code !== this.code) return;
    if (this.frame && frame.version <= this.frame.version) return; // a late push never moves the map back
    this.frame = frame;
    this.moves++;
    this.render();
    if (!this.detached) applyStop(this.ctx.view, frame);
    // The moment (replay, scenario) follows the presenter even while the camera is detached.
    this.moment.arrive(frame);
  }

  /** @param {any} ping */
  onPing(ping) {
    if (ping.code !== this.code) return;
    this.pings++;
    showPing(this.ctx.view.twin.map, ping.lon, ping.lat);
  }

  /** @param {any} e */
  onEnded(e) {
    if (e.code !== this.code) return;
    this.ended = true;
    this.setDetached(false);
    this.status.textContent = t('tour.ended');
    this.card.dataset.state = 'ended';
  }

  /** @param {boolean} detached */
  setDetached(detached) {
    this.detached = detached;
    this.rejoin.hidden = !detached;
    this.card.dataset.state = detached ? 'detached' : 'following';
    this.status.textContent = detached ? t('tour.detached') : t('tour.following');
  }

  reattach() {
    this.setDetached(false);
    if (this.frame) applyStop(this.ctx.view, this.frame, { duration: 1000 });
  }

  stop() {
    if (this.code) this.ctx.live.invoke('LeaveTour', this.code).catch(() => {});
    this.code = null;
    this.frame = null;
    this.moment.leave();
    this.card.hidden = true;
    delete document.body.dataset.tour;
    this.ctx.onLeave();
  }

  render() {
    if (!this.frame) return;
    this.title.textContent = pick(this.frame.title);
    this.narrative.textContent = pick(this.frame.narrative);
    /** @type {any} */ (this.position)._render?.(this.position);
    if (!this.ended) this.status.textContent = this.detached ? t('tour.detached') : t('tour.following');
  }

  /** What the browser tests read. */
  get hooks() {
    return {
      code: this.code, stopIndex: this.frame?.stopIndex ?? null, version: this.frame?.version ?? null,
      detached: this.detached, ended: this.ended, pings: this.pings, moves: this.moves, ...this.moment.hooks,
    };
  }
}
