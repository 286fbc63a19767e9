// How a performance score reads: its number and a colour band (on target, close, behind).
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
