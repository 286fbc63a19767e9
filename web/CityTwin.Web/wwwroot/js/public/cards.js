// One card per indicator for the chosen area: the figure against its target, the score, the trend,
// what the ISO indicator means, where the data comes from, and (for planners and admins) the
// form that sets the city's target.
import { h } from '../core/dom.js';
import { formatDate, formatTime, toMillis } from '../core/format.js';
import { language, t } from '../core/i18n.js';
import { ProblemError } from '../core/api.js';
import { formatFigure, scoreBand, scoreText } from './score.js';
import { drawTrend } from './trend.js';

/** @type {{destroy: () => void}[]} */
let charts = [];

/**
 * @param {HTMLElement} container
 * @param {import('./model.js').PublicIndicators} data
 * @param {import('./model.js').Area} area
 * @param {{canSetTargets: boolean, setTarget: (id: string, value: number) => Promise<void>}} options
 */
export function renderCards(container, data, area, options) {
  for (const c of charts) c.destroy();
  charts = [];
  container.replaceChildren(...data.indicators.map(info => {
    const figure = area.figures.find(f => f.indicator === info.id);
    return card(info, figure, options);
  }));
  // Charts size themselves to their card, so they are drawn once the cards are in the page.
  for (const info of data.indicators) {
    const figure = area.figures.find(f => f.indicator === info.id);
    const box = /** @type {HTMLElement|null} */ (container.querySelector(`[data-indicator="${info.id}"] .pv-trend`));
    if (!box || !figure) continue;
    const chart = drawTrend(box, { points: figure.trend, target: info.target, unit: info.unit, label: indicatorName(info), targetLabel: t('public.target') });
    if (chart) charts.push(chart);
    else box.append(h('p', { class: 'pv-muted', i18n: 'public.noTrend' }));
  }
}

/** @param {import('./model.js').IndicatorInfo} info */
export function indicatorName(info) { return info.names?.[language()] || info.name; }

/**
 * @param {import('./model.js').IndicatorInfo} info
 * @param {import('./model.js').Figure|undefined} figure
 * @param {{canSetTargets: boolean, setTarget: (id: string, value: number) => Promise<void>}} options
 */
function card(info, figure, options) {
  const band = scoreBand(figure?.score);
  const updated = toMillis(figure?.updatedAt);
  return h('article', { class: `pv-card pv-${band}`, dataset: { indicator: info.id }, testid: `indicator-${info.id}` },
    h('header', { class: 'pv-card-head' },
      h('span', { class: 'pv-iso', title: info.name }, `${info.standard} · ${info.number}`),
      h('span', { class: `pv-badge ${info.synthetic ? 'pv-synthetic' : 'pv-real'}`, i18n: info.synthetic ? 'public.synthetic' : 'public.real' })),
    h('h3', { class: 'pv-card-title' }, indicatorName(info)),
    h('div', { class: 'pv-figure' },
      h('span', { class: 'pv-value', testid: 'figure-value' }, formatFigure(figure?.value)),
      h('span', { class: 'pv-unit' }, info.unit),
      h('span', { class: `pv-score pv-${band}`, title: t('public.scoreHelp') }, `${t('public.score')} ${scoreText(figure?.score)}`)),
    h('div', { class: 'pv-target-line' },
      h('span', {}, t('public.targetIs', { value: formatFigure(info.target), unit: info.unit, better: t(info.better === 'lower' ? 'public.lowerBetter' : 'public.higherBetter') }))),
    h('div', { class: 'pv-trend' }),
    h('details', { class: 'pv-details' },
      h('summary', { i18n: 'public.about' }),
      h('p', {}, info.definition),
      h('p', { class: 'pv-source' }, h('b', { i18n: 'public.dataSource' }), ' ', info.dataSource),
      h('p', { class: 'pv-source' }, h('b', { i18n: 'public.targetSource' }), ' ',
        info.targetSetAt ? t('public.targetSetOn', { date: formatDate(toMillis(info.targetSetAt)) }) : info.targetSource)),
    h('p', { class: 'pv-updated' }, t('public.updated', {
      time: Number.isFinite(updated) ? `${formatDate(updated)} ${formatTime(updated, { seconds: false })}` : '–',
    }), ' ', figure?.latest == null ? '' : t('public.latest', { value: formatFigure(figure.latest), unit: info.unit })),
    options.canSetTargets ? targetForm(info, options.setTarget) : null);
}

/**
 * @param {import('./model.js').IndicatorInfo} info
 * @param {(id: string, value: number) => Promise<void>} setTarget
 */
function targetForm(info, setTarget) {
  const input = h('input', {
    type: 'number', class: 'pv-target-input', value: String(info.target), min: String(info.targetMin), max: String(info.targetMax), step: 'any',
    'aria-label': t('public.newTarget', { unit: info.unit }), testid: `target-input-${info.id}`,
  });
  const message = h('span', { class: 'pv-form-message', role: 'status' });
  const button = h('button', { type: 'submit', class: 'pv-button', i18n: 'public.setTarget', testid: `target-save-${info.id}` });
  // The range is checked here, in the visitor's language, before anything is sent; the server checks it again.
  const form = h('form', { class: 'pv-target-form', novalidate: true },
    h('label', {}, h('span', {}, t('public.newTarget', { unit: info.unit })), input), button, message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = input.value.trim() === '' ? NaN : Number(input.value);
    if (!Number.isFinite(value) || value < info.targetMin || value > info.targetMax) {
      message.textContent = t('public.targetRange', { min: formatFigure(info.targetMin), max: formatFigure(info.targetMax), unit: info.unit });
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    button.disabled = true;
    message.textContent = t('public.saving');
    try {
      await setTarget(info.id, value);
      message.textContent = t('public.saved');
    } catch (err) {
      message.textContent = err instanceof ProblemError
        ? (err.errors.value?.[0] ?? err.detail ?? err.title)
        : t('public.saveFailed');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
