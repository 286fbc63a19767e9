// How a performance score reads: its number and a colour band (on target, close, behind).
import { formatNumber } from '../core/format.js';
import { numberLocale } from '../core/i18n.js';

/** Always two decimals (0.80, 1.05): scores are read against 1.00. @param {number|null|undefined} score */
export function scoreText(score) {
  return score == null || !Number.isFinite(score) ? '–'
    : new Intl.NumberFormat(numberLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(score);
}

/**
 * 'good' at or above target, 'near' within 20 % of it, 'behind' further away, 'none' without a figure.
 * @param {number|null|undefined} score
 */
export function scoreBand(score) {
  if (score == null) return 'none';
  return score >= 1 ? 'good' : score >= 0.8 ? 'near' : 'behind';
}

/**
 * A figure or target to three significant digits (4.97, 17.6, 0.262; 3.75 stays 3.75), whole
 * numbers from 1,000 up, in the language's number format.
 * @param {number|null|undefined} v
 */
export function formatFigure(v) {
  if (v == null || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return formatNumber(v, a === 0 || a >= 1000 ? 0 : Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(a)))));
}
