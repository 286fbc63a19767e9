// Results tab: costs and payback of the shown runs — capital, operating cost, yearly savings, simple
// payback and net present value of each run (with the 90 % band when it repeated over seeds), and
// their cumulative cash flow in one chart (millions of the currency by year).
import { h } from '../core/dom.js';
import { numberLocale, t } from '../core/i18n.js';
import { ScenarioChart } from './chart.js';

/** Millions, one decimal, in the UI's language. @param {number|null|undefined} v */
export function millions(v) {
  if (v == null || !Number.isFinite(Number(v))) return '–';
  return new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(Number(v) / 1e6);
}

/** Years to pay back, or "never". @param {number|null|undefined} v */
export function years(v) {
  if (v == null || !Number.isFinite(Number(v))) return t('plan.money.never');
  return t('plan.money.yearsValue', { n: new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: Number(v) < 10 ? 1 : 0 }).format(Number(v)) });
}

/**
 * The section, or a note when no shown run was appraised; `chart` is the cash-flow chart to destroy with the view.
 * @param {{id: string, name: string, color: string, results: any}[]} items
 * @returns {{el: HTMLElement, chart: ScenarioChart|null}}
 */
export function moneySection(items) {
  const appraised = items.filter(it => it.results?.economics);
  const title = h('h3', { i18n: 'plan.money.title' });
  if (!appraised.length) return { el: h('section', { class: 'plan-section', testid: 'money-section' }, title, h('p', { class: 'muted small', i18n: 'plan.money.none' })), chart: null };
  const currency = appraised[0].results.economics.currency;
  const cards = appraised.map(it => moneyCard(it));
  const first = appraised[0].results;
  const hours = (first.times?.length ?? 0) * Number(first.stepMinutes ?? 0) / 60;
  const note = h('p', { class: 'muted small', testid: 'money-note', text: t('plan.money.annualised', { hours: formatPlain(hours), factor: formatPlain(first.economics.annualisationFactor) }) });
  const chartBox = h('div', { class: 'plan-chart cashflow', testid: 'cashflow-chart', role: 'img' });
  chartBox.setAttribute('aria-label', t('plan.money.chartLabel', { currency }));
  const el = h('section', { class: 'plan-section', testid: 'money-section' },
    title,
    h('div', { class: 'money-cards' }, cards),
    h('h4', { class: 'chart-title', text: t('plan.money.cashflow', { currency }) }),
    chartBox,
    note);
  const yearsCount = Math.max(...appraised.map(it => it.results.economics.cumulativeCashFlow?.length ?? 0));
  const xs = Array.from({ length: yearsCount }, (_, i) => i);
  const chart = new ScenarioChart(chartBox);
  chart.setData({
    xs,
    relative: true,
    ySize: 84,
    unit: t('plan.money.millionsOf', { currency }),
    yTitle: t('plan.money.axis', { currency }),
    xTitle: t('plan.money.yearsAxis'),
    xLabel: t('plan.money.yearsAxis'),
    hoursLabel: (v) => String(v),
    series: appraised.map(it => ({
      label: it.name,
      color: it.color,
      values: xs.map(i => { const v = it.results.economics.cumulativeCashFlow?.[i]; return v == null ? null : v / 1e6; }),
    })),
  });
  return { el, chart };
}

function moneyCard(it) {
  const e = it.results.economics;
  const c = e.city;
  const band = it.results.uncertainty?.economics;
  const seeds = it.results.uncertainty?.seeds?.length ?? 1;
  const sw = h('span', { class: 'swatch' });
  sw.style.background = it.color;
  const row = (key, value, testid, bandText) => h('div', { class: 'money-row', testid },
    h('dt', { i18n: key }),
    h('dd', {}, h('span', { class: 'value', text: value }), bandText ? h('span', { class: 'band muted small', testid: `${testid}-band`, text: bandText }) : null));
  // The card's values are the first seed's run; the band line gives the median over the seeds and its 90 % band.
  const range = (b) => (b ? `${t('plan.money.band', { n: seeds })}: ${millions(b.median)} [${millions(b.low)} – ${millions(b.high)}]` : '');
  return h('article', { class: 'money-card', testid: 'money-card', dataset: { runId: it.id } },
    h('header', {}, sw, h('span', { class: 'run-name', text: it.name })),
    h('dl', {},
      row('plan.money.capex', millions(c.capex), 'money-capex'),
      row('plan.money.opex', millions(c.opexPerYear), 'money-opex'),
      row('plan.money.savings', millions(c.energySavingsPerYear + c.carbonSavingsPerYear), 'money-savings', range(band?.savingsPerYear)),
      row('plan.money.net', millions(c.netPerYear), 'money-net', range(band?.netPerYear)),
      row('plan.money.payback', years(c.paybackYears), 'money-payback',
        band ? `${t('plan.money.band', { n: seeds })}: ${years(band.paybackYears?.median)} [${years(band.paybackYears?.low)} – ${years(band.paybackYears?.high)}]` : ''),
      row('plan.money.npv', millions(c.npv), 'money-npv', range(band?.npv))),
    h('p', { class: 'muted small', text: t('plan.money.assumptions', {
      tariff: formatPlain(e.tariffPerKwh), carbon: formatPlain(e.carbonPricePerTonne), rate: formatPlain(e.discountRatePercent), years: e.appraisalYears, currency: e.currency,
    }) }));
}

function formatPlain(v) {
  return new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: 2 }).format(Number(v) || 0);
}
