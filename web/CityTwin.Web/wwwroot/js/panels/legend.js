// Legend: KPI selector and its colour scale, asset status colours, layer toggles.
import { $ } from '../core/dom.js';
import { formatNumber } from '../core/format.js';
import { label, onLanguageChange, t } from '../core/i18n.js';
import { CHOROPLETH_KPIS, NO_DATA, RAMP, kpiDigits, kpiUnit } from '../map/kpis.js';
import { ASSET_ZOOM, DONG_ZOOM } from '../map/map.js';
import { STATUSES, STATUS_COLORS } from '../map/status.js';

const POINT_KINDS = ['traffic', 'streetlight', 'air', 'substation', 'flood', 'ev', 'pump'];

export class Legend {
  /**
   * @param {HTMLElement} root the [data-testid=legend] element
   * @param {import('../map/map.js').TwinMap} twin
   * @param {{assetCounts?: object, onKpiChange: (k: string) => void, onSitesVisible?: (visible: boolean) => void}} options
   */
  constructor(root, twin, options) {
    this.root = root;
    this.twin = twin;
    this.options = options;
    /** @type {HTMLSelectElement} */
    this.kpiSelect = $('[data-testid="kpi-select"]', root);
    this.scaleEl = $('#legend-scale', root);
    this.levelEl = $('#legend-level', root);
    this.statusEl = $('#legend-status', root);
    this.kindsEl = $('#legend-kinds', root);
    this.toggle = $('#legend-toggle', root);
    const checked = (/** @type {Event} */ e) => /** @type {HTMLInputElement} */ (e.target).checked;

    this.kpiSelect.addEventListener('change', () => this.options.onKpiChange(this.kpiSelect.value));
    this.toggle.addEventListener('click', () => this.setCollapsed(!root.classList.contains('collapsed')));
    // Phones and narrow windows (the CSS sheet breakpoint): start folded, the map comes first.
    if (window.matchMedia('(max-width: 900px)').matches) this.setCollapsed(true);

    for (const [id, layer] of [['layer-buildings', 'buildings'], ['layer-roads', 'roads']]) {
      $(`#${id}`, root).addEventListener('change', e => twin.setLayerVisible(layer, checked(e)));
    }
    $('#layer-3d', root).addEventListener('change', e => twin.set3d(checked(e)));
    $('#layer-sites', root).addEventListener('change', e => options.onSitesVisible?.(checked(e)));

    this.buildKinds();
    twin.onScaleChange(() => this.renderScale());
    twin.map.on('zoomend', () => this.renderLevel());
    onLanguageChange(() => this.render());
  }

  setCollapsed(collapsed) {
    this.root.classList.toggle('collapsed', collapsed);
    this.toggle.setAttribute('aria-expanded', String(!collapsed));
    this.toggle.setAttribute('aria-label', collapsed ? t('legend.expand') : t('legend.collapse'));
    this.toggle.title = this.toggle.getAttribute('aria-label') ?? '';
  }

  buildKinds() {
    const counts = this.options.assetCounts ?? {};
    const kinds = POINT_KINDS.filter(k => !(k in counts) || counts[k] > 0);
    for (const k of Object.keys(counts)) if (!kinds.includes(k) && k !== 'building' && k !== 'road' && counts[k] > 0) kinds.push(k);
    this.kinds = kinds;
    this.kindsEl.replaceChildren(...kinds.map(kind => {
      const row = document.createElement('label');
      row.className = 'check';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = true;
      box.dataset.kind = kind;
      box.addEventListener('change', () => {
        const hidden = [...this.kindsEl.querySelectorAll('input')].filter(b => !b.checked).map(b => b.dataset.kind);
        this.twin.setHiddenKinds(hidden);
      });
      const text = document.createElement('span');
      text.className = 'kind-name';
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = counts[kind] != null ? formatNumber(counts[kind], 0) : '';
      row.append(box, text, count);
      return row;
    }));
  }

  render() {
    const current = this.kpiSelect.value || this.twin.kpi;
    this.kpiSelect.replaceChildren(...CHOROPLETH_KPIS.map(k => {
      const o = document.createElement('option');
      o.value = k;
      const unit = kpiUnit(k);
      o.textContent = unit ? `${label('kpi', k)} (${unit})` : label('kpi', k);
      return o;
    }));
    this.kpiSelect.value = current;
    const counts = this.options.assetCounts ?? {};
    for (const row of this.kindsEl.querySelectorAll('label')) {
      const kind = $('input', row).dataset.kind ?? '';
      $('.kind-name', row).textContent = label('kind', kind);
      $('.count', row).textContent = counts[kind] != null ? formatNumber(counts[kind], 0) : '';
    }
    this.statusEl.replaceChildren(...STATUSES.map(s => {
      const li = document.createElement('li');
      li.dataset.status = s;
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = STATUS_COLORS[s];
      const text = document.createElement('span');
      text.textContent = t(`status.${s}`);
      li.append(sw, text);
      return li;
    }));
    this.setCollapsed(this.root.classList.contains('collapsed'));
    this.renderScale();
    this.renderLevel();
  }

  renderScale() {
    const key = this.twin.kpi;
    const stops = this.twin.currentStops() ?? [];
    const unit = kpiUnit(key);
    const digits = kpiDigits(key);
    const bar = document.createElement('div');
    bar.className = 'ramp';
    bar.style.background = `linear-gradient(to right, ${RAMP.join(', ')})`;
    bar.setAttribute('role', 'img');
    bar.setAttribute('aria-label', `${label('kpi', key)}: ${stops.map(s => formatNumber(s, digits)).join(' – ')} ${unit}`);
    const ticks = document.createElement('div');
    ticks.className = 'ticks';
    stops.forEach((s, i) => {
      const span = document.createElement('span');
      span.textContent = formatNumber(s, digits);
      span.style.left = `${(i / Math.max(1, stops.length - 1)) * 100}%`;
      ticks.append(span);
    });
    const foot = document.createElement('div');
    foot.className = 'scale-foot';
    const unitEl = document.createElement('span');
    unitEl.className = 'unit';
    unitEl.textContent = unit || t('unit.count');
    const nodata = document.createElement('span');
    nodata.className = 'nodata';
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = NO_DATA;
    nodata.append(sw, document.createTextNode(t('legend.noData')));
    foot.append(unitEl, nodata);
    this.scaleEl.replaceChildren(bar, ticks, foot);
  }

  renderLevel() {
    const z = this.twin.map.getZoom();
    const zoomedIn = z >= ASSET_ZOOM;
    this.root.dataset.mode = zoomedIn ? 'assets' : 'areas';
    this.levelEl.textContent = zoomedIn
      ? t('legend.zoomedIn')
      : `${z >= DONG_ZOOM ? t('legend.levelDong') : t('legend.levelGu')} · ${t('legend.zoomIn')}`;
    this.renderScale();
  }
}
