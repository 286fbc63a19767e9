// Time series of one KPI for the Results tab: the baseline (dashed) against each scenario.
import uPlot from 'uplot';
import { cityTimeZone, formatDate, formatNumber, formatTime } from '../core/format.js';

const HEIGHT = 230;
const AXIS_TITLE_FONT = '11px system-ui, sans-serif';
const DAY_S = 86400;

export class ScenarioChart {
  constructor(container) {
    this.container = container;
    this.plot = null;
    this.spec = null;
    this.resizeObserver = new ResizeObserver(() => this.plot?.setSize(this.size()));
    this.resizeObserver.observe(container);
  }

  size() { return { width: Math.max(220, Math.floor(this.container.clientWidth)), height: HEIGHT }; }

  /**
   * @param {{xs: number[], relative: boolean, unit: string, hoursLabel: (h: number) => string,
   *          xLabel?: string, yTitle?: string, xTitle?: string, series: {label: string, color: string, values: (number|null)[], dash?: number[], width?: number}[],
   *          bands?: {upper: number, lower: number, fill: string}[], ySize?: number}} spec
   *   xs: seconds since the epoch, or hours since the start when `relative` (runs with different starts)
   *   bands: the area between two of the series (indices into `series`) is filled: a 90 % band over seeds
   */
  setData(spec) {
    this.spec = spec;
    this.plot?.destroy();
    this.plot = null;
    this.container.replaceChildren();
    if (!spec.xs.length || !spec.series.length) return;
    const { unit = '', relative } = spec;
    const axis = { stroke: '#9fb0c3', grid: { stroke: 'rgba(255,255,255,0.07)', width: 1 }, ticks: { stroke: 'rgba(255,255,255,0.15)', width: 1 }, font: '11px system-ui, sans-serif' };
    const span = spec.xs[spec.xs.length - 1] - spec.xs[0];
    const xValue = (v) => {
      if (v == null) return '';
      if (relative) return spec.hoursLabel(v);
      const ms = v * 1000;
      return span > DAY_S ? `${formatDate(ms)} ${formatTime(ms, { seconds: false })}` : formatTime(ms, { seconds: false });
    };
    /** @type {uPlot.Options} */
    const opts = {
      ...this.size(),
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false }, points: { size: 6 } },
      scales: {
        x: { time: !relative },
        y: {
          range: (u, min, max) => {
            if (min == null || max == null) return [0, 1];
            let lo = min, hi = max;
            if (lo > 0 && lo < hi * 0.4) lo = 0;
            if (hi === lo) { hi += Math.abs(hi) * 0.1 || 1; lo -= Math.abs(lo) * 0.1; }
            const pad = (hi - lo) * 0.08;
            return [lo === 0 ? 0 : lo - pad, hi + pad];
          },
        },
      },
      axes: [
        {
          ...axis,
          space: 70,
          label: spec.xTitle,
          labelSize: spec.xTitle ? 18 : 0,
          labelFont: AXIS_TITLE_FONT,
          values: (u, ticks) => ticks.map(v => (relative ? spec.hoursLabel(v)
            : span > 2 * DAY_S ? formatDate(v * 1000) : formatTime(v * 1000, { seconds: false }))),
        },
        // The unit is named on the axis itself, so the chart reads without its legend.
        { ...axis, size: spec.ySize ?? 56, space: 24, label: spec.yTitle ?? unit, labelSize: 18, labelFont: AXIS_TITLE_FONT, values: (u, ticks) => ticks.map(v => formatNumber(v)) },
      ],
      series: [
        { label: spec.xLabel ?? '', value: (u, v) => xValue(v) },
        ...spec.series.map(s => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? (s.dash ? 1.6 : 2.2),
          dash: s.dash,
          points: { show: spec.xs.length < 4 },
          value: (u, v) => (v == null ? '–' : `${formatNumber(v)}${unit ? ` ${unit}` : ''}`),
        })),
      ],
    };
    if (spec.bands?.length) opts.bands = spec.bands.map(b => ({ series: [b.upper + 1, b.lower + 1], fill: b.fill }));
    if (!relative) opts.tzDate = (ts) => uPlot.tzDate(new Date(ts * 1000), cityTimeZone());
    this.plot = new uPlot(opts, [spec.xs, ...spec.series.map(s => s.values)], this.container);
  }

  /** Titles of the x and y axes as drawn (uPlot paints them on the canvas). @returns {string[]} */
  get axisTitles() { return (this.plot?.axes ?? []).map(a => String(a.label ?? '')); }

  /** Redraws with the same data (labels and number formats follow the language). */
  refresh() { if (this.spec) this.setData(this.spec); }

  destroy() {
    this.resizeObserver.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }
}
