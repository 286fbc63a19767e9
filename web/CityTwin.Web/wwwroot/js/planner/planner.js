// Scenario planner: a drawer over the map with three tabs — Build a what-if scenario, follow its
// Runs, compare Results against the baseline. Progress comes live over the hub; the runs list is
// also polled while anything runs, so a missed frame never leaves a bar stuck.
import { HttpError, api } from '../core/api.js';
import { applyTo, onLanguageChange, t } from '../core/i18n.js';
import { createRun, getRun, isActive, listRuns, normalizeRun } from './scenario-runs.js';
import { ScenarioBuilder } from './builder.js';
import { h } from '../core/dom.js';
import { store } from '../core/store.js';
import { DeltaLegend } from './delta-legend.js';
import { PolygonDrawer } from './polygon.js';
import { RerunFromFile } from './rerun.js';
import { ResultsView } from './results.js';
import { RunsView } from './runs.js';
import { Tooltip } from './tooltip.js';

const TABS = ['build', 'runs', 'results'];
const POLL_MS = 2000;

export class Planner {
  /**
   * @param {{button: HTMLElement, stage: HTMLElement, twin: import('../map/map.js').TwinMap,
   *          live: import('../core/live.js').LiveConnection, selectedAsset: () => string|null,
   *          dongs: () => object[], simNow: () => number}} ctx
   */
  constructor(ctx) {
    this.ctx = ctx;
    this.button = ctx.button;
    this.isOpen = false;
    this.tab = 'build';
    this.catalogState = 'idle';
    this.runs = [];
    this.lastRunId = null;
    this.districts = [];
    this.pollTimer = 0;
    this.refreshing = null;
    this.errorsFetched = new Set();

    this.drawer = new PolygonDrawer(ctx.twin.map);
    this.legend = new DeltaLegend(ctx.stage);
    // Built by buildDom().
    const unset = /** @type {any} */ (null);
    /** @type {HTMLElement} */ this.root = unset;
    /** @type {HTMLElement} */ this.runsBadge = unset;
    /** @type {Record<string, {tab: HTMLElement, panel: HTMLElement, body: HTMLElement}>} */
    this.panels = {};
    this.buildDom();
    this.tooltip = new Tooltip(this.root);

    this.builder = new ScenarioBuilder(this.panels.build.body, {
      drawer: this.drawer,
      districts: () => this.districts,
      dongs: () => ctx.dongs?.() ?? [],
      selectedAsset: () => ctx.selectedAsset?.() ?? null,
      simNow: ctx.simNow,
      submit: (body) => this.submit(body),
    });
    this.runsView = new RunsView(this.panels.runs.body, {
      open: (ids) => this.openResults(ids),
      remove: (run) => this.remove(run),
      publish: (run, published) => this.publish(run, published),
      retry: () => this.refreshRuns(),
    });
    // Above the runs list (which repaints its own body): a definition from another city, rerun here.
    const rerun = h('div', { class: 'rerun-host' });
    this.panels.runs.panel.prepend(rerun);
    this.rerun = new RerunFromFile(rerun, { run: (body) => this.submit(body) });
    this.results = new ResultsView(this.panels.results.body, {
      twin: ctx.twin,
      legend: this.legend,
      runName: (id) => this.runs.find(r => r.id === id)?.name ?? null,
    });

    this.button.setAttribute('aria-controls', this.root.id);
    this.button.setAttribute('aria-expanded', 'false');
    this.button.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    ctx.live?.onScenario?.((u) => this.onScenario(u));
    onLanguageChange(() => this.paintBadge());
    // Signing in or out changes which runs one may see (unpublished ones are for planners) and do.
    store.subscribe('me', () => {
      this.runsView.repaint();
      if (this.isOpen || this.runs.length) this.refreshRuns();
    });
    this.paintBadge();
  }

  /** While a polygon is being drawn, map clicks are corners, not selections. */
  get capturesMapClicks() { return this.drawer.drawing; }

  /** Test and console hooks (window.cityTwin.planner). */
  get hooks() {
    const self = this;
    return {
      get open() { return self.isOpen; },
      get tab() { return self.tab; },
      get catalog() { return self.catalogState; },
      get lastRunId() { return self.lastRunId; },
      get runs() { return self.runs.map(r => ({ id: r.id, name: r.name, status: r.status, progress: r.progress })); },
      get results() { return self.results.shownIds; },
      get chartAxes() { return self.results.chart?.axisTitles ?? []; },
      get chartBands() { return self.results.chart?.spec?.bands?.length ?? 0; },
      get cashflowAxes() { return self.results.moneyChart?.axisTitles ?? []; },
      openPlanner: (tab) => self.open(tab),
      closePlanner: () => self.close(),
    };
  }

  // ---- drawer --------------------------------------------------------------------------------

  buildDom() {
    this.root = h('aside', { class: 'panel planner', id: 'planner', testid: 'planner', hidden: true, 'aria-labelledby': 'planner-title', dataset: { catalog: 'idle' } });
    const close = h('button', { type: 'button', class: 'icon-btn', testid: 'planner-close', text: '✕', i18nAria: 'plan.close', i18nTitle: 'plan.close' });
    close.addEventListener('click', () => this.close());
    const head = h('div', { class: 'planner-head' },
      h('div', {}, h('div', { class: 'eyebrow', i18n: 'plan.eyebrow' }), h('h2', { id: 'planner-title', i18n: 'plan.title' })),
      close);
    const tablist = h('div', { class: 'planner-tabs', role: 'tablist', i18nAria: 'plan.tabsLabel' });
    const body = h('div', { class: 'planner-body' });
    for (const name of TABS) {
      const tab = h('button', {
        type: 'button', role: 'tab', id: `planner-tab-${name}`, testid: `planner-tab-${name}`,
        'aria-controls': `planner-panel-${name}`, 'aria-selected': 'false', tabindex: '-1',
      }, h('span', { i18n: `plan.tab.${name}` }));
      if (name === 'runs') {
        this.runsBadge = h('span', { class: 'tab-badge', hidden: true, 'aria-hidden': 'true' });
        tab.append(this.runsBadge);
      }
      tab.addEventListener('click', () => this.selectTab(name, { focus: false }));
      const panelBody = h('div', { class: 'panel-body' });
      const panel = h('section', { role: 'tabpanel', id: `planner-panel-${name}`, class: 'planner-panel', testid: `planner-panel-${name}`, 'aria-labelledby': `planner-tab-${name}`, hidden: true, tabindex: '-1' }, panelBody);
      tablist.append(tab);
      body.append(panel);
      this.panels[name] = { tab, panel, body: panelBody };
    }
    // Arrow keys move between tabs (one tab stop for the whole list).
    tablist.addEventListener('keydown', (e) => {
      const i = TABS.indexOf(this.tab);
      const to = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length
        : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
      if (to < 0) return;
      e.preventDefault();
      this.selectTab(TABS[to], { focus: true });
    });
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.stopPropagation();
        this.close();
      }
    });
    this.root.append(head, tablist, body);
    this.ctx.stage.append(this.root);
    applyTo(this.root);
  }

  open(tab) {
    if (!this.isOpen) {
      this.isOpen = true;
      this.root.hidden = false;
      document.body.dataset.plannerOpen = 'true';
      this.button.setAttribute('aria-expanded', 'true');
      this.drawer.setVisible(true);
      this.padMap(true);
      if (this.catalogState !== 'ready' && this.catalogState !== 'loading') this.loadCatalog();
      if (!this.districts.length) this.loadDistricts();
      this.refreshRuns();
    }
    this.selectTab(tab ?? this.tab, { focus: true });
  }

  close() {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.drawer.setVisible(false);
    this.tooltip.hide();
    this.results.setMapActive(false);
    this.root.hidden = true;
    delete document.body.dataset.plannerOpen;
    this.button.setAttribute('aria-expanded', 'false');
    this.padMap(false);
    this.button.focus();
  }

  selectTab(name, { focus = false } = {}) {
    this.tab = name;
    for (const [n, p] of Object.entries(this.panels)) {
      const on = n === name;
      p.tab.setAttribute('aria-selected', String(on));
      p.tab.tabIndex = on ? 0 : -1;
      p.panel.hidden = !on;
    }
    this.root.dataset.tab = name;
    if (focus) this.panels[name].tab.focus();
    this.results.setMapActive(this.isOpen && name === 'results');
  }

  /**
   * Keeps the city centred in the part of the map the drawer leaves visible: left of the drawer on
   * wide screens, above it where it is a bottom sheet (phones).
   */
  padMap(open) {
    const map = this.ctx.twin.map;
    const box = this.root.getBoundingClientRect();
    const sheet = open && box.width >= map.getContainer().clientWidth - 1;
    const right = open && !sheet ? Math.round(box.width) : 0;
    const bottom = sheet ? Math.round(box.height) : 0;
    map.easeTo({ padding: { top: 0, bottom, left: 0, right }, duration: 300 });
  }

  // ---- catalog and areas ----------------------------------------------------------------------

  async loadCatalog() {
    this.setCatalogState('loading');
    this.panels.build.body.replaceChildren(h('div', { class: 'plan-message', role: 'status' }, h('p', { class: 'muted', i18n: 'plan.loading' })));
    try {
      const catalog = await api.scenarios.catalog();
      this.catalog = catalog;
      this.builder.setRunCount(this.runs.length);
      this.builder.setCatalog(catalog);
      this.setCatalogState('ready');
    } catch (e) {
      console.warn('Scenario catalogue unavailable', e);
      const missing = e instanceof HttpError && (e.status === 404 || e.status === 501 || e.status === 503);
      const retry = h('button', { type: 'button', class: 'btn small', i18n: 'plan.retry' });
      retry.addEventListener('click', () => this.loadCatalog());
      this.panels.build.body.replaceChildren(h('div', { class: 'plan-message unavailable', role: 'alert', testid: 'planner-unavailable' },
        h('p', { class: 'title', i18n: missing ? 'plan.catalog.unavailable' : 'plan.catalog.failed' }),
        h('p', { class: 'muted small', i18n: missing ? 'plan.catalog.unavailableHint' : 'plan.catalog.failedHint' }),
        retry));
      this.setCatalogState('unavailable');
    }
  }

  setCatalogState(state) {
    this.catalogState = state;
    this.root.dataset.catalog = state;
  }

  async loadDistricts() {
    try {
      const list = await api.districts();
      this.districts = (Array.isArray(list) ? list : []).slice().sort((a, b) => String(a.code).localeCompare(String(b.code)));
      this.builder.refreshAreas();
    } catch (e) {
      console.warn('Districts unavailable for the planner', e);
    }
  }

  // ---- runs ------------------------------------------------------------------------------------

  async submit(body) {
    const created = await createRun(body);
    if (!created.id) throw new Error(t('plan.err.noId'));
    this.lastRunId = created.id;
    // Show the new run at once; the next poll fills in what the server knows.
    if (!this.runs.some(r => r.id === created.id)) {
      this.runs = [normalizeRun({
        id: created.id, name: body.name, status: created.status ?? 'queued', progress: 0,
        createdAt: new Date().toISOString(), horizonHours: body.horizonHours, stepMinutes: body.stepMinutes,
      }), ...this.runs];
      this.runsView.setRuns(this.runs);
    }
    this.builder.setRunCount(this.runs.length);
    this.selectTab('runs', { focus: true });
    this.paintBadge();
    this.ensurePolling();
    this.refreshRuns();
    return created;
  }

  /** Reloads the list (one request at a time). */
  refreshRuns() {
    if (this.refreshing) return this.refreshing;
    if (!this.runs.length) this.runsView.setState('loading');
    this.refreshing = (async () => {
      try {
        const list = await listRuns();
        // A run just created may not be listed yet: keep it until the server knows it.
        const known = new Set(list.map(r => r.id));
        const pending = this.runs.filter(r => r.id === this.lastRunId && !known.has(r.id));
        this.runs = [...pending, ...list.map(r => this.withError(r))];
        this.runsView.setState('ready');
        this.runsView.setRuns(this.runs);
        this.builder.setRunCount(this.runs.length);
        this.fetchErrors();
      } catch (e) {
        console.warn('Scenario runs unavailable', e);
        this.runsView.setState('unavailable');
      } finally {
        this.refreshing = null;
        this.paintBadge();
        this.ensurePolling();
      }
    })();
    return this.refreshing;
  }

  withError(run) {
    const old = this.runs.find(r => r.id === run.id);
    return old?.error && !run.error ? { ...run, error: old.error } : run;
  }

  /** The list has no error text: ask once per failed run. */
  fetchErrors() {
    for (const r of this.runs) {
      if (r.status !== 'failed' || r.error || this.errorsFetched.has(r.id)) continue;
      this.errorsFetched.add(r.id);
      getRun(r.id).then(d => {
        if (!d.error) return;
        const run = this.runs.find(x => x.id === r.id);
        if (run) { run.error = d.error; this.runsView.update({ id: r.id, error: d.error }); }
      }).catch(() => {});
    }
  }

  onScenario(update) {
    const u = normalizeRun(update);
    if (!u.id) return;
    const run = this.runs.find(r => r.id === u.id);
    if (!run) { if (this.isOpen || this.lastRunId) this.refreshRuns(); return; }
    // Progress never goes backwards within a state (frames may overtake a poll).
    const progress = u.status === run.status ? Math.max(run.progress ?? 0, u.progress) : u.progress;
    Object.assign(run, { status: u.status, progress, queuePosition: u.queuePosition });
    this.runsView.update({ id: u.id, status: u.status, progress, queuePosition: u.queuePosition });
    if (u.status === 'failed') this.fetchErrors();
    this.paintBadge();
    this.ensurePolling();
  }

  ensurePolling() {
    const active = this.runs.some(r => isActive(r.status));
    if (active && !this.pollTimer) this.pollTimer = setInterval(() => this.refreshRuns(), POLL_MS);
    else if (!active && this.pollTimer) { clearInterval(this.pollTimer); this.pollTimer = 0; }
  }

  /** Number of runs under way, on the Runs tab and on the header button. */
  paintBadge() {
    const n = this.runs.filter(r => isActive(r.status)).length;
    this.runsBadge.hidden = n === 0;
    this.runsBadge.textContent = String(n);
    this.button.dataset.active = String(n);
    const label = n ? t('plan.buttonActive', { n }) : t('plan.buttonTitle');
    this.button.title = label;
    this.button.setAttribute('aria-label', `${t('plan.button')} — ${label}`);
  }

  async remove(run) {
    await api.scenarios.remove(run.id);
    if (!isActive(run.status)) {
      this.runs = this.runs.filter(r => r.id !== run.id);
      this.runsView.setRuns(this.runs);
      this.results.drop(run.id);
    }
    await this.refreshRuns();
  }

  /** Publishes a completed run for everyone, or takes it back to planners only. */
  async publish(run, published) {
    const view = await api.scenarios.publish(run.id, published);
    const r = this.runs.find(x => x.id === run.id);
    if (r) {
      Object.assign(r, { published: view?.published ?? published, publishedAt: view?.publishedAt ?? null, publishedBy: view?.publishedBy ?? null });
      this.runsView.update({ id: r.id, published: r.published, publishedAt: r.publishedAt, publishedBy: r.publishedBy });
    }
  }

  openResults(ids) {
    this.selectTab('results', { focus: true });
    this.results.show(ids);
  }
}
