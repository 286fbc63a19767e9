// What a tour stop brings beyond the camera: a moment of the last 24 hours to replay, and a
// published scenario run to open. Presenter and follower cards each hold one StopMoment. Arriving
// at a stop with a replay time puts the map into replay there; leaving it (for a stop without one,
// or ending the tour) goes back to live. A stop with a drill offers the presenter, when a trainer
// or admin, to start it (followers see nothing of it: the drill's alarms reach the control room).
import { api } from '../core/api.js';
import { h } from '../core/dom.js';
import { t, onLanguageChange } from '../core/i18n.js';
import { may, me } from '../core/session.js';
import { mayRunDrills } from '../drills/drill-api.js';

/**
 * @typedef {object} MomentContext
 * @property {{showAt: (ms: number) => boolean, stop: () => void, active: boolean}|null} replay
 * @property {(id: string) => void} openScenario opens a run's results in the planner
 * @property {((id: string) => void)|undefined} [startDrill] starts a drill of the pack (the drills panel shows it)
 */

export class StopMoment {
  /** @param {MomentContext} ctx @param {string} prefix test id prefix ("presenter" or "follower") */
  constructor(ctx, prefix) {
    this.ctx = ctx;
    /** Whether the tour, not the person, put the map into replay (only then does leaving end it). */
    this.replaying = false;
    /** @type {string|null} */
    this.scenarioId = null;
    /** 'checking' | 'published' | 'unpublished' */
    this.scenarioState = 'checking';
    this.note = h('p', { class: 'tour-note', testid: `${prefix}-note`, hidden: true });
    this.scenario = h('button', { type: 'button', class: 'btn tour-scenario', testid: `${prefix}-scenario`, i18n: 'tour.openScenario', hidden: true,
      on: { click: () => this.openScenario() } });
    this.scenarioNote = h('span', { class: 'tour-scenario-note', testid: `${prefix}-scenario-note`, i18n: 'tour.scenarioNotPublished', hidden: true });
    /** @type {string|null} */
    this.drillId = null;
    // Only the presenter's card offers it: starting a drill is the trainer's decision, not a follower's.
    this.drill = h('button', { type: 'button', class: 'btn tour-drill', testid: `${prefix}-drill`, i18n: 'tour.startDrill', hidden: true,
      on: { click: () => { if (this.drillId) this.ctx.startDrill?.(this.drillId); } } });
    this.offersDrills = prefix === 'presenter';
    this.el = h('div', { class: 'tour-moment' }, this.note, h('div', { class: 'tour-moment-actions' }, this.scenario, this.scenarioNote, this.drill));
    /** @type {string|null} the i18n key of the note shown, so it follows a change of language */
    this.noteKey = null;
    onLanguageChange(() => { if (this.noteKey) this.note.textContent = t(this.noteKey); });
  }

  /** Arrives at a stop (API document or live frame: both carry replayTime and scenarioId). @param {any} stop */
  arrive(stop) {
    this.showNote(null);
    this.replayAt(stop.replayTime ?? null);
    this.showScenario(stop.scenarioId ?? null);
    this.showDrill(stop.drillId ?? null);
  }

  /** @param {string|null} id */
  showDrill(id) {
    this.drillId = id;
    this.drill.hidden = !id || !this.offersDrills || !this.ctx.startDrill || !mayRunDrills(me());
  }

  /** Leaves the tour: back to live when the tour had the map in replay. */
  leave() {
    this.replayAt(null);
    this.showScenario(null);
    this.showDrill(null);
    this.showNote(null);
  }

  /** @param {string|null} iso */
  replayAt(iso) {
    const replay = this.ctx.replay;
    if (!replay) return;
    if (iso) {
      if (replay.showAt(Date.parse(iso))) { this.replaying = true; return; }
      this.showNote('tour.replayOutside');
    }
    // Leaving a replayed stop (or one whose moment is no longer kept) returns to live.
    if (this.replaying && replay.active) replay.stop();
    this.replaying = false;
  }

  /** @param {string|null} id */
  async showScenario(id) {
    this.scenarioId = id;
    this.scenario.hidden = !id;
    this.scenarioNote.hidden = true;
    this.scenario.disabled = false;
    if (!id) return;
    // Runs may be published after the tour was written: whether this one is, is asked now.
    this.scenarioState = 'checking';
    this.scenario.dataset.state = 'checking';
    const published = await api.scenarios.get(id).then((/** @type {any} */ run) => run?.published === true, () => false);
    if (this.scenarioId !== id) return; // the tour moved on meanwhile
    this.scenarioState = published ? 'published' : 'unpublished';
    this.scenario.dataset.state = this.scenarioState;
    this.scenario.disabled = !published;
    this.scenarioNote.hidden = published;
  }

  /** Planners see the run's results in the planner; everyone else reads its policy brief. */
  openScenario() {
    const id = this.scenarioId;
    if (!id || this.scenarioState !== 'published') return;
    if (may('plan')) this.ctx.openScenario(id);
    else window.open(api.scenarios.exportUrls(id).brief, '_blank', 'noopener');
  }

  /** @param {string|null} key */
  showNote(key) {
    this.noteKey = key;
    this.note.hidden = !key;
    this.note.textContent = key ? t(key) : '';
  }

  get hooks() {
    return { drillId: this.drill.hidden ? null : this.drillId, replaying: this.replaying, scenarioId: this.scenarioId, scenarioState: this.scenarioId ? this.scenarioState : null, note: this.noteKey };
  }
}
