// Build tab: how often a run repeats (seeds, for the uncertainty band) and the prices it is
// appraised at (tariff, carbon price, discount rate, years). The prices start at the city pack's
// sourced defaults, shown with their sources; a planner may change any of them for this run.
import { dynamic, h, nextId } from '../core/dom.js';
import { describe, errorsBox, numberInput } from '../core/forms.js';
import { formatNumber } from '../core/format.js';
import { t } from '../core/i18n.js';

/** The money fields: request name, label key, unit (after the currency), bounds as the server checks them. */
const MONEY = [
  { name: 'tariffPerKwh', label: 'plan.money.tariff', unit: '/kWh', min: 0, max: 10000 },
  { name: 'carbonPricePerTonne', label: 'plan.money.carbon', unit: '/t CO₂', min: 0, max: 10000000 },
  { name: 'discountRatePercent', label: 'plan.money.discount', unit: '%', min: 0, max: 30, plainUnit: true },
  { name: 'appraisalYears', label: 'plan.money.years', unit: 'plan.unit.years', min: 1, max: 100, integer: true, unitKey: true },
];

/**
 * Adds the section's fields to the builder and returns the section.
 * @param {import('./builder.js').ScenarioBuilder} b
 * @param {any} economics the catalog's economics defaults (null when the city pack has none)
 * @param {number} maxSeeds
 */
export function runOptionsSection(b, economics, maxSeeds) {
  b.seedCountInput = numberInput({ testid: 'scenario-seed-count', value: 1, min: 1, max: maxSeeds, step: 1 });
  const seeds = b.numberCell('seedCount', 'plan.build.seedCount', b.seedCountInput, { min: 1, max: maxSeeds, integer: true }, () => null, 'plan.build.seedCountHint');

  /** @type {Record<string, HTMLInputElement>} */
  const inputs = {};
  const currency = economics?.currency ?? '';
  const cells = MONEY.map(f => {
    const dflt = economics ? economics[f.name] : null;
    const input = numberInput({ testid: `money-${f.name}`, value: dflt, min: f.min, max: f.max, step: f.integer ? 1 : 'any' });
    inputs[f.name] = input;
    const id = input.id = nextId('m');
    // Worded units and the default's hint follow a language change (dynamic, refreshed by the builder).
    const unit = () => (f.unitKey ? t(f.unit) : f.plainUnit ? f.unit : `${currency}${f.unit}`);
    const source = economics?.sources?.[f.name];
    const hint = dynamic(h('p', { class: 'muted small hint' }), el => { el.textContent = dflt != null ? t('plan.money.default', { value: formatNumber(dflt, 6) }) : ''; });
    const about = source ? h('details', { class: 'muted small source' }, h('summary', { i18n: 'plan.money.source' }), h('p', { text: source })) : null;
    const err = errorsBox();
    describe(input, hint, err);
    b.addField({
      path: () => `economics.${f.name}`, errorsEl: err, inputs: [input],
      check: () => (input.value.trim() === '' ? null : checkRange(input, f, unit())),
    });
    return h('div', { class: 'plan-field', dataset: { money: f.name } },
      h('label', { for: id, i18n: f.label }),
      h('div', { class: 'input-unit' }, input, dynamic(h('span', { class: 'unit' }), el => { el.textContent = unit(); })),
      hint, about, err);
  });
  b.moneyInputs = inputs;
  return h('section', { class: 'plan-section', testid: 'run-options' },
    h('h3', { i18n: 'plan.build.repeatAndMoney' }),
    h('div', { class: 'plan-grid-3' }, seeds),
    h('p', { class: 'muted small', i18n: economics ? 'plan.money.hint' : 'plan.money.noDefaults' }),
    h('div', { class: 'plan-grid-2 money-grid' }, cells));
}

function checkRange(input, f, unit) {
  const v = Number(input.value);
  if (input.validity.badInput || !Number.isFinite(v)) return t('plan.err.number');
  if (f.integer && !Number.isInteger(v)) return t('plan.err.integer');
  if (v < f.min || v > f.max) return t('plan.err.range', { min: formatNumber(f.min, 6), max: formatNumber(f.max, 6), unit: ` ${unit}` });
  return null;
}

/**
 * The request's seedCount and economics: a price left empty takes the city pack's default.
 * @param {import('./builder.js').ScenarioBuilder} b
 */
export function runOptionsBody(b) {
  /** @type {Record<string, number>} */
  const economics = {};
  for (const [name, input] of Object.entries(b.moneyInputs ?? {})) if (input.value.trim() !== '') economics[name] = Number(input.value);
  return { seedCount: Number(b.seedCountInput?.value ?? 1), economics: Object.keys(economics).length ? economics : null };
}
