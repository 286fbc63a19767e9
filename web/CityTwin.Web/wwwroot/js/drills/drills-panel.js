// Drills: the city pack's scripted incidents, for trainers and admins to inject into the control
// room. The panel lists the drills (what each does, step by step), starts one at a chosen speed,
// shows the running one (progress, time left) with Stop and its after-action report, and the
// recent runs. Everyone may look; the Start and Stop buttons say why they are disabled.
import { h } from '../core/dom.js';
import { formatDate, formatNumber, formatTime } from '../core/format.js';
import { onLanguageChange, t } from '../core/i18n.js';
import { me } from '../core/session.js';
import { store } from '../core/store.js';
import { pick } from '../tours/text.js';
import { clockText, drillApi, mayRunDrills } from './drill-api.js';

const SPEEDS = [1, 2, 5, 10, 30, 60];
const RECENT = 5;

export class DrillsPanel {
  /** @param {HTMLElement} stage @param {{onShowPlace: (step: any) => void}} ctx */
  constructor(stage, ctx) {
    this.ctx = ctx;
    this.isOpen = false;
    /** @type {any[]} */
    this.drills = [];
    /** @type {any[]} */
    this.runs = [];
    this.speed = 1;
    /** @type {string|null} */
    this.focus = null;
    this.timer = 0;
    this.message = h('p', { class: 'drill-message', role: 'status', testid: 'drill-message' });
    this.runningBox = h('section', { class: 'drill-running', testid: 'drill-running', hidden: true });
    this.list = h('ol', { class: 'drill-list', testid: 'drill-list' });
    this.recent = h('ol', { class: 'drill-runs', testid: 'drill-runs' });
    this.speedSelect = h('select', { testid: 'drill-speed', 'aria-label': t('drills.speed'), on: { change: () => { this.speed = Number(this.speedSelect.value) || 1; } } },
      ...SPEEDS.map(s => h('option', { value: String(s), selected: s === this.speed }, `${s}×`)));
    this.root = h('aside', { class: 'drills', testid: 'drills-panel', hidden: true, 'aria-labelledby': 'drills-title' });
    stage.append(this.root);
    this.root.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); this.close(); } });
    onLanguageChange(() => { if (this.isOpen) this.render(); });
    store.subscribe('me', () => { if (this.isOpen) this.render(); });
  }

  async open() {
    this.isOpen = true;
    this.root.hidden = false;
    this.render();
    await this.load();
    clearInterval(this.timer);
    // A running drill's progress and time left move on while the panel is open.
    this.timer = window.setInterval(() => { if (this.running()) this.loadRuns(); }, 2000);
  }

  close() {
    this.isOpen = false;
    this.root.hidden = true;
    clearInterval(this.timer);
  }

  toggle() { if (this.isOpen) this.close(); else this.open(); }

  async load() {
    try {
      const [drills, runs] = await Promise.all([drillApi.list(), drillApi.runs()]);
      this.drills = drills ?? [];
      this.runs = runs ?? [];
    } catch (e) {
      this.message.textContent = t('drills.loadFailed');
      console.warn(e);
    }
    this.render();
  }

  async loadRuns() {
    try {
      this.runs = (await drillApi.runs()) ?? [];
      this.renderRuns();
    } catch { /* shown again on the next round */ }
  }

  /** @returns {any|null} */
  running() { return this.runs.find(r => r.status === 'running') ?? null; }

  /** Starts a drill (the panel's button, or a tour stop's "Start the drill"). @param {string} id @param {number} [speed] */
  async start(id, speed) {
    if (!this.isOpen) await this.open();
    this.focus = id;
    this.message.textContent = '';
    try {
      await drillApi.start(id, { speed: speed ?? this.speed });
      await this.load();
    } catch (e) {
      const err = /** @type {any} */ (e);
      this.message.textContent = err?.errors ? Object.values(err.errors).flat().join(' ') : (err?.detail || err?.message || String(e));
    }
  }

  /** @param {string} runId */
  async stop(runId) {
    this.message.textContent = '';
    try {
      await drillApi.stop(runId);
      await this.load();
    } catch (e) {
      const err = /** @type {any} */ (e);
      this.message.textContent = err?.detail || err?.message || String(e);
    }
  }

  render() {
    const close = h('button', { type: 'button', class: 'icon-btn', testid: 'drills-close', i18nAria: 'drills.close', i18nTitle: 'drills.close', on: { click: () => this.close() } }, '✕');
    const allowed = mayRunDrills(me());
    this.root.replaceChildren(
      h('header', { class: 'drills-head' },
        h('div', {}, h('div', { class: 'eyebrow', i18n: 'drills.eyebrow' }), h('h2', { id: 'drills-title', i18n: 'drills.title' })), close),
      h('p', { class: 'muted small', i18n: 'drills.explain' }),
      this.runningBox,
      this.message,
      h('div', { class: 'drill-speed' }, h('label', {}, h('span', { i18n: 'drills.speed' }), this.speedSelect),
        allowed ? null : h('span', { class: 'muted small', testid: 'drill-why', i18n: 'drills.trainersOnly' })),
      this.list,
      h('h3', { i18n: 'drills.recent' }),
      this.recent);
    this.renderList(allowed);
    this.renderRuns();
  }

  /** @param {boolean} allowed */
  renderList(allowed) {
    const busy = !!this.running();
    this.list.replaceChildren(...this.drills.map(d => {
      const start = h('button', {
        type: 'button', class: 'btn primary small', testid: 'drill-start', dataset: { id: d.id },
        disabled: !allowed || busy, title: !allowed ? t('drills.trainersOnly') : busy ? t('drills.oneAtATime') : undefined,
        on: { click: () => this.start(d.id) },
      }, t('drills.start'));
      const steps = h('ol', { class: 'drill-steps' }, ...d.steps.map((/** @type {any} */ s) =>
        h('li', { dataset: { clear: String(!!s.clear) } },
          h('button', { type: 'button', class: 'drill-step', on: { click: () => this.ctx.onShowPlace(s) } },
            h('time', {}, clockText(s.at)),
            s.clear ? h('span', { class: 'muted' }, t('drills.clears', { name: this.stepName(d, s) }))
              : h('span', {}, h('span', { class: `sev sev-${s.severity}` }, t(`severity.${s.severity}`)), ' ', pick(s.name))))));
      return h('li', { class: 'drill-item', dataset: { id: d.id, focus: String(d.id === this.focus) } },
        h('div', { class: 'drill-item-head' },
          h('div', { class: 'drill-item-text' },
            h('strong', { class: 'drill-name' }, pick(d.title)),
            h('span', { class: 'muted small' }, t('drills.facts', { steps: formatNumber(d.steps.length, 0), minutes: formatNumber(d.durationSeconds / 60, 0) }))),
          start),
        h('p', { class: 'drill-description' }, pick(d.description)),
        h('details', {}, h('summary', { i18n: 'drills.script' }), steps));
    }));
  }

  /** The name of the alarm a clearing step ends. @param {any} drill @param {any} step */
  stepName(drill, step) {
    const raise = drill.steps.find((/** @type {any} */ s) => !s.clear && s.key === step.key);
    return raise ? pick(raise.name) : step.key;
  }

  renderRuns() {
    const run = this.running();
    this.runningBox.hidden = !run;
    if (run) {
      const now = Date.now();
      const left = Math.max(0, (Date.parse(run.endsAt) - now) / 1000);
      const progress = run.stepCount > 0 ? run.stepsDone / run.stepCount : 0;
      const allowed = mayRunDrills(me());
      const bar = h('span', {});
      bar.style.width = `${Math.round(progress * 100)}%`; // a property, not an inline style attribute (the page's CSP)
      this.runningBox.replaceChildren(
        h('div', { class: 'drill-running-head' }, h('span', { class: 'alarm-badge drill' }, t('drills.badge')), h('strong', { testid: 'drill-running-title' }, pick(run.title))),
        h('p', { class: 'small' }, t('drills.startedBy', { who: run.startedBy, time: formatTime(Date.parse(run.startedAt), { seconds: false }), speed: formatNumber(run.speed, 0) })),
        h('div', { class: 'drill-progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(run.stepCount), 'aria-valuenow': String(run.stepsDone) },
          bar),
        h('p', { class: 'small', testid: 'drill-progress-text' }, t('drills.progress', { done: formatNumber(run.stepsDone, 0), count: formatNumber(run.stepCount, 0), left: clockText(left) })),
        h('div', { class: 'drill-actions' },
          h('button', { type: 'button', class: 'btn small', testid: 'drill-stop', disabled: !allowed, title: allowed ? undefined : t('drills.trainersOnly'), on: { click: () => this.stop(run.runId) } }, t('drills.stop')),
          h('a', { class: 'btn small', href: drillApi.reportPage(run.runId), target: '_blank', rel: 'noopener', testid: 'drill-report-link' }, t('drills.report'))));
    }
    const recent = this.runs.filter(r => r.status !== 'running').slice(0, RECENT);
    this.recent.replaceChildren(...recent.map(r => h('li', { dataset: { run: r.runId, status: r.status } },
      h('span', { class: 'drill-run-name' }, pick(r.title)),
      h('span', { class: 'muted small' }, `${formatDate(Date.parse(r.startedAt))} ${formatTime(Date.parse(r.startedAt), { seconds: false })} · ${t(`drills.status.${r.status}`)}`),
      h('a', { href: drillApi.reportPage(r.runId), target: '_blank', rel: 'noopener', testid: 'drill-run-report' }, t('drills.report')))));
    if (recent.length === 0) this.recent.append(h('li', { class: 'muted small' }, t('drills.noRuns')));
    this.renderList(mayRunDrills(me()));
  }

  get hooks() {
    return { open: () => this.open(), start: (/** @type {string} */ id, /** @type {number} */ speed) => this.start(id, speed), running: () => this.running(), panel: this };
  }
}
