// Shared form code: number checks with readable messages, a validated field that shows its own
// and the server's messages, and the mapping from a server error path to the field it is about.
import { h, nextId } from './dom.js';
import { formatNumber } from './format.js';
import { t } from './i18n.js';

/** @param {number} v @param {number|null} [lo] @param {number|null} [hi] */
export const clamp = (v, lo, hi) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, v));
/** A number, or null when x is empty or not a number. @param {unknown} x @returns {number|null} */
export const num = (x) => (x == null || x === '' || !Number.isFinite(Number(x)) ? null : Number(x));

/**
 * Message for a number input, or null when the value is fine.
 * @param {HTMLInputElement} input
 * @param {{min?: number|null, max?: number|null, integer?: boolean, unit?: string}} [rule]
 * @returns {string|null}
 */
export function checkNumber(input, { min = null, max = null, integer = false, unit = '' } = {}) {
  if (input.validity.badInput) return t('plan.err.number');
  const raw = input.value.trim();
  if (raw === '') return t('plan.err.required');
  const v = Number(raw);
  if (!Number.isFinite(v)) return t('plan.err.number');
  if (integer && !Number.isInteger(v)) return t('plan.err.integer');
  const u = unit ? ` ${unit}` : '';
  if ((min != null && v < min) || (max != null && v > max)) {
    if (min != null && max != null) return t('plan.err.range', { min: formatNumber(min, 6), max: formatNumber(max, 6), unit: u });
    if (min != null) return t('plan.err.min', { min: formatNumber(min, 6), unit: u });
    return t('plan.err.max', { max: formatNumber(max, 6), unit: u });
  }
  return null;
}

/** "from 1 to 10 h" and the like. @param {{min?: number|null, max?: number|null, unit?: string}} rule */
export function rangeText({ min, max, unit }) {
  const u = unit ? ` ${unit}` : '';
  if (min != null && max != null) return t('plan.build.rangeHint', { min: formatNumber(min, 6), max: formatNumber(max, 6), unit: u });
  if (min != null) return t('plan.build.minHint', { min: formatNumber(min, 6), unit: u });
  if (max != null) return t('plan.build.maxHint', { max: formatNumber(max, 6), unit: u });
  return '';
}

/** One validated input: its server path, where its messages go and how to check it. */
export class Field {
  constructor({ path, errorsEl, inputs = [], check = () => null }) {
    this.path = path;
    this.errorsEl = errorsEl;
    this.inputs = inputs;
    this.check = check;
    this.server = [];
    this.message = null;
    this.shown = '';
  }

  paint() {
    const messages = [...(this.message ? [this.message] : []), ...this.server];
    // Only touch the DOM on a change: the box is a live region, and re-adding the same text on
    // every keystroke would make screen readers repeat it.
    const key = messages.join('\n');
    if (key === this.shown) return;
    this.shown = key;
    this.errorsEl.replaceChildren(...messages.map(m => h('p', { class: 'field-error', testid: 'field-error', text: m })));
    const invalid = messages.length > 0;
    for (const i of this.inputs) {
      if (invalid) i.setAttribute('aria-invalid', 'true');
      else i.removeAttribute('aria-invalid');
    }
  }
}

export function errorsBox() { return h('div', { class: 'field-errors', id: nextId('err'), 'aria-live': 'polite' }); }

/** Wires an input to its messages for assistive technology. */
export function describe(input, ...els) {
  const ids = els.filter(Boolean).map(e => e.id || (e.id = nextId('desc')));
  input.setAttribute('aria-describedby', ids.join(' '));
}

/**
 * A number input with its limits.
 * @param {{testid: string, value?: number|null, min?: number|null, max?: number|null, step?: number|'any'}} options
 */
export function numberInput({ testid, value, min, max, step = 'any' }) {
  const input = h('input', { type: 'number', class: 'num', testid, step, inputmode: 'decimal' });
  if (min != null) input.min = String(min);
  if (max != null) input.max = String(max);
  if (value != null) input.value = String(value);
  return input;
}

/**
 * Gives each server message to the field it is about, or to the closest enclosing field
 * ("interventions[1].parameters.x" falls back to "interventions[1]"); returns the messages that
 * belong to no field, prefixed with their path.
 * @param {Iterable<Field>} fields
 * @param {Record<string, string[]>} errors path → messages, as ProblemError has them
 * @returns {string[]}
 */
export function assignServerErrors(fields, errors) {
  const byPath = new Map();
  for (const f of fields) byPath.set(normPath(f.path()), f);
  const general = [];
  for (const [key, messages] of Object.entries(errors)) {
    let path = normPath(key);
    let field = byPath.get(path);
    while (!field && path) {
      path = parentPath(path);
      field = byPath.get(path);
    }
    if (field) field.server.push(...messages);
    else general.push(...messages.map(m => (key ? `${key}: ${m}` : m)));
  }
  return general;
}

/** "$.Interventions[1].Parameters.SharePercent" → "interventions[1].parameters.sharepercent". */
export function normPath(p) {
  return String(p ?? '').trim().replace(/^\$\.?/, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]').toLowerCase();
}

export function parentPath(p) {
  const m = /^(.*?)(\.[^.[\]]+|\[\d+\])$/.exec(p);
  return m ? m[1] : '';
}

export function parseIds(text) {
  return [...new Set(String(text ?? '').split(/[\s,;]+/).map(s => s.trim()).filter(Boolean))];
}
