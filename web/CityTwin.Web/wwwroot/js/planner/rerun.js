// Rerun a scenario made in another city. In that city, Results → "Definition for another city"
// saves the run's definition as a file; here the planner picks the file, the server reports what
// carries over (interventions on the whole city), what is left out and why (a gu, a dong, a polygon
// or assets this city lacks), and the run starts only once the planner has seen that report.
import { ProblemError, api } from '../core/api.js';
import { h } from '../core/dom.js';
import { localName, t } from '../core/i18n.js';
import { store } from '../core/store.js';
import { entryName } from './catalog-text.js';

export class RerunFromFile {
  /**
   * @param {HTMLElement} root the section to fill
   * @param {{run: (body: any) => Promise<any>}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    /** @type {any} */
    this.report = null;
    this.file = h('input', { type: 'file', accept: '.json,application/json', testid: 'rerun-file', class: 'rerun-file' });
    this.file.addEventListener('change', () => this.check());
    this.status = h('p', { class: 'muted small', testid: 'rerun-status', role: 'status', 'aria-live': 'polite' });
    this.body = h('div', { class: 'rerun-report', testid: 'rerun-report' });
    const label = h('label', { class: 'btn small' }, h('span', { i18n: 'plan.rerun.choose' }), this.file);
    root.replaceChildren(
      h('details', { class: 'rerun', testid: 'rerun' },
        h('summary', { i18n: 'plan.rerun.title' }),
        h('p', { class: 'muted small', i18n: 'plan.rerun.hint' }),
        label, this.status, this.body));
  }

  async check() {
    const file = this.file.files?.[0];
    this.body.replaceChildren();
    this.report = null;
    if (!file) return;
    /** @type {any} */
    let doc;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      this.setStatus(t('plan.rerun.notJson', { file: file.name }), 'error');
      return;
    }
    this.setStatus(t('plan.rerun.checking'), 'working');
    try {
      this.report = await api.scenarios.retarget(doc);
    } catch (e) {
      this.setStatus(t('plan.rerun.refused'), 'error');
      const messages = e instanceof ProblemError ? Object.entries(e.errors).flatMap(([k, v]) => v.map(m => `${k}: ${m}`)) : [String(/** @type {any} */ (e)?.message ?? e)];
      this.body.replaceChildren(h('ul', { class: 'rerun-list' }, messages.map(m => h('li', { class: 'field-error', text: m }))));
      return;
    }
    this.show(this.report);
  }

  /** @param {any} report */
  show(report) {
    const here = cityName();
    const name = report.scenario?.name || '—';
    this.setStatus(t('plan.rerun.summary', { name, from: report.from ?? '?', city: here, kept: report.kept.length, dropped: report.dropped.length }), 'ok');
    const kept = h('ul', { class: 'rerun-list', testid: 'rerun-kept' }, report.kept.map((/** @type {any} */ k) =>
      h('li', { class: 'rerun-kept' }, h('span', { class: 'rerun-mark', 'aria-hidden': 'true', text: '✓ ' }),
        h('strong', { text: entryName('intervention', { type: k.type }) }), ' · ', t(`plan.rerun.target.${k.target}`, undefined, k.target))));
    const dropped = h('ul', { class: 'rerun-list', testid: 'rerun-dropped' }, report.dropped.map((/** @type {any} */ d) =>
      h('li', { class: 'rerun-dropped' }, h('span', { class: 'rerun-mark', 'aria-hidden': 'true', text: '✕ ' }),
        h('strong', { text: entryName('intervention', { type: d.type }) }), ': ', d.reason)));
    const run = h('button', { type: 'button', class: 'btn primary', testid: 'rerun-run', text: t('plan.rerun.run', { city: here }) });
    run.disabled = report.kept.length === 0;
    run.addEventListener('click', async () => {
      run.disabled = true;
      try {
        await this.ctx.run(report.scenario);
        this.file.value = '';
        this.body.replaceChildren();
        this.setStatus(t('plan.rerun.started', { name }), 'ok');
      } catch (e) {
        run.disabled = false;
        this.setStatus(e instanceof ProblemError ? (e.detail || e.title) : String(/** @type {any} */ (e)?.message ?? e), 'error');
      }
    });
    const parts = [h('h4', { i18n: 'plan.rerun.keptTitle' }), report.kept.length ? kept : h('p', { class: 'muted small', i18n: 'plan.rerun.nothingKept' })];
    if (report.dropped.length) parts.push(h('h4', { i18n: 'plan.rerun.droppedTitle' }), dropped);
    for (const n of report.notes ?? []) parts.push(h('p', { class: 'muted small', text: n }));
    parts.push(h('div', { class: 'inline-form' }, run));
    this.body.replaceChildren(...parts);
  }

  /** @param {string} text @param {string} state */
  setStatus(text, state) {
    this.status.textContent = text;
    this.status.dataset.state = state;
  }
}

/** The running city's name in the UI language. */
function cityName() {
  return localName(/** @type {any} */ (store.get('city')));
}
