// Runs tab: every scenario run with its status and progress, cancel/delete, and the choice of up
// to three completed runs to compare. Rows are updated in place so live progress never steals focus.
import { formatDate, formatNumber, formatTime, toMillis } from '../core/format.js';
import { onLanguageChange, t } from '../core/i18n.js';
import { may } from '../core/session.js';
import { isActive, statusLabel } from './scenario-runs.js';
import { h, refreshDynamic } from '../core/dom.js';

/** The parts of each run's row, to update it in place. @type {WeakMap<HTMLElement, Record<string, any>>} */
const rowParts = new WeakMap();
/** Pending "click again to delete" resets per button. @type {WeakMap<HTMLElement, ReturnType<typeof setTimeout>>} */
const confirmTimers = new WeakMap();

export const MAX_COMPARE = 3;
const CONFIRM_MS = 4000;

export class RunsView {
  /**
   * @param {HTMLElement} root the Runs tab panel
   * @param {{open: (ids: string[]) => void, remove: (run: object) => Promise<void>, retry: () => void,
   *          publish: (run: any, published: boolean) => Promise<void>,
   *          onSelection?: (ids: string[]) => void}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.runs = [];
    this.rows = new Map();
    this.selected = new Set();
    this.state = 'loading';

    this.compareButton = h('button', { type: 'button', class: 'btn', testid: 'compare-runs', disabled: true });
    this.compareButton.addEventListener('click', () => this.ctx.open([...this.selected]));
    this.hint = h('p', { class: 'muted small', i18n: 'plan.runs.compareHint' });
    this.toolbar = h('div', { class: 'runs-toolbar' }, this.hint, this.compareButton);
    // Why there is no cancel, delete or publish: only planners change runs.
    this.roleHint = h('p', { class: 'role-hint small', testid: 'runs-role-hint', i18n: 'plan.runs.needPlanner', hidden: true });
    this.message = h('div', { class: 'plan-message', role: 'status' });
    this.list = h('ul', { class: 'runs', testid: 'scenario-runs', 'aria-label': '' });
    this.list.dataset.i18nAriaLabel = 'plan.runs.listLabel';
    this.list.setAttribute('aria-label', t('plan.runs.listLabel'));
    root.replaceChildren(this.roleHint, this.toolbar, this.message, this.list);
    this.paintToolbar();
    onLanguageChange(() => { for (const [id, li] of this.rows) this.paintRow(li, this.runs.find(r => r.id === id)); this.paintToolbar(); this.paintMessage(); refreshDynamic(root); });
  }

  /** 'loading' | 'ready' | 'unavailable' */
  setState(state) {
    this.state = state;
    this.paintMessage();
  }

  paintMessage() {
    this.message.replaceChildren();
    if (this.state === 'unavailable') {
      const retry = h('button', { type: 'button', class: 'btn small', i18n: 'plan.retry' });
      retry.addEventListener('click', () => this.ctx.retry());
      this.message.append(h('p', { i18n: 'plan.runs.unavailable' }), retry);
    } else if (this.state === 'loading' && !this.runs.length) {
      this.message.append(h('p', { class: 'muted', i18n: 'plan.loading' }));
    } else if (!this.runs.length) {
      this.message.append(h('p', { class: 'muted', i18n: 'plan.runs.empty' }));
    }
  }

  /** The whole list from the server (newest first). */
  setRuns(runs) {
    this.runs = runs;
    const ids = new Set(runs.map(r => r.id));
    for (const id of [...this.selected]) {
      const r = runs.find(x => x.id === id);
      if (!r || r.status !== 'completed') this.selected.delete(id);
    }
    for (const [id, li] of this.rows) if (!ids.has(id)) { li.remove(); this.rows.delete(id); }
    let prev = null;
    for (const run of runs) {
      let li = this.rows.get(run.id);
      if (!li) { li = this.buildRow(run); this.rows.set(run.id, li); }
      this.paintRow(li, run);
      const want = prev ? prev.nextSibling : this.list.firstChild;
      if (want !== li) this.list.insertBefore(li, want);
      prev = li;
    }
    this.paintToolbar();
    this.paintMessage();
  }

  /** The session changed: what the buttons offer follows the roles. */
  repaint() {
    for (const [id, li] of this.rows) this.paintRow(li, this.runs.find(r => r.id === id));
    this.paintToolbar();
  }

  /** One run changed (a live frame or a poll). */
  update(run) {
    const i = this.runs.findIndex(r => r.id === run.id);
    if (i < 0) return false;
    this.runs[i] = { ...this.runs[i], ...run };
    const li = this.rows.get(run.id);
    if (li) this.paintRow(li, this.runs[i]);
    if (this.runs[i].status !== 'completed' && this.selected.delete(run.id)) this.paintToolbar();
    return true;
  }

  buildRow(run) {
    const li = h('li', { class: 'run', testid: 'scenario-run', dataset: { runId: run.id } });
    const check = h('input', { type: 'checkbox', class: 'run-compare', testid: 'compare-run' });
    check.addEventListener('change', () => {
      if (check.checked) this.selected.add(run.id);
      else this.selected.delete(run.id);
      this.paintToolbar();
      this.ctx.onSelection?.([...this.selected]);
    });
    const name = h('span', { class: 'run-name' });
    const badge = h('span', { class: 'run-status', testid: 'run-status' });
    const published = h('span', { class: 'run-published', testid: 'run-published', i18n: 'plan.runs.published', hidden: true });
    const meta = h('div', { class: 'run-meta muted small' });
    const bar = h('div', { class: 'bar' });
    const progress = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, testid: 'scenario-progress' }, bar);
    const pct = h('span', { class: 'pct small' });
    const error = h('p', { class: 'run-error small', hidden: true });
    const open = h('button', { type: 'button', class: 'btn small', testid: 'open-run', i18n: 'plan.runs.open' });
    open.addEventListener('click', () => {
      const ids = this.selected.has(run.id) ? [run.id, ...[...this.selected].filter(x => x !== run.id)] : [run.id];
      this.ctx.open(ids);
    });
    const cancel = h('button', { type: 'button', class: 'btn small', testid: 'cancel-run', i18n: 'plan.runs.cancel' });
    const del = h('button', { type: 'button', class: 'btn small danger', testid: 'delete-run', i18n: 'plan.runs.delete' });
    cancel.addEventListener('click', () => this.remove(li, cancel));
    const publish = h('button', { type: 'button', class: 'btn small', testid: 'publish-run' });
    publish.addEventListener('click', async () => {
      const run = this.runs.find(r => r.id === li.dataset.runId);
      if (!run) return;
      publish.disabled = true;
      try {
        await this.ctx.publish(run, !run.published);
      } catch (e) {
        console.warn(e);
        const error = rowParts.get(li)?.error;
        if (error) { error.hidden = false; error.textContent = t('plan.runs.publishFailed'); }
      } finally {
        publish.disabled = false;
      }
    });
    del.addEventListener('click', () => {
      // Deleting throws results away: the first click only arms the button.
      if (del.dataset.armed !== 'true') {
        del.dataset.armed = 'true';
        del.textContent = t('plan.runs.confirmDelete');
        clearTimeout(confirmTimers.get(del));
        confirmTimers.set(del, setTimeout(() => { del.dataset.armed = 'false'; del.textContent = t('plan.runs.delete'); }, CONFIRM_MS));
        return;
      }
      clearTimeout(confirmTimers.get(del));
      this.remove(li, del);
    });
    li.append(
      check,
      h('div', { class: 'run-main' },
        h('div', { class: 'run-top' }, name, published, badge),
        meta,
        h('div', { class: 'progress-row' }, progress, pct),
        error,
        h('div', { class: 'run-actions' }, open, publish, cancel, del)));
    rowParts.set(li, { check, name, badge, published, meta, progress, bar, pct, error, open, publish, cancel, del });
    return li;
  }

  async remove(li, button) {
    const run = this.runs.find(r => r.id === li.dataset.runId);
    if (!run) return;
    button.disabled = true;
    delete li.dataset.removeFailed;
    try {
      await this.ctx.remove(run);
    } catch (e) {
      console.warn(e);
      li.dataset.removeFailed = 'true';
      const error = rowParts.get(li)?.error;
      if (error) { error.hidden = false; error.textContent = t('plan.runs.removeFailed'); }
    } finally {
      button.disabled = false;
    }
  }

  paintRow(li, run) {
    if (!li || !run) return;
    const e = rowParts.get(li);
    if (!e) return;
    const pct = Math.round((run.progress ?? 0) * 100);
    li.dataset.status = run.status;
    e.name.textContent = run.name || run.id;
    e.badge.dataset.status = run.status;
    e.badge.textContent = statusLabel(run, t);
    if (run.queuePosition) e.badge.dataset.queuePosition = String(run.queuePosition);
    else delete e.badge.dataset.queuePosition;
    const created = toMillis(run.createdAt);
    const parts = [];
    if (Number.isFinite(created)) parts.push(t('plan.runs.created', { when: `${formatDate(created)} ${formatTime(created, { seconds: false })}` }));
    if (Number.isFinite(Number(run.horizonHours))) parts.push(t('plan.runs.horizon', { h: formatNumber(run.horizonHours) }));
    if (Number.isFinite(Number(run.stepMinutes))) parts.push(t('plan.runs.step', { m: formatNumber(run.stepMinutes) }));
    e.meta.textContent = parts.join(' · ');
    e.progress.setAttribute('aria-valuenow', String(pct));
    e.progress.setAttribute('aria-valuetext', `${pct} % · ${statusLabel(run, t)}`);
    e.progress.setAttribute('aria-label', t('plan.runs.progressOf', { name: run.name || run.id }));
    e.progress.dataset.status = run.status;
    e.bar.style.width = `${pct}%`;
    e.pct.textContent = `${pct} %`;
    if (run.status === 'failed') {
      e.error.hidden = false;
      e.error.textContent = run.error ? t('plan.runs.failedWith', { error: run.error }) : t('plan.runs.failed');
    } else if (!li.dataset.removeFailed) {
      e.error.hidden = true;
      e.error.textContent = '';
    }
    const completed = run.status === 'completed';
    const plans = may('plan');
    li.dataset.published = String(!!run.published);
    e.published.hidden = !run.published;
    e.published.textContent = t('plan.runs.published');
    e.published.title = run.publishedAt ? t('plan.runs.publishedBy', { who: run.publishedBy ?? '', when: `${formatDate(toMillis(run.publishedAt))} ${formatTime(toMillis(run.publishedAt), { seconds: false })}` }) : '';
    e.open.hidden = !completed;
    e.publish.hidden = !completed || !plans;
    e.publish.textContent = t(run.published ? 'plan.runs.unpublish' : 'plan.runs.publish');
    e.publish.dataset.published = String(!!run.published);
    e.cancel.hidden = !isActive(run.status) || !plans;
    e.del.hidden = isActive(run.status) || !plans;
    if (e.del.dataset.armed !== 'true') e.del.textContent = t('plan.runs.delete');
    e.check.checked = this.selected.has(run.id);
    e.check.disabled = !completed || (!e.check.checked && this.selected.size >= MAX_COMPARE);
    e.check.setAttribute('aria-label', t('plan.runs.compareRun', { name: run.name || run.id }));
    e.check.title = !completed ? t('plan.runs.compareOnlyCompleted') : e.check.disabled ? t('plan.runs.compareMax', { n: MAX_COMPARE }) : t('plan.runs.compareRun', { name: run.name || run.id });
  }

  paintToolbar() {
    this.roleHint.hidden = may('plan');
    const n = this.selected.size;
    this.compareButton.disabled = n === 0;
    this.compareButton.textContent = t('plan.runs.compare', { n, max: MAX_COMPARE });
    // Limit reached: the other boxes grey out.
    for (const [id, li] of this.rows) {
      const run = this.runs.find(r => r.id === id);
      if (!run) continue;
      const box = rowParts.get(li)?.check;
      if (!box) continue;
      box.checked = this.selected.has(id);
      box.disabled = run.status !== 'completed' || (!box.checked && n >= MAX_COMPARE);
    }
  }
}
