// Results tab: the shown runs through the stakeholder lenses — each lens's score of each run as bars
// (weighted mean improvement in %, one scale for all), red lines crossed, where the lenses disagree,
// and the brief through the chosen lenses. The scores come from the server (GET /api/scenarios/compare).
import { h } from '../core/dom.js';
import { language, numberLocale, t } from '../core/i18n.js';
import { may } from '../core/session.js';
import { kpiName } from './catalog-text.js';
import { LensEditor } from './lens-editor.js';
import { lensName, stakeholderApi } from './stakeholder-api.js';

/** Signed percent in the UI language. @param {number} v */
function pct(v) {
  const a = Math.abs(v);
  const digits = a >= 10 ? 1 : a >= 0.1 ? 2 : 3;
  return `${new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(v)} %`;
}

export class LensSection {
  constructor() {
    /** @type {import('./stakeholder-api.js').Lens[]|null} */
    this.catalog = null;
    /** @type {Set<string>|null} the lenses shown; null: every lens */
    this.chosen = null;
    /** @type {{key: string, data: import('./stakeholder-api.js').LensComparison}|null} */
    this.cache = null;
    /** @type {HTMLElement|null} */
    this.root = null;
    /** @type {{id: string, name: string, color: string, results?: any}[]} */
    this.items = [];
    this.editor = new LensEditor({ saved: () => { this.catalog = null; this.cache = null; this.refresh(); } });
  }

  /** The ids of the lenses shown, in the catalogue's order. */
  get chosenIds() {
    const all = (this.catalog ?? []).map(l => l.id);
    return this.chosen ? all.filter(id => this.chosen?.has(id)) : all;
  }

  /**
   * The section for these runs (built at once; the scores fill in when they arrive).
   * @param {{id: string, name: string, color: string, results?: any}[]} items
   */
  el(items) {
    this.items = items;
    this.root = h('section', { class: 'plan-section lens-section', testid: 'lens-section' });
    this.refresh();
    return this.root;
  }

  async refresh() {
    const root = this.root;
    if (!root) return;
    const key = () => `${this.items.map(i => i.id).join(',')}|${this.chosenIds.join(',')}`;
    if (this.catalog && this.cache?.key === key()) { this.paint(root, this.cache.data); return; }
    root.dataset.state = 'loading';
    root.replaceChildren(h('h3', { i18n: 'lens.title' }), h('p', { class: 'muted small', role: 'status', i18n: 'lens.loading' }));
    try {
      this.catalog ??= await stakeholderApi.lenses();
      if (this.chosen) for (const id of [...this.chosen]) if (!this.catalog.some(l => l.id === id)) this.chosen.delete(id);
      const ids = this.chosenIds;
      const data = ids.length
        ? (await stakeholderApi.compare(this.items.map(i => i.id), ids)).lenses
        : { formula: '', runIds: this.items.map(i => i.id), lenses: [], disagreements: [] };
      this.cache = { key: key(), data };
      if (root === this.root) this.paint(root, data);
    } catch (e) {
      console.warn('Lens scores unavailable', e);
      if (root !== this.root) return;
      root.dataset.state = 'error';
      const retry = h('button', { type: 'button', class: 'btn small', i18n: 'plan.retry' });
      retry.addEventListener('click', () => { this.cache = null; this.refresh(); });
      root.replaceChildren(h('h3', { i18n: 'lens.title' }), h('p', { class: 'muted small', role: 'alert', i18n: 'lens.failed' }), retry);
    }
  }

  /** @param {HTMLElement} root @param {import('./stakeholder-api.js').LensComparison} data */
  paint(root, data) {
    root.dataset.state = 'ready';
    const head = h('div', { class: 'lens-head' }, h('h3', { i18n: 'lens.title' }));
    if (may('plan')) {
      const edit = h('button', { type: 'button', class: 'btn small', testid: 'lens-edit', i18n: 'lens.manage' });
      edit.addEventListener('click', () => this.editor.open(this.catalog ?? []));
      head.append(edit);
    }
    const parts = [head,
      h('p', { class: 'muted small', i18n: 'lens.note' }),
      this.picker(),
      data.lenses.length ? this.chart(data) : h('p', { class: 'muted small', i18n: 'lens.none' }),
      data.lenses.length ? this.disagreements(data) : null,
      data.lenses.length ? h('div', { class: 'row' }, h('a', {
        class: 'btn small primary', href: stakeholderApi.briefUrl(this.items.map(i => i.id), this.chosenIds), target: '_blank', rel: 'noopener', testid: 'lens-brief',
      }, h('span', { i18n: 'lens.brief' }), h('span', { 'aria-hidden': 'true', text: ' ↗' }))) : null];
    root.replaceChildren(.../** @type {HTMLElement[]} */ (parts.filter(Boolean)));
  }

  /** A checkbox per lens: which ones to read the runs through. */
  picker() {
    const box = h('fieldset', { class: 'lens-picker', testid: 'lens-picker' }, h('legend', { class: 'sr-only', i18n: 'lens.pick' }));
    for (const lens of this.catalog ?? []) {
      const input = h('input', { type: 'checkbox', value: lens.id, checked: this.chosenIds.includes(lens.id), testid: 'lens-choice', dataset: { lens: lens.id } });
      input.addEventListener('change', () => {
        const ids = new Set(this.chosenIds);
        if (input.checked) ids.add(lens.id); else ids.delete(lens.id);
        this.chosen = ids;
        this.refresh().then(() => /** @type {HTMLElement|null} */ (this.root?.querySelector(`[data-testid=lens-choice][data-lens="${CSS.escape(lens.id)}"]`))?.focus());
      });
      box.append(h('label', { class: 'lens-chip', title: lens.description?.[language()] || lens.description?.en || '' }, input, h('span', { text: lensName(lens) })));
    }
    return box;
  }

  /** Bars per lens per run, diverging from zero, one scale for all. @param {import('./stakeholder-api.js').LensComparison} data */
  chart(data) {
    const scale = Math.max(1, ...data.lenses.flatMap(l => l.runs.map(r => Math.abs(r.score))));
    const kpis = this.kpiNames();
    const chart = h('div', { class: 'lens-chart', testid: 'lens-chart', role: 'img' });
    chart.setAttribute('aria-label', t('lens.chartLabel', { scale: pct(scale).replace(/^\+/, '±') }));
    for (const lens of data.lenses) {
      const title = lensName(this.catalog?.find(l => l.id === lens.id) ?? lens);
      // The group only when the lens's name does not already say it.
      const group = lens.group && t(`group.${lens.group}`) !== title ? t(`group.${lens.group}`) : null;
      const row = h('div', { class: 'lens-row', testid: 'lens-row', dataset: { lens: lens.id } },
        h('div', { class: 'lens-name' }, h('b', { text: title }), group ? h('span', { class: 'muted small', text: ` · ${group}` }) : null));
      lens.runs.forEach((s, i) => {
        const item = this.items.find(it => it.id === s.runId) ?? this.items[i];
        const bar = h('div', { class: 'lens-bar' });
        const width = Math.abs(s.score) / scale * 50;
        bar.style.width = `${width}%`;
        bar.style.left = s.score >= 0 ? '50%' : `${50 - width}%`;
        bar.style.background = item?.color ?? '#888';
        const kind = s.score > 1e-6 ? 'good' : s.score < -1e-6 ? 'bad' : 'neutral';
        const line = h('div', { class: 'lens-bar-line', testid: 'lens-score', dataset: { runId: s.runId, score: String(s.score), rank: String(s.rank) }, title: item?.name ?? s.runId },
          h('span', { class: 'sr-only', text: `${item?.name ?? s.runId}: ` }),
          h('div', { class: 'lens-track' }, h('div', { class: 'lens-zero' }), bar),
          h('span', { class: `lens-value delta ${kind}`, text: pct(s.score) }),
          data.runIds.length > 1 ? h('span', { class: 'muted small lens-rank', text: t('lens.rank', { n: s.rank }) }) : null);
        row.append(line);
        if (s.breaches.length) {
          row.append(h('div', { class: 'lens-breach bad small', testid: 'lens-breach' },
            `⚠ ${t('lens.redLine', { run: item?.name ?? s.runId, kpis: s.breaches.map(k => kpiName(kpis.get(k) ?? { id: k })).join(', ') })}`));
        }
      });
      chart.append(row);
    }
    const legend = h('div', { class: 'lens-legend muted small' }, this.items.map(it => {
      const sw = h('span', { class: 'swatch' });
      sw.style.background = it.color;
      return h('span', { class: 'lens-legend-item' }, sw, ` ${it.name}`);
    }), h('span', { class: 'lens-legend-item', text: t('lens.scale', { scale: pct(scale).replace(/^\+/, '±') }) }));
    return h('div', {}, chart, legend);
  }

  /** @param {import('./stakeholder-api.js').LensComparison} data */
  disagreements(data) {
    const name = (/** @type {string} */ id) => lensName(this.catalog?.find(l => l.id === id) ?? data.lenses.find(l => l.id === id) ?? { id });
    const run = (/** @type {string|null|undefined} */ id) => this.items.find(i => i.id === id)?.name ?? id ?? '';
    const kpis = this.kpiNames();
    const list = h('ul', { class: 'lens-disagreements', testid: 'lens-disagreements' });
    for (const d of data.disagreements) {
      const text = d.kind === 'ranking'
        ? (d.picks ?? []).map(p => t('lens.ranking', { lenses: p.lensIds.map(name).join(', '), run: run(p.runId) })).join('; ')
        : d.kind === 'sign'
          ? t('lens.sign', { run: run(d.runId), pro: (d.for ?? []).map(name).join(', '), con: (d.against ?? []).map(name).join(', ') })
          : t('lens.wrongWay', { run: run(d.runId), kpi: kpiName(kpis.get(d.kpi ?? '') ?? { id: d.kpi }), lens: name(d.lensId ?? ''), pct: pct(-(d.improvement ?? 0)).replace(/^\+/, '') });
      list.append(h('li', { dataset: { kind: d.kind }, text }));
    }
    return h('div', { class: 'lens-disagree' }, h('h4', { i18n: 'lens.disagree' }),
      data.disagreements.length ? list : h('p', { class: 'muted small', testid: 'lens-agree', i18n: 'lens.agree' }));
  }

  /** The KPIs of the shown runs by id (for their names). */
  kpiNames() {
    /** @type {Map<string, any>} */
    const map = new Map();
    for (const it of this.items) for (const k of it.results?.kpis ?? []) if (!map.has(k.id)) map.set(k.id, k);
    return map;
  }
}
