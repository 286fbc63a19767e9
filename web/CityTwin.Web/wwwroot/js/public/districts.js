// The performance index of each district as horizontal bars against the 1.0 (on target) line.
import { h } from '../core/dom.js';
import { localName } from '../core/i18n.js';
import { scoreBand, scoreText } from './score.js';

/**
 * @param {HTMLElement} container
 * @param {import('./model.js').Area[]} districts
 * @param {number} cap the highest score an indicator can reach
 * @param {(code: string) => void} onPick shows a district's indicators
 */
export function renderDistricts(container, districts, cap, onPick) {
  const sorted = [...districts].sort((a, b) => (b.performanceIndex ?? -1) - (a.performanceIndex ?? -1));
  container.replaceChildren(...sorted.map(d => {
    const width = d.performanceIndex == null ? 0 : Math.min(100, (d.performanceIndex / cap) * 100);
    const fill = h('span', { class: `pv-bar-fill pv-${scoreBand(d.performanceIndex)}` });
    fill.style.width = `${width.toFixed(1)}%`;
    const line = h('span', { class: 'pv-bar-target', i18nTitle: 'public.onTarget' });
    line.style.left = `${(100 / cap).toFixed(2)}%`;
    return h('button', {
      type: 'button', class: 'pv-bar', role: 'listitem', dataset: { code: d.code, index: String(d.performanceIndex ?? '') },
      on: { click: () => onPick(d.code) },
    },
    h('span', { class: 'pv-bar-name' }, localName(d)),
    h('span', { class: 'pv-bar-track' }, fill, line),
    h('span', { class: 'pv-bar-value' }, scoreText(d.performanceIndex)));
  }));
}
