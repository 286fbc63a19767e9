// How a performance score reads: its number and a colour band (on target, close, behind).
import { formatNumber } from '../core/format.js';

/** @param {number|null|undefined} score */
export function scoreText(score) { return score == null ? '–' : formatNumber(score, 2); }

/**
 * 'good' at or above target, 'near' within 20 % of it, 'behind' further away, 'none' without a figure.
 * @param {number|null|undefined} score
 */
export function scoreBand(score) {
  if (score == null) return 'none';
  return score >= 1 ? 'good' : score >= 0.8 ? 'near' : 'behind';
}
