// A small trend chart of one indicator in one area, with its target as a dashed line.
import uPlot from 'uplot';
import { cityTimeZone, formatNumber, formatTime } from '../core/format.js';

const HEIGHT = 120;

/**
 * Draws (or redraws) the trend into `container`; returns the chart so the caller can destroy it.
 * @param {HTMLElement} container
 * @param {{points: import('./model.js').TrendPoint[], target: number, unit: string, label: string, targetLabel: string}} spec
 * @returns {uPlot|null}
 */
export function drawTrend(container, spec) {
  container.replaceChildren();
  if (spec.points.length < 2) return null;
  const xs = spec.points.map(p => Date.parse(p.at) / 1000);
  const ys = spec.points.map(p => p.value);
  const axis = { stroke: '#4b5b6e', grid: { stroke: 'rgba(0,0,0,0.07)', width: 1 }, ticks: { stroke: 'rgba(0,0,0,0.15)', width: 1 }, font: '10px system-ui, sans-serif' };
  /** @type {uPlot.Options} */
  const opts = {
    width: Math.max(200, Math.floor(container.clientWidth || 280)),
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 5 } },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), cityTimeZone()),
    scales: {
      y: {
        range: (u, min, max) => {
          const lo = Math.min(min ?? spec.target, spec.target), hi = Math.max(max ?? spec.target, spec.target);
          const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
          return [Math.max(0, lo - pad), hi + pad];
        },
      },
    },
    axes: [
      { ...axis, space: 60, values: (u, ticks) => ticks.map(v => formatTime(v * 1000, { seconds: false })) },
      { ...axis, size: 48, space: 20, values: (u, ticks) => ticks.map(v => formatNumber(v)) },
    ],
    series: [
      {},
      { label: spec.label, stroke: '#1565c0', width: 2, fill: 'rgba(21,101,192,0.08)' },
      { label: spec.targetLabel, stroke: '#2e7d32', width: 1.5, dash: [5, 4], points: { show: false } },
    ],
  };
  return new uPlot(opts, [xs, ys, xs.map(() => spec.target)], container);
}
