// Results tab: effect of one to three runs against their baseline — KPI table, time series of the
// chosen KPI, per-district change (table and diverging map), and the exports for the meeting.
import { HttpError, api } from '../core/api.js';
import { cityZoneName, formatNumber, toMillis } from '../core/format.js';
import { localName, numberLocale, onLanguageChange, t } from '../core/i18n.js';
import { kpiDefinition, kpiName, unitText } from './catalog-text.js';
import { getRun } from './scenario-runs.js';
import { ScenarioChart } from './chart.js';
import { h, nextId } from '../core/dom.js';
import { moneySection } from './money.js';
import { LensSection } from './lenses.js';
import { commentsSection } from './comments.js';

/** Line colours of the compared runs, in order (the baseline is grey and dashed). */
export const RUN_COLORS = ['#5cc8ff', '#ffb347', '#d58cff'];
const BASELINE_COLOR = '#a3afbd';

function fmtDelta(v) {
  if (v == null || !Number.isFinite(Number(v))) return '–';
  const n = Number(v), a = Math.abs(n);
  const opts = a >= 100 ? { maximumFractionDigits: 0 } : a >= 1 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 };
  return new Intl.NumberFormat(numberLocale(), { ...opts, signDisplay: 'exceptZero' }).format(n);
}

/** deltaPercent is in percent (5 = +5 %). */
function fmtPercent(v) {
  if (v == null || !Number.isFinite(Number(v))) return '–';
  const n = Number(v), a = Math.abs(n);
  const opts = a >= 10 ? { maximumFractionDigits: 1 } : a >= 0.1 ? { maximumFractionDigits: 2 } : { maximumSignificantDigits: 2 };
  return `${new Intl.NumberFormat(numberLocale(), { ...opts, signDisplay: 'exceptZero' }).format(n)} %`;
}

function fmtValue(v) {
  if (v == null || !Number.isFinite(Number(v))) return '–';
  const n = Number(v), a = Math.abs(n);
  return a !== 0 && a < 0.01 ? new Intl.NumberFormat(numberLocale(), { maximumSignificantDigits: 3 }).format(n) : formatNumber(n);
}

/** 'good' | 'bad' | 'neutral' for a change, given which direction is better. */
export function verdict(delta, better, baseline) {
  const d = Number(delta);
  if (delta == null || !Number.isFinite(d)) return 'neutral';
  // Float noise from summing many assets is no change.
  if (Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(Number(baseline) || 0))) return 'neutral';
  const improves = String(better).toLowerCase() === 'higher' ? d > 0 : d < 0;
  return improves ? 'good' : 'bad';
}

const close = (a, b) => {
  if (a == null && b == null) return true;
  const x = Number(a), y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
};

export class ResultsView {
  /**
   * @param {HTMLElement} root the Results tab panel
   * @param {{twin: import('../map/map.js').TwinMap, legend: import('./delta-legend.js').DeltaLegend,
   *          runName: (id: string) => string|null}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.ids = [];
    this.items = [];
    this.kpi = null;
    this.mapRun = null;
    this.mapActive = false;
    this.chart = null;
    /** @type {import('./chart.js').ScenarioChart|null} the cash-flow chart of the money section */
    this.moneyChart = null;
    this.loadToken = 0;
    /** The shown runs through the stakeholder lenses (keeps the chosen lenses between renders). */
    this.lenses = new LensSection();
    this.renderEmpty();
    onLanguageChange(() => { if (this.items.length) this.render(); else this.renderEmpty(); });
  }

  get shownIds() { return this.items.map(i => i.id); }

  renderEmpty(messageKey = 'plan.results.empty') {
    this.destroyChart();
    this.root.replaceChildren(h('div', { class: 'plan-message' }, h('p', { class: 'muted', i18n: messageKey })));
    this.paintMap();
  }

  /** Loads and shows the results of these runs (1–3, the first one drives the map and the exports). */
  async show(ids) {
    const token = ++this.loadToken;
    this.ids = ids.slice(0, RUN_COLORS.length);
    this.items = [];
    this.destroyChart();
    this.root.replaceChildren(h('div', { class: 'plan-message', role: 'status' }, h('p', { class: 'muted', i18n: 'plan.loading' })));
    this.root.dataset.state = 'loading';
    const loaded = await Promise.all(this.ids.map(async (id, i) => {
      try {
        const [results, detail] = await Promise.all([api.scenarios.results(id), getRun(id).catch(() => null)]);
        return { id, color: RUN_COLORS[i], results, detail, name: results?.name || detail?.name || this.ctx.runName(id) || id };
      } catch (e) {
        return { id, error: e };
      }
    }));
    if (token !== this.loadToken) return;
    const failed = loaded.filter(x => x.error);
    this.items = loaded.filter(x => !x.error).map((x, i) => ({ ...x, color: RUN_COLORS[i] }));
    this.problems = failed.map(f => {
      const name = this.ctx.runName(f.id) || f.id;
      const status = f.error instanceof HttpError ? f.error.status : 0;
      return status === 404 ? t('plan.results.gone', { name }) : status === 409 ? t('plan.results.notReady', { name }) : t('plan.results.failed', { name });
    });
    if (!this.items.length) {
      this.root.dataset.state = 'error';
      this.destroyChart();
      this.root.replaceChildren(h('div', { class: 'plan-message', role: 'alert' }, this.problems.map(p => h('p', { text: p }))));
      this.paintMap();
      return;
    }
    const kpis = this.kpiList();
    if (!kpis.some(k => k.id === this.kpi)) {
      // Open on the indicator the first run changed most: that is what the planner came to see.
      const rows = this.items[0]?.results?.kpis ?? [];
      const moved = rows.filter(r => kpis.some(k => k.id === r.id))
        .sort((a, b) => Math.abs(b.deltaPercent ?? 0) - Math.abs(a.deltaPercent ?? 0))[0];
      this.kpi = (moved && Math.abs(moved.deltaPercent ?? 0) > 0 ? moved.id : kpis[0]?.id) ?? null;
    }
    if (!this.items.some(i => i.id === this.mapRun)) this.mapRun = this.items[0].id;
    this.render();
  }

  /** A run was deleted: drop it from what is shown. */
  drop(id) {
    if (!this.ids.includes(id)) return;
    const rest = this.ids.filter(x => x !== id);
    if (rest.length) this.show(rest);
    else { this.ids = []; this.items = []; this.renderEmpty(); }
  }

  /** KPIs of all shown runs, in the first run's order. */
  kpiList() {
    const seen = new Map();
    for (const it of this.items) for (const k of it.results?.kpis ?? []) if (!seen.has(k.id)) seen.set(k.id, k);
    return [...seen.values()];
  }

  kpiOf(item, id) { return (item.results?.kpis ?? []).find(k => k.id === id) ?? null; }

  /** One baseline for all runs when their baselines agree for every KPI. */
  sharedBaseline() {
    if (this.items.length < 2) return true;
    const [first, ...rest] = this.items;
    return this.kpiList().every(k => rest.every(it => close(this.kpiOf(first, k.id)?.baseline, this.kpiOf(it, k.id)?.baseline)));
  }

  // ---- rendering -----------------------------------------------------------------------------

  render() {
    this.root.dataset.state = 'ready';
    this.destroyChart();
    const kpis = this.kpiList();
    const shared = this.sharedBaseline();
    const kpiDef = kpis.find(k => k.id === this.kpi);

    const runsHead = h('ul', { class: 'result-runs' }, this.items.map(it => {
      const sw = h('span', { class: 'swatch' });
      sw.style.background = it.color;
      const def = it.detail?.definition;
      const start = def?.start?.kind === 'fork' ? t('plan.results.startFork') : def?.start?.date ? t('plan.results.startDay', { date: def.start.date }) : '';
      const meta = [start, Number.isFinite(Number(def?.horizonHours ?? it.detail?.horizonHours)) ? t('plan.runs.horizon', { h: formatNumber(def?.horizonHours ?? it.detail?.horizonHours) }) : ''].filter(Boolean).join(' · ');
      return h('li', { dataset: { runId: it.id } }, sw, h('span', { class: 'run-name', text: it.name }), meta ? h('span', { class: 'muted small', text: meta }) : null);
    }));

    // Pickers
    const kpiId = nextId('kpi');
    const kpiSelect = h('select', { id: kpiId, testid: 'scenario-kpi-select' });
    for (const k of kpis) kpiSelect.append(h('option', { value: k.id, text: k.unit ? `${kpiName(k)} (${unitText(k.unit)})` : kpiName(k) }));
    kpiSelect.value = this.kpi ?? '';
    kpiSelect.addEventListener('change', () => { this.kpi = kpiSelect.value; this.render(); /** @type {HTMLElement|null} */ (this.root.querySelector('[data-testid="scenario-kpi-select"]'))?.focus(); });
    const pickers = h('div', { class: 'result-pickers' },
      h('div', { class: 'plan-field' }, h('label', { for: kpiId, i18n: 'plan.results.kpi' }), kpiSelect));
    if (this.items.length > 1) {
      const runId = nextId('maprun');
      const runSelect = h('select', { id: runId, testid: 'scenario-map-run' });
      for (const it of this.items) runSelect.append(h('option', { value: it.id, text: it.name }));
      runSelect.value = this.mapRun;
      runSelect.addEventListener('change', () => { this.mapRun = runSelect.value; this.render(); /** @type {HTMLElement|null} */ (this.root.querySelector('[data-testid="scenario-map-run"]'))?.focus(); });
      pickers.append(h('div', { class: 'plan-field' }, h('label', { for: runId, i18n: 'plan.results.mapRun' }), runSelect));
    }

    // Chart
    const chartBox = h('div', { class: 'plan-chart', testid: 'scenario-chart', role: 'img' });
    chartBox.setAttribute('aria-label', t('plan.results.chartLabel', { kpi: kpiDef ? kpiName(kpiDef) : '' }));

    const money = moneySection(this.items);
    this.moneyChart = money.chart;
    const sections = [
      runsHead,
      this.problems?.length ? h('div', { class: 'plan-message warn', role: 'status' }, this.problems.map(p => h('p', { text: p }))) : null,
      pickers,
      h('section', { class: 'plan-section' }, h('h3', { text: t('plan.results.overTime', { kpi: kpiDef ? kpiName(kpiDef) : '' }) }), chartBox),
      h('section', { class: 'plan-section' }, h('h3', { i18n: 'plan.results.cityTotals' }), this.bandNote(), this.kpiTable(kpis, shared)),
      this.lenses.el(this.items),
      money.el,
      commentsSection(this.items),
      h('section', { class: 'plan-section' }, h('h3', { text: t('plan.results.byDistrict', { kpi: kpiDef ? kpiName(kpiDef) : '', run: this.itemById(this.mapRun)?.name ?? '' }) }), this.districtTable(kpiDef)),
      this.exports(),
    ];
    this.root.replaceChildren(.../** @type {HTMLElement[]} */ (sections.filter(Boolean)));
    this.chart = new ScenarioChart(chartBox);
    this.chart.setData(this.chartSpec(kpiDef, shared));
    this.paintMap();
  }

  itemById(id) { return this.items.find(i => i.id === id); }

  kpiTable(kpis, shared) {
    const multi = this.items.length > 1;
    const head = h('tr', {},
      h('th', { scope: 'col', i18n: 'plan.results.indicator' }),
      h('th', { scope: 'col', class: 'num', i18n: shared ? 'plan.results.baseline' : 'plan.results.baselineEach' }));
    if (multi) {
      for (const it of this.items) {
        const sw = h('span', { class: 'swatch' });
        sw.style.background = it.color;
        head.append(h('th', { scope: 'col', class: 'num run-col', title: it.name }, sw, h('span', { class: 'run-col-name', text: it.name })));
      }
    } else {
      head.append(
        h('th', { scope: 'col', class: 'num', i18n: 'plan.results.scenario' }),
        h('th', { scope: 'col', class: 'num', i18n: 'plan.results.delta' }),
        h('th', { scope: 'col', class: 'num', i18n: 'plan.results.deltaPercent' }));
      if (this.items[0]?.results?.uncertainty) head.append(h('th', { scope: 'col', class: 'num', i18n: 'plan.results.band' }));
    }
    const body = h('tbody');
    for (const k of kpis) {
      const tipId = nextId('tip');
      const better = String(k.better ?? 'lower').toLowerCase() === 'higher' ? 'higher' : 'lower';
      const tip = [
        kpiDefinition(k),
        k.isoTheme ? t('plan.results.isoTheme', { theme: k.isoTheme }) : '',
        t(better === 'higher' ? 'plan.results.higherBetter' : 'plan.results.lowerBetter'),
      ].filter(Boolean).join('\n');
      const nameBtn = h('button', { type: 'button', class: 'kpi-name', dataset: { tip }, 'aria-describedby': tipId, testid: 'kpi-name' },
        h('span', { text: kpiName(k) }),
        k.unit ? h('span', { class: 'unit muted', text: unitText(k.unit) }) : null);
      nameBtn.addEventListener('click', () => { this.kpi = k.id; this.render(); /** @type {HTMLElement|null} */ (this.root.querySelector(`[data-testid="kpi-row"][data-kpi="${CSS.escape(k.id)}"] .kpi-name`))?.focus(); });
      const row = h('tr', { testid: 'kpi-row', dataset: { kpi: k.id, better }, class: k.id === this.kpi ? 'current' : '' },
        h('th', { scope: 'row' }, nameBtn, h('span', { id: tipId, hidden: true, text: tip })));
      const first = this.kpiOf(this.items[0], k.id);
      row.append(h('td', { class: 'num', testid: 'kpi-baseline', text: shared ? fmtValue(first?.baseline) : t('plan.results.varies') }));
      if (multi) {
        for (const it of this.items) {
          const v = this.kpiOf(it, k.id);
          const cell = h('td', { class: 'num run-cell', dataset: { runId: it.id } },
            h('div', { class: 'value', testid: 'kpi-scenario', text: fmtValue(v?.scenario) }),
            this.deltaBadge(v, better, it.id, true),
            this.bandText(it, k.id) ? h('div', { class: 'band muted small', testid: 'kpi-band', text: this.bandText(it, k.id) }) : null);
          if (!shared) {
            cell.dataset.tip = t('plan.results.ownBaseline', { run: it.name, value: `${fmtValue(v?.baseline)}${k.unit ? ` ${unitText(k.unit)}` : ''}` });
            cell.tabIndex = 0;
          }
          row.append(cell);
        }
      } else {
        const v = first;
        row.append(
          h('td', { class: 'num', testid: 'kpi-scenario', text: fmtValue(v?.scenario) }),
          h('td', { class: 'num' }, this.deltaBadge(v, better, this.items[0].id, false)),
          h('td', { class: `num ${verdict(v?.delta, better, v?.baseline)}`, testid: 'kpi-delta-percent', text: fmtPercent(v?.deltaPercent) }));
        if (this.items[0]?.results?.uncertainty) row.append(h('td', { class: 'num band', testid: 'kpi-band', text: this.bandText(this.items[0], k.id) ?? '–' }));
      }
      body.append(row);
    }
    const table = h('table', { class: `plan-table kpi-table${multi ? ' multi' : ''}`, testid: 'kpi-table' },
      h('caption', { class: 'sr-only', i18n: 'plan.results.tableCaption' }),
      h('thead', {}, head), body);
    return h('div', { class: 'table-wrap' }, table);
  }

  /** Signed change with an arrow; colour says better or worse, the hidden text says it too. */
  deltaBadge(v, better, runId, withPercent) {
    const kind = verdict(v?.delta, better, v?.baseline);
    const d = Number(v?.delta);
    const arrow = kind === 'neutral' ? '' : d > 0 ? '▲ ' : '▼ ';
    const text = withPercent && v?.deltaPercent != null ? `${arrow}${fmtDelta(v?.delta)} (${fmtPercent(v?.deltaPercent)})` : `${arrow}${fmtDelta(v?.delta)}`;
    return h('span', { class: `delta ${kind}`, testid: 'kpi-delta', dataset: { delta: Number.isFinite(d) ? String(d) : '', runId, verdict: kind } },
      text, kind === 'neutral' ? null : h('span', { class: 'sr-only', text: ` (${t(kind === 'good' ? 'plan.results.better' : 'plan.results.worse')})` }));
  }

  districtTable(kpiDef) {
    const it = this.itemById(this.mapRun);
    const rows = (it?.results?.districts ?? []).map(d => ({ d, v: d.kpis?.[this.kpi] })).filter(x => x.v);
    if (!kpiDef || !rows.length) return h('p', { class: 'muted small', i18n: 'plan.results.noDistricts' });
    const better = String(kpiDef.better ?? 'lower').toLowerCase() === 'higher' ? 'higher' : 'lower';
    rows.sort((a, b) => localName(a.d).localeCompare(localName(b.d)));
    const table = h('table', { class: 'plan-table district-table', testid: 'district-table' },
      h('caption', { class: 'sr-only', text: t('plan.results.byDistrict', { kpi: kpiName(kpiDef), run: it.name }) }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', i18n: 'plan.results.district' }),
        h('th', { scope: 'col', class: 'num', i18n: 'plan.results.baseline' }),
        h('th', { scope: 'col', class: 'num', i18n: 'plan.results.scenario' }),
        h('th', { scope: 'col', class: 'num', i18n: 'plan.results.delta' }),
        h('th', { scope: 'col', class: 'num', i18n: 'plan.results.deltaPercent' }))),
      h('tbody', {}, rows.map(({ d, v }) => h('tr', { testid: 'district-row', dataset: { code: String(d.code) } },
        h('th', { scope: 'row', text: localName(d) || String(d.code) }),
        h('td', { class: 'num', text: fmtValue(v.baseline) }),
        h('td', { class: 'num', text: fmtValue(v.scenario) }),
        h('td', { class: 'num' }, this.deltaBadge(v, better, it.id, false)),
        h('td', { class: `num ${verdict(v.delta, better, v.baseline)}`, text: fmtPercent(v.deltaPercent) })))));
    return h('div', { class: 'table-wrap' }, table);
  }

  exports() {
    const it = this.itemById(this.mapRun);
    if (!it) return null;
    const urls = api.scenarios.exportUrls(it.id);
    return h('section', { class: 'plan-section exports' },
      h('h3', { text: this.items.length > 1 ? t('plan.results.exportsFor', { run: it.name }) : t('plan.results.exports') }),
      h('div', { class: 'row' },
        h('a', { class: 'btn small', href: urls.csv, download: `${slug(it.name)}-kpis.csv`, testid: 'export-csv', i18n: 'plan.results.exportCsv' }),
        h('a', { class: 'btn small', href: urls.geojson, download: `${slug(it.name)}-districts.geojson`, testid: 'export-geojson', i18n: 'plan.results.exportGeojson' }),
        it.results?.economics ? h('a', { class: 'btn small', href: urls.economics, download: `${slug(it.name)}-economics.csv`, testid: 'export-economics', i18n: 'plan.results.exportEconomics' }) : null,
        h('a', { class: 'btn small', href: urls.json, download: `${slug(it.name)}-results.json`, testid: 'export-json', i18n: 'plan.results.exportJson' }),
        h('a', { class: 'btn small', href: urls.definition, download: `${slug(it.name)}-definition.json`, testid: 'export-definition', i18n: 'plan.results.exportDefinition', i18nTitle: 'plan.results.exportDefinitionTitle' }),
        h('a', { class: 'btn small primary', href: urls.brief, target: '_blank', rel: 'noopener', testid: 'export-brief', i18nTitle: 'plan.results.briefTitle' },
          h('span', { i18n: 'plan.results.exportBrief' }), h('span', { 'aria-hidden': 'true', text: ' ↗' }))),
      this.items.length > 1 ? this.compareExports() : null);
  }

  /** The brief and CSV of every shown run side by side. */
  compareExports() {
    const urls = api.scenarios.compareUrls(this.items.map(i => i.id));
    return h('div', { class: 'row compare-exports' },
      h('a', { class: 'btn small', href: urls.csv, download: 'scenarios-compared.csv', testid: 'export-compare-csv', i18n: 'plan.results.exportCompareCsv' }),
      h('a', { class: 'btn small primary', href: urls.brief, target: '_blank', rel: 'noopener', testid: 'export-compare-brief' },
        h('span', { text: t('plan.results.exportCompareBrief', { n: this.items.length }) }), h('span', { 'aria-hidden': 'true', text: ' ↗' })));
  }

  chartSpec(kpiDef, shared) {
    const empty = { xs: [], series: [], unit: '', relative: false, hoursLabel: () => '' };
    if (!kpiDef) return empty;
    const times = this.items.map(it => (it.results?.times ?? []).map(x => toMillis(x) / 1000));
    const sameTimes = times.every(ts => ts.length === times[0].length && ts.every((x, i) => x === times[0][i]));
    // Different starts: put the runs side by side in hours since their start.
    const relative = !sameTimes;
    const xsOf = (ts) => (relative ? ts.map(x => Math.round(((x - ts[0]) / 3600) * 1e4) / 1e4) : ts);
    const all = new Set();
    for (const ts of times) for (const x of xsOf(ts)) if (Number.isFinite(x)) all.add(x);
    const xs = [...all].sort((a, b) => a - b);
    if (!xs.length) return empty;
    /** @type {Map<number, number>} */
    const index = new Map(xs.map((x, i) => [x, i]));
    const align = (ts, values) => {
      const out = new Array(xs.length).fill(null);
      xsOf(ts).forEach((x, i) => { const v = values?.[i]; if (index.has(x) && v != null && Number.isFinite(Number(v))) out[/** @type {number} */ (index.get(x))] = Number(v); });
      return out;
    };
    const series = [];
    this.items.forEach((it, i) => {
      const s = it.results?.series?.[this.kpi];
      if (!s) return;
      if (i === 0 || !shared) {
        series.push({
          label: shared ? t('plan.results.baseline') : t('plan.results.baselineOf', { run: it.name }),
          color: shared ? BASELINE_COLOR : fade(it.color), dash: [6, 4], values: align(times[i], s.baseline),
        });
      }
    });
    this.items.forEach((it, i) => {
      const s = it.results?.series?.[this.kpi];
      if (s) series.push({ label: it.name, color: it.color, values: align(times[i], s.scenario) });
    });
    // A run over several seeds: its scenario's 5th and 95th percentiles, the band between them filled
    // in the run's own colour (the legend names both edges).
    /** @type {{upper: number, lower: number, fill: string}[]} */
    const bands = [];
    this.items.forEach((it, i) => {
      const b = it.results?.uncertainty?.series?.[this.kpi];
      if (!b) return;
      const n = it.results.uncertainty.seeds?.length ?? 0;
      series.push({ label: t('plan.results.bandLow', { run: it.name, n }), color: fade(it.color), width: 1, values: align(times[i], b.scenarioLow) });
      series.push({ label: t('plan.results.bandHigh', { run: it.name, n }), color: fade(it.color), width: 1, values: align(times[i], b.scenarioHigh) });
      bands.push({ upper: series.length - 1, lower: series.length - 2, fill: `${it.color}33` });
    });
    const name = kpiName(kpiDef);
    // The series are rates per step (kW, veh·km/h), the table's totals are amounts (MWh, veh·km):
    // the chart's axis names the unit the series carry.
    const unit = unitText(this.items.map(it => it.results?.series?.[this.kpi]?.unit).find(u => u) ?? kpiDef.unit ?? '');
    // Axis titles: the KPI with its unit, and what the time axis counts in.
    const yTitle = unit ? `${name} (${unit})` : name;
    const xTitle = relative ? t('chart.hours') : t('chart.time', { zone: cityZoneName(xs[0] * 1000) });
    return { xs, series, bands, unit, yTitle, xTitle, relative, xLabel: t('plan.results.time'), hoursLabel: (v) => t('plan.results.hoursIn', { h: formatNumber(v) }) };
  }

  // ---- map ---------------------------------------------------------------------------------

  /** The delta choropleth shows while the Results tab is in view. */
  setMapActive(active) {
    this.mapActive = active;
    this.paintMap();
  }

  paintMap() {
    const { twin, legend } = this.ctx;
    const it = this.itemById(this.mapRun);
    const kpiDef = this.kpiList().find(k => k.id === this.kpi);
    if (!this.mapActive || !it || !kpiDef) {
      if (twin.deltaShown) twin.clearDistrictDelta();
      legend.hide();
      return;
    }
    const values = new Map();
    for (const d of it.results?.districts ?? []) {
      const v = d.kpis?.[this.kpi]?.delta;
      if (v != null && Number.isFinite(Number(v))) values.set(String(d.code), Number(v));
    }
    const better = String(kpiDef.better ?? 'lower').toLowerCase() === 'higher' ? 'higher' : 'lower';
    const scale = twin.showDistrictDelta(values, { better });
    legend.show({ kpiName: kpiName(kpiDef), unit: unitText(kpiDef.unit), runName: it.name, better, scale });
  }

  destroyChart() {
    this.chart?.destroy();
    this.chart = null;
    this.moneyChart?.destroy();
    this.moneyChart = null;
  }

  /** Says what the band is when a shown run repeated over seeds. */
  bandNote() {
    const n = Math.max(0, ...this.items.map(it => it.results?.uncertainty?.seeds?.length ?? 0));
    return n > 1 ? h('p', { class: 'muted small', testid: 'band-note', text: t('plan.results.bandNote', { n }) }) : null;
  }

  /** "median [p5 – p95]" of a KPI's change over seeds, or null. */
  bandText(item, kpiId) {
    const b = item?.results?.uncertainty?.kpis?.find(k => k.id === kpiId)?.delta;
    return b ? `${fmtDelta(b.median)} [${fmtDelta(b.low)} – ${fmtDelta(b.high)}]` : null;
  }
}

function fade(hex) { return `${hex}aa`; }

function slug(name) {
  return String(name ?? 'scenario').normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'scenario';
}
