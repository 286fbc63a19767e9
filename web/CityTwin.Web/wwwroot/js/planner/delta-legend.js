// Map legend for the scenario delta choropleth: diverging scale, units, which end is better.
import { formatNumber } from '../core/format.js';
import { t } from '../core/i18n.js';
import { NO_DATA } from '../map/kpis.js';
import { h } from '../core/dom.js';

export class DeltaLegend {
  constructor(stage) {
    this.el = h('section', { class: 'panel delta-legend', testid: 'delta-legend', hidden: true, 'aria-live': 'polite' });
    stage.append(this.el);
    this.spec = null;
  }

  /**
   * @param {{kpiName: string, unit: string, runName: string, better: 'lower'|'higher',
   *          scale: {stops: number[], colors: string[], max: number}}} spec
   */
  show(spec) {
    this.spec = spec;
    this.render();
    this.el.hidden = false;
    // The live legend's scale would contradict the map meanwhile (planner.css hides it).
    document.body.dataset.planDelta = 'true';
  }

  hide() {
    this.spec = null;
    this.el.hidden = true;
    this.el.replaceChildren();
    delete document.body.dataset.planDelta;
  }

  render() {
    const s = this.spec;
    if (!s) return;
    const { stops, colors, max } = s.scale;
    const digits = max >= 100 ? 0 : max >= 1 ? 1 : 3;
    const signed = (v) => (v > 0 ? '+' : '') + formatNumber(v, digits);
    const ramp = h('div', { class: 'ramp', role: 'img' });
    ramp.style.background = `linear-gradient(to right, ${colors.join(', ')})`;
    ramp.setAttribute('aria-label', t('plan.legend.scaleLabel', { min: signed(stops[0]), max: signed(stops[stops.length - 1]), unit: s.unit }));
    const ticks = h('div', { class: 'ticks' }, stops.map((v, i) => {
      const span = h('span', { text: signed(v) });
      span.style.left = `${(i / (stops.length - 1)) * 100}%`;
      return span;
    }));
    const lowerIsBetter = s.better !== 'higher';
    const ends = h('div', { class: 'ends small' },
      h('span', { class: lowerIsBetter ? 'good' : 'bad', text: lowerIsBetter ? t('plan.legend.better') : t('plan.legend.worse') }),
      h('span', { class: 'muted', text: t('plan.legend.noChange') }),
      h('span', { class: lowerIsBetter ? 'bad' : 'good', text: lowerIsBetter ? t('plan.legend.worse') : t('plan.legend.better') }));
    const sw = h('span', { class: 'swatch' });
    sw.style.background = NO_DATA;
    this.el.replaceChildren(
      h('h2', { text: t('plan.legend.title', { kpi: s.kpiName }) }),
      h('p', { class: 'muted small legend-run', text: s.runName }),
      ramp, ticks, ends,
      h('div', { class: 'scale-foot' },
        h('span', { class: 'unit', text: s.unit ? t('plan.legend.unit', { unit: s.unit }) : '' }),
        h('span', { class: 'nodata' }, sw, t('legend.noData'))));
  }
}
