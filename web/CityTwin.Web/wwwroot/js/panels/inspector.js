// Details panel for the selected district, dong, asset or field-visit site, kept live by frames.
import { HttpError, api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatNumber, formatTime, formatValue, toMillis } from '../core/format.js';
import { humanize, label, localName, onLanguageChange, t } from '../core/i18n.js';
import { kpiDigits, kpiUnit } from '../map/kpis.js';
import { normalizeStatus } from '../map/status.js';
import { HistoryChart } from './history-chart.js';

const AREA_KPIS = ['congestionIndex', 'pm25', 'electricLoadMw', 'streetlightKw', 'floodMaxCm', 'assetsInAlarm', 'assetsWarning', 'assetsOffline', 'assets'];
const HISTORY_CAP = 360;

/** Worst state among an area's assets, for the badge. */
function areaStatus(kpis) {
  if (!kpis) return 'unknown';
  if (Number(kpis.assetsInAlarm) > 0) return 'alarm';
  if (Number(kpis.assetsWarning) > 0) return 'warning';
  if (Number(kpis.assets) > 0 && Number(kpis.assetsOffline) >= Number(kpis.assets)) return 'offline';
  return 'ok';
}

/** KPI frames of every area since the page opened, so a dong chart has something to show at once. */
export class AreaHistory {
  constructor() { this.byCode = new Map(); }
  record(code, t, kpis) {
    if (!Number.isFinite(t)) return;
    let list = this.byCode.get(code);
    if (!list) { list = []; this.byCode.set(code, list); }
    const last = list[list.length - 1];
    if (last && t <= last.t) { if (t === last.t) last.kpis = { ...last.kpis, ...kpis }; return; }
    list.push({ t, kpis: last ? { ...last.kpis, ...kpis } : kpis });
    if (list.length > HISTORY_CAP) list.splice(0, list.length - HISTORY_CAP);
  }
  get(code) { return this.byCode.get(code) ?? []; }
}

/**
 * "Simulator" or "Real feed" for an asset, from the city's simulation sources; null when unknown.
 * @param {{feedKinds?: string[], feedAssets?: string[]}|null} sources @param {string} id @param {string} kind
 */
function fedBy(sources, id, kind) {
  if (!sources) return null;
  const feed = (sources.feedAssets ?? []).includes(id) || (sources.feedKinds ?? []).includes(kind);
  return t(feed ? 'inspector.fedByFeed' : 'inspector.fedBySimulator');
}

export class Inspector {
  /**
   * @param {HTMLElement} root [data-testid=inspector]
   * @param {{kinds: Map<string, object>, kpi: () => string, simNow: () => number, areaHistory: AreaHistory,
   *          areaName: (level: 'gu'|'dong', code: string) => object|null, onClose: () => void, onZoomTo: (t: object) => void}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.titleEl = $('[data-testid="inspector-title"]', root);
    this.statusEl = $('[data-testid="inspector-status"]', root);
    this.kindEl = $('#inspector-kind', root);
    this.body = $('#inspector-body', root);
    this.target = null;
    this.detail = null;
    /** @type {{feedKinds?: string[], feedAssets?: string[]}|null} */
    this.sources = null;
    this.chart = null;
    this.abort = null;
    this.range = '1h'; // history range shown, kept while the user moves between items
    $('#inspector-close', root).addEventListener('click', () => this.close());
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && this.target) this.close(); });
    onLanguageChange(() => { if (this.target) this.render(); });
  }

  get selected() { return this.target; }

  close() {
    if (!this.target) return;
    this.target = null;
    this.detail = null;
    this.abort?.abort();
    this.chart?.destroy();
    this.chart = null;
    this.root.hidden = true;
    this.root.dataset.type = '';
    this.ctx.onClose();
  }

  /** Opens the panel for {type:'gu'|'dong', code} | {type:'asset', id} | {type:'site', site}. */
  async open(target) {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.target = target;
    this.detail = null;
    this.error = null;
    this.channel = null;
    this.root.hidden = false;
    this.root.dataset.type = target.type;
    this.root.dataset.loading = 'true';
    this.render();
    if (target.type === 'site') { this.root.dataset.loading = 'false'; return; }
    try {
      // Who feeds an asset is a detail: without it the panel still shows everything else.
      this.sources = target.type === 'asset' ? await api.sources().catch(() => null) : null;
      const detail = target.type === 'asset' ? await api.asset(target.id, abort.signal)
        : target.type === 'gu' ? await api.district(target.code, abort.signal)
          : await api.dong(target.code, abort.signal);
      if (this.target !== target) return;
      this.detail = detail;
    } catch (e) {
      if (abort.signal.aborted || this.target !== target) return;
      this.error = e instanceof HttpError && e.status === 404 ? t('inspector.notFound') : t('inspector.loadFailed');
      console.warn(e);
    }
    this.root.dataset.loading = 'false';
    this.render();
  }

  // ---- rendering ---------------------------------------------------------------------------

  render() {
    const tg = this.target;
    if (!tg) return;
    this.chart?.destroy();
    this.chart = null;
    this.body.replaceChildren();
    if (tg.type === 'site') return this.renderSite(tg.site);
    if (tg.type === 'asset') return this.renderAsset();
    return this.renderArea();
  }

  setHeader(kindText, title, status, statusText) {
    this.kindEl.textContent = kindText;
    this.titleEl.textContent = title;
    this.statusEl.hidden = !status;
    if (status) {
      this.statusEl.dataset.status = status;
      this.statusEl.textContent = statusText ?? t(`status.${status}`);
    }
  }

  renderSite(site) {
    this.setHeader(t('kind.site'), localName(site), null);
    const sec = el('section', 'section');
    sec.append(el('div', 'eyebrow', label('site', site.kind)));
    if (site.visitorSees) {
      sec.append(el('h3', null, t('inspector.visitorSees')), el('p', 'prose', site.visitorSees));
    }
    if (site.nameKo && site.nameEn) sec.append(el('p', 'muted', `${site.nameEn} · ${site.nameKo}`));
    const zoom = el('button', 'btn', t('inspector.zoomTo'));
    zoom.type = 'button';
    zoom.addEventListener('click', () => this.ctx.onZoomTo({ type: 'site', lon: site.lon, lat: site.lat }));
    sec.append(zoom);
    this.body.append(sec);
  }

  renderAsset() {
    const tg = this.target;
    const d = this.detail;
    const kind = d?.kind ?? tg.kind;
    // Unnamed assets: kind and the id without its kind prefix ("Substation 2818585000-009").
    const shortId = kind && tg.id.startsWith(`${kind}-`) ? tg.id.slice(kind.length + 1) : tg.id;
    const title = d?.name || tg.properties?.name || (kind ? `${label('kind', kind)} ${shortId}` : tg.id);
    const status = normalizeStatus(tg.liveStatus ?? d?.status);
    this.setHeader(kind ? label('kind', kind) : '', title, status);
    if (!d) {
      this.body.append(el('p', 'muted', this.error ?? t('inspector.loading')));
      return;
    }
    const channels = d.channels ?? [];
    const rules = this.rulesFor(kind, channels);
    this.values = { ...(d.telemetry ?? {}), ...(tg.liveValues ?? {}) };

    // Live values
    const live = el('section', 'section');
    live.append(el('h3', null, t('inspector.live')));
    const table = el('table', 'values');
    table.setAttribute('data-testid', 'inspector-values');
    this.valueCells = new Map();
    for (const ch of channels) {
      const tr = el('tr');
      tr.append(el('th', null, label('channel', ch.name)));
      const td = el('td', 'num');
      this.valueCells.set(ch.name, { td, unit: ch.unit, rule: rules.get(ch.name) });
      tr.append(td);
      table.append(tr);
    }
    live.append(table);
    this.updatedEl = el('p', 'muted small');
    live.append(this.updatedEl);
    this.body.append(live);
    this.paintValues(toMillis(tg.liveTs ?? d.updatedAt));

    // Chart
    if (channels.length) {
      if (!this.channel || !channels.some(c => c.name === this.channel)) {
        const ruled = channels.find(c => rules.has(c.name));
        this.channel = (ruled ?? channels[0]).name;
      }
      const sec = el('section', 'section');
      const head = el('div', 'section-head');
      head.append(el('h3', null, t('inspector.history')));
      if (channels.length > 1) {
        const select = el('select', 'compact');
        select.setAttribute('aria-label', t('inspector.channel'));
        select.setAttribute('data-testid', 'inspector-channel');
        for (const ch of channels) {
          const o = el('option', null, label('channel', ch.name));
          o.value = ch.name;
          select.append(o);
        }
        select.value = this.channel;
        select.addEventListener('change', () => { this.channel = select.value; this.render(); });
        head.append(select);
      }
      sec.append(head);
      const ch = channels.find(c => c.name === this.channel);
      const rule = rules.get(this.channel);
      if (rule) {
        const note = el('p', 'muted small thresholds');
        note.append(el('span', 'warn', t('inspector.warningAt', { value: formatValue(rule.warning, ch.unit) })), document.createTextNode(' · '),
          el('span', 'alarm', t('inspector.alarmAt', { value: formatValue(rule.alarm, ch.unit) })));
        sec.append(note);
      }
      this.body.append(sec);
      this.chart = this.historyChart(sec, `assets/${encodeURIComponent(tg.id)}`, this.channel,
        { unit: ch?.unit, title: ch?.unit || label('channel', ch?.name), warning: rule?.warning, alarm: rule?.alarm });
    }

    // Attributes
    const attrs = el('section', 'section');
    attrs.append(el('h3', null, t('inspector.attributes')));
    const dl = el('dl', 'attrs');
    const add = (k, v) => { if (v == null || v === '') return; dl.append(el('dt', null, k), el('dd', null, String(v))); };
    add(t('inspector.id'), d.id);
    add(t('inspector.kind'), label('kind', kind));
    const gu = this.ctx.areaName('gu', d.guCode);
    const dong = this.ctx.areaName('dong', d.dongCode);
    add(t('inspector.district'), gu ? localName(gu) : d.guCode);
    add(t('inspector.neighbourhood'), dong ? localName(dong) : d.dongCode);
    add(t('inspector.fedBy'), fedBy(this.sources, d.id, kind));
    for (const [k, v] of Object.entries(d.attributes ?? {})) add(humanize(k), v);
    attrs.append(dl);
    if (d.synthetic) attrs.append(el('p', 'muted small synthetic', t('inspector.synthetic')));
    this.body.append(attrs);
  }

  /**
   * The history chart of the range chosen (1 h, 24 h, 7 d); choosing another redraws the panel.
   * @param {HTMLElement} section @param {string} path @param {string} column
   * @param {{unit?: string, title?: string, warning?: number, alarm?: number}} look
   */
  historyChart(section, path, column, look) {
    return new HistoryChart(section, {
      path, column, range: this.range, now: () => this.ctx.simNow(),
      onRange: (key) => { this.range = key; this.render(); },
      ...look,
    });
  }

  /** The clock jumped (a new timeline): the history shown belongs to another line of time. */
  onTimeline() {
    if (this.target && this.target.type !== 'site') this.render();
  }

  rulesFor(kind, channels) {
    const info = this.ctx.kinds.get(kind);
    const map = new Map();
    for (const r of info?.rules ?? []) {
      const name = typeof r.channel === 'number' ? channels[r.channel]?.name : r.channel;
      if (name) map.set(name, r);
    }
    return map;
  }

  paintValues(ts) {
    if (!this.valueCells) return;
    for (const [name, cell] of this.valueCells) {
      const v = this.values?.[name];
      cell.td.textContent = formatValue(v, cell.unit);
      let level = '';
      const r = cell.rule;
      if (r && Number.isFinite(Number(v))) {
        const x = Number(v);
        const bad = (limit) => (r.highIsBad === false ? x <= limit : x >= limit);
        level = bad(r.alarm) ? 'alarm' : bad(r.warning) ? 'warning' : '';
      }
      cell.td.dataset.level = level;
    }
    if (this.updatedEl && Number.isFinite(ts)) this.updatedEl.textContent = t('inspector.updated', { time: formatTime(ts) });
  }

  renderArea() {
    const tg = this.target;
    const d = this.detail;
    const names = d ?? this.ctx.areaName(tg.type, tg.code) ?? tg.properties ?? {};
    const kpis = { ...(d?.kpis ?? {}), ...(tg.liveKpis ?? {}) };
    this.kpis = kpis;
    this.setHeader(t(tg.type === 'gu' ? 'kind.gu' : 'kind.dong'), localName(names) || tg.code, areaStatus(d || tg.liveKpis ? kpis : null));
    if (!d && !tg.liveKpis) {
      this.body.append(el('p', 'muted', this.error ?? t('inspector.loading')));
      return;
    }
    const live = el('section', 'section');
    live.append(el('h3', null, t('inspector.live')));
    const table = el('table', 'values');
    table.setAttribute('data-testid', 'inspector-values');
    this.kpiCells = new Map();
    for (const k of AREA_KPIS) {
      if (!(k in kpis)) continue;
      const tr = el('tr');
      if (k === this.ctx.kpi()) tr.className = 'current';
      tr.append(el('th', null, label('kpi', k)));
      const td = el('td', 'num');
      this.kpiCells.set(k, td);
      tr.append(td);
      table.append(tr);
    }
    live.append(table);
    this.body.append(live);
    this.paintKpis();

    const key = this.ctx.kpi();
    const sec = el('section', 'section');
    const head = el('div', 'section-head');
    head.append(el('h3', null, `${t('inspector.history')} · ${label('kpi', key)}`));
    sec.append(head);
    this.body.append(sec);
    this.chart = this.historyChart(sec, `${tg.type === 'gu' ? 'districts' : 'dongs'}/${encodeURIComponent(tg.code)}`, key,
      { unit: kpiUnit(key), title: kpiUnit(key) || label('kpi', key) });

    const facts = el('section', 'section');
    facts.append(el('h3', null, t('inspector.attributes')));
    const dl = el('dl', 'attrs');
    const add = (k, v) => { if (v == null || v === '') return; dl.append(el('dt', null, k), el('dd', null, v)); };
    add(t('inspector.id'), tg.code);
    if (tg.type === 'dong') {
      const gu = this.ctx.areaName('gu', d?.guCode ?? tg.properties?.guCode);
      add(t('inspector.district'), gu ? localName(gu) : d?.guCode);
    }
    if (d?.population != null) add(t('inspector.population'), formatNumber(d.population, 0));
    if (d?.areaKm2 != null) add(t('inspector.area'), `${formatNumber(d.areaKm2, 1)} km²`);
    if (localName(names) && names.nameKo && names.nameEn) add('', `${names.nameEn} · ${names.nameKo}`);
    facts.append(dl);
    this.body.append(facts);
  }

  paintKpis() {
    if (!this.kpiCells) return;
    for (const [k, td] of this.kpiCells) {
      const unit = kpiUnit(k);
      td.textContent = formatValue(this.kpis[k], unit, kpiDigits(k) ?? (k.startsWith('assets') ? 0 : undefined));
    }
  }

  // ---- live updates ------------------------------------------------------------------------

  onAsset(item) {
    const tg = this.target;
    if (!tg || tg.type !== 'asset' || tg.id !== item.id) return;
    tg.liveStatus = item.status;
    tg.liveValues = { ...(tg.liveValues ?? {}), ...(item.values ?? {}) };
    tg.liveTs = item.ts;
    if (!this.detail) return;
    const status = normalizeStatus(item.status);
    this.statusEl.dataset.status = status;
    this.statusEl.textContent = t(`status.${status}`);
    this.values = { ...this.values, ...(item.values ?? {}) };
    const ts = toMillis(item.ts);
    this.paintValues(ts);
    const v = Number(item.values?.[this.channel]);
    if (this.chart && Number.isFinite(v)) {
      this.chart.push(Number.isFinite(ts) ? ts : this.ctx.simNow(), v);
    }
  }

  onArea(level, code, kpis) {
    const tg = this.target;
    if (!tg || tg.type !== level || tg.code !== code) return;
    tg.liveKpis = { ...(tg.liveKpis ?? {}), ...kpis };
    if (!this.kpiCells) { if (!this.detail) this.render(); return; }
    this.kpis = { ...this.kpis, ...kpis };
    this.paintKpis();
    const status = areaStatus(this.kpis);
    this.statusEl.dataset.status = status;
    this.statusEl.textContent = t(`status.${status}`);
    const v = Number(kpis[this.ctx.kpi()]);
    if (this.chart && Number.isFinite(v)) this.chart.push(this.ctx.simNow(), v);
  }

  onKpiChange() {
    if (this.target && (this.target.type === 'gu' || this.target.type === 'dong')) this.render();
  }
}
