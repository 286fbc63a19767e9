// The control room's alarm list: opened from the header's alarm chip. Sorted by severity and age
// (the server's order), filtered by state, severity and service; pushed changes keep it live. A
// row opens the alarm: where it is, its timeline, and the actions an operator may take. A new
// critical alarm anywhere gives the cue (cue.js); the alarm rate per operator shows when it is too high.
// The server pushes only what this client watches (WatchAlarms): the alarms in the map's view for
// the markers and, while the list is open, every change its filters could show; the city-wide
// counts and new criticals come to everyone as the alarmSummary frame.
import { h } from '../core/dom.js';
import { formatDate, formatNumber, formatTime } from '../core/format.js';
import { localName, onLanguageChange, t } from '../core/i18n.js';
import { alarmApi } from './alarm-api.js';
import { AlarmCue } from './cue.js';
import { mayOperate } from './permissions.js';
import { RulesEditor } from './rules.js';

const STATES = ['open', 'activeUnacknowledged', 'activeAcknowledged', 'clearedUnacknowledged', 'shelved', 'closed'];
const SEVERITIES = ['critical', 'major', 'minor', 'warning'];
const SERVICES = ['safety', 'disaster', 'traffic', 'environment', 'facilities'];
const ACTIONS = ['acknowledge', 'assign', 'comment', 'shelve', 'unshelve', 'resolve'];

export class AlarmPanel {
  /**
   * @param {{stage: HTMLElement, chip: HTMLElement, live: import('../core/live.js').LiveConnection,
   *          onShow: (alarm: any) => void, areaName: (code: string) => string|null,
   *          onOpenAlarms?: (alarms: any[]) => void, viewBox?: () => number[]|null}} options
   */
  constructor(options) {
    this.options = options;
    this.cue = new AlarmCue(options.chip);
    /** Open alarms by id (the map's markers and the cue follow them). @type {Map<string, any>} */
    this.open = new Map();
    /** @type {any|null} */
    this.summary = null;
    this.filter = { state: 'open', severity: '', service: '' };
    /** @type {string|null} */
    this.selected = null;
    /** @type {RulesEditor|null} */
    this.rules = null;
    /** The note, assignee and minutes being typed for the open alarm. */
    this.draft = { note: '', assignee: '', minutes: '60' };
    /** @type {string|null} */
    this.draftFor = null;
    /** The rule book's rules by id, for their names in the page's language. @type {Map<string, any>} */
    this.ruleBook = new Map();
    /** @type {any[]} */
    this.items = [];
    this.total = 0;
    this.renderTimer = 0;
    this.root = h('aside', { class: 'alarms', testid: 'alarm-panel', hidden: true, 'aria-labelledby': 'alarms-title' });
    options.stage.append(this.root);
    options.live.onAlarms(items => this.onPushed(items));
    options.live.on('alarmSummary', (/** @type {any} */ s) => this.onSummary(s));
    // After a reconnect (perhaps to another web node) the server knows nothing of this client.
    options.live.onConnected(() => this.watch());
    this.watchTimer = 0;
    onLanguageChange(() => { if (!this.root.hidden) this.render(); });
    /** Hooks for tests and the console (window.cityTwin.alarms). */
    this.hooks = { cues: () => this.cue.count, open: () => this.open.size, panel: this };
  }

  /** Starts watching the map's view (its open alarms become the markers) and loads the counts. */
  async start() {
    await this.watch();
    this.refreshSummary();
    setInterval(() => this.refreshSummary(), 30000);
  }

  toggle() { if (this.root.hidden) this.show(); else this.close(); }

  show() {
    this.root.hidden = false;
    document.body.dataset.alarmsOpen = 'true';
    this.render();
    this.loadRuleNames();
    this.reload();
    this.watch();
  }

  close() {
    this.root.hidden = true;
    delete document.body.dataset.alarmsOpen;
    this.watch();
  }

  /**
   * Tells the server what this client watches: the map's view and, with the list open, its
   * severity and service filters. The answer, the open alarms in view, replaces the markers' set.
   */
  async watch() {
    const bbox = this.options.viewBox?.() ?? null;
    const list = !this.root.hidden;
    try {
      const items = await this.options.live.invoke('WatchAlarms', { bbox, list, severity: this.filter.severity, service: this.filter.service });
      this.open = new Map((items ?? []).map((/** @type {any} */ a) => [a.id, a]));
      this.options.onOpenAlarms?.([...this.open.values()]);
      document.body.dataset.alarmWatch = String((Number(document.body.dataset.alarmWatch) || 0) + 1);
    } catch (e) { console.warn('Alarms unavailable', e); }
  }

  /** The map moved: watch the new view once it rests. */
  viewChanged() {
    clearTimeout(this.watchTimer);
    this.watchTimer = window.setTimeout(() => this.watch(), 300);
  }

  /** @param {any} s */
  onSummary(s) {
    if (!s) return;
    this.summary = s;
    this.renderSummary();
    if ((s.newCritical ?? 0) > 0) this.cue.fire();
  }

  /** @param {any[]} items */
  onPushed(items) {
    // The cue and the counts come with the alarmSummary frame (city-wide); these are the changes in view.
    for (const a of items) {
      if (a.state !== 'closed') this.open.set(a.id, a); else this.open.delete(a.id);
    }
    this.options.onOpenAlarms?.([...this.open.values()]);
    if (!this.root.hidden) {
      clearTimeout(this.renderTimer);
      this.renderTimer = window.setTimeout(() => this.reload(), 400);
    }
  }

  /** Loads the rule book so alarms show their rule's name in the page's language. */
  async loadRuleNames() {
    try {
      const book = await alarmApi.rules();
      this.ruleBook = new Map((book.rules ?? []).map((/** @type {any} */ r) => [r.id, r]));
      if (!this.root.hidden) this.renderList();
    } catch { /* the names stay as raised (English) */ }
  }

  /**
   * The alarm's rule name in the page's language; the name it was raised with when the rule has
   * since been renamed or removed.
   * @param {any} a
   */
  ruleName(a) {
    const rule = this.ruleBook.get(a.ruleId);
    return rule && rule.name === a.ruleName ? localName(rule) : a.ruleName;
  }

  async refreshSummary() {
    try {
      this.summary = await alarmApi.summary();
      this.renderSummary();
    } catch { /* shown again on the next change */ }
  }

  async reload() {
    try {
      const page = await alarmApi.list({ ...this.filter, pageSize: 200 });
      this.items = page.items ?? [];
      this.total = page.total ?? 0;
      this.renderList();
      if (this.selected) this.openAlarm(this.selected, false);
    } catch (e) {
      console.warn(e);
    }
  }

  render() {
    this.root.replaceChildren();
    const close = h('button', { type: 'button', class: 'icon-btn', i18nAria: 'alarmList.close', testid: 'alarms-close', on: { click: () => this.close() } }, '✕');
    const mute = h('button', {
      type: 'button', class: 'ghost small', testid: 'alarm-mute', 'aria-pressed': String(this.cue.muted),
      on: { click: () => { this.cue.setMuted(!this.cue.muted); this.render(); } },
    }, this.cue.muted ? t('alarmList.soundOff') : t('alarmList.soundOn'));
    const rules = h('button', { type: 'button', class: 'ghost small', testid: 'alarm-rules-button', on: { click: () => this.openRules() } }, t('alarmList.rules'));
    const csv = h('a', { class: 'ghost small button-link', href: alarmApi.csvUrl(this.filter), download: 'citytwin-alarms.csv', testid: 'alarm-csv' }, 'CSV');
    this.summaryBox = h('div', { class: 'alarm-summary', testid: 'alarm-summary' });
    const select = (/** @type {string} */ name, /** @type {string[]} */ values, /** @type {string} */ prefix, /** @type {boolean} */ any) => {
      const s = h('select', { testid: `alarm-filter-${name}`, 'aria-label': t(`alarmList.filter.${name}`), on: { change: () => { /** @type {any} */ (this.filter)[name] = s.value; this.selected = null; this.reload(); this.watch(); csv.setAttribute('href', alarmApi.csvUrl(this.filter)); } } },
        any ? h('option', { value: '' }, t(`alarmList.any.${name}`)) : null,
        ...values.map(v => h('option', { value: v, selected: /** @type {any} */ (this.filter)[name] === v }, t(`${prefix}.${v}`))));
      return s;
    };
    this.listBox = h('ol', { class: 'alarm-list', testid: 'alarm-list' });
    this.detailBox = h('section', { class: 'alarm-detail', testid: 'alarm-detail', hidden: true });
    this.root.append(
      h('header', { class: 'alarms-head' },
        h('h2', { id: 'alarms-title', i18n: 'alarmList.title' }),
        h('div', { class: 'alarms-tools' }, mute, rules, csv, close)),
      this.summaryBox,
      h('div', { class: 'alarm-filters' },
        select('state', STATES, 'alarmState', false), select('severity', SEVERITIES, 'severity', true), select('service', SERVICES, 'service', true)),
      this.listBox,
      this.detailBox);
    this.renderSummary();
    this.renderList();
  }

  renderSummary() {
    const s = this.summary;
    if (!s || !this.summaryBox) return;
    this.summaryBox.replaceChildren(
      h('span', {}, t('alarmList.summary', { active: formatNumber(s.active, 0), unack: formatNumber(s.unacknowledged, 0), critical: formatNumber(s.critical, 0) })),
      ...(s.overloaded ? [h('span', { class: 'alarm-rate-high', testid: 'alarm-rate-high', role: 'status' }, t('alarmList.rateHigh', { n: formatNumber(s.ratePerOperator, 1) }))] : []));
  }

  renderList() {
    if (!this.listBox) return;
    const items = this.items ?? [];
    this.listBox.replaceChildren(...items.map(a => this.row(a)));
    if (items.length === 0) this.listBox.append(h('li', { class: 'alarm-empty' }, t('alarmList.empty')));
    else if ((this.total ?? 0) > items.length) this.listBox.append(h('li', { class: 'alarm-more' }, t('alarmList.more', { n: formatNumber(this.total - items.length, 0) })));
  }

  /** @param {any} a */
  row(a) {
    const where = a.isGroup
      ? t('alarmList.group', { n: formatNumber(a.children, 0), area: this.options.areaName(a.sourceId) ?? a.sourceId })
      : `${t(`kind.${a.sourceKind}`, undefined, a.sourceKind)} · ${this.options.areaName(a.dongCode ?? a.guCode) ?? a.dongCode ?? a.guCode}`;
    return h('li', {},
      h('button', {
        type: 'button', class: 'alarm-row', testid: 'alarm-row',
        dataset: { id: a.id, severity: a.severity, state: a.state, selected: String(a.id === this.selected), drill: String(!!a.drill) },
        on: { click: () => this.openAlarm(a.id, true) },
      },
      h('span', { class: `sev sev-${a.severity}` }, t(`severity.${a.severity}`)),
      h('span', { class: 'alarm-main' },
        h('span', { class: 'alarm-name' }, a.isGroup ? t('alarmList.flood') : this.ruleName(a)),
        h('span', { class: 'alarm-where' }, where)),
      h('span', { class: 'alarm-meta' },
        a.drill ? h('span', { class: 'alarm-badge drill', testid: 'alarm-drill', title: t('drills.badgeTitle') }, t('drills.badge')) : null,
        h('span', { class: `state state-${a.state}` }, t(`alarmState.${a.state}`)),
        h('time', {}, formatTime(Date.parse(a.lastAt), { seconds: false })),
        a.count > 1 ? h('span', { class: 'alarm-badge' }, `×${a.count}`) : null,
        a.chattering ? h('span', { class: 'alarm-badge warn', testid: 'alarm-chattering' }, t('alarmList.chattering')) : null,
        a.escalated ? h('span', { class: 'alarm-badge alarm' }, t('alarmList.escalated')) : null,
        a.assignedTo ? h('span', { class: 'alarm-badge' }, `→ ${a.assignedTo}`) : null)));
  }

  /** @param {string} id @param {boolean} scroll */
  async openAlarm(id, scroll) {
    this.selected = id;
    for (const b of this.listBox?.querySelectorAll('.alarm-row') ?? []) /** @type {HTMLElement} */ (b).dataset.selected = String(/** @type {HTMLElement} */ (b).dataset.id === id);
    let detail;
    try { detail = await alarmApi.get(id); } catch (e) { console.warn(e); return; }
    if (this.selected !== id || !this.detailBox) return;
    this.renderDetail(detail);
    if (scroll) this.detailBox.scrollIntoView({ block: 'nearest' });
  }

  /** Opens the panel on one alarm (from a map marker). @param {string} id */
  showAlarm(id) {
    if (this.root.hidden) this.show();
    this.openAlarm(id, true);
  }

  /** @param {any} detail */
  renderDetail(detail) {
    const a = detail.alarm;
    const box = /** @type {HTMLElement} */ (this.detailBox);
    box.hidden = false;
    // What the operator is typing survives the re-renders that pushed changes cause.
    if (this.draftFor !== a.id) {
      this.draft = { note: '', assignee: '', minutes: '60' };
      this.draftFor = a.id;
    }
    const draft = this.draft;
    const note = h('input', { type: 'text', maxlength: '1000', value: draft.note, testid: 'alarm-note', placeholder: t('alarmList.note'), 'aria-label': t('alarmList.note'), on: { input: () => { draft.note = note.value; } } });
    const assignee = h('input', { type: 'text', maxlength: '100', value: draft.assignee, testid: 'alarm-assignee', placeholder: t('alarmList.assignee'), 'aria-label': t('alarmList.assignee'), on: { input: () => { draft.assignee = assignee.value; } } });
    const minutes = h('input', { type: 'number', min: '1', max: '10080', value: draft.minutes, testid: 'alarm-minutes', 'aria-label': t('alarmList.minutes'), on: { input: () => { draft.minutes = minutes.value; } } });
    const message = h('p', { class: 'alarm-message', role: 'status', testid: 'alarm-message' });
    const act = async (/** @type {string} */ action) => {
      message.textContent = '';
      try {
        const body = { note: note.value || undefined, assignee: action === 'assign' ? assignee.value : undefined, minutes: action === 'shelve' ? Number(minutes.value) : undefined };
        const done = await alarmApi.act(a.id, action, body);
        draft.note = '';
        if (action === 'assign') draft.assignee = '';
        this.renderDetail(done);
        this.reload();
      } catch (e) {
        const err = /** @type {any} */ (e);
        message.textContent = err?.errors ? Object.values(err.errors).flat().join(' ') : (err?.detail || err?.message || String(e));
      }
    };
    const allowed = {
      acknowledge: a.state === 'activeUnacknowledged' || a.state === 'clearedUnacknowledged',
      assign: a.state !== 'closed', comment: true, shelve: a.state !== 'closed' && !a.shelvedUntil, unshelve: !!a.shelvedUntil, resolve: a.state !== 'closed',
    };
    const actions = mayOperate()
      ? h('div', { class: 'alarm-actions' },
        h('div', { class: 'alarm-inputs' }, note, assignee, minutes),
        h('div', { class: 'alarm-buttons' }, ...ACTIONS.filter(x => /** @type {any} */ (allowed)[x]).map(x =>
          h('button', { type: 'button', class: x === 'acknowledge' ? 'primary small' : 'ghost small', testid: `alarm-${x}`, on: { click: () => act(x) } }, t(`alarmAction.${x}`)))),
        message)
      : h('p', { class: 'muted' }, t('alarmList.signInToAct'));
    const timeline = h('ol', { class: 'alarm-timeline', testid: 'alarm-timeline' }, ...detail.timeline.map((/** @type {any} */ e) =>
      h('li', { dataset: { type: e.type } },
        h('time', {}, `${formatDate(Date.parse(e.at))} ${formatTime(Date.parse(e.at))}`),
        h('strong', {}, t(`alarmEvent.${e.type}`, undefined, e.type)),
        e.actor ? h('span', {}, ` · ${e.actor}`) : null,
        e.value != null ? h('span', {}, ` · ${formatNumber(e.value, 2)}`) : null,
        e.note ? h('q', {}, e.note) : null)));
    box.replaceChildren(
      h('h3', {}, a.isGroup ? t('alarmList.flood') : this.ruleName(a),
        a.drill ? h('span', { class: 'alarm-badge drill', testid: 'alarm-detail-drill', title: t('drills.badgeTitle') }, t('drills.badge')) : null),
      h('dl', { class: 'alarm-facts' },
        h('dt', {}, t('alarmList.source')), h('dd', {}, a.sourceId),
        h('dt', {}, t('alarmList.state')), h('dd', { testid: 'alarm-state' }, t(`alarmState.${a.state}`)),
        h('dt', {}, t('alarmList.service')), h('dd', {}, t(`service.${a.service}`)),
        h('dt', {}, t('alarmList.value')), h('dd', {}, formatNumber(a.value, 2)),
        h('dt', {}, t('alarmList.first')), h('dd', {}, `${formatDate(Date.parse(a.firstAt))} ${formatTime(Date.parse(a.firstAt))}`),
        a.assignedTo ? h('dt', {}, t('alarmList.assignee')) : null, a.assignedTo ? h('dd', { testid: 'alarm-assigned' }, a.assignedTo) : null),
      ...(a.isGroup ? [] : [h('button', { type: 'button', class: 'ghost small', testid: 'alarm-show', on: { click: () => this.options.onShow(a) } }, t('alarmList.show'))]),
      actions,
      h('h4', {}, t('alarmList.timeline')),
      timeline);
  }

  openRules() {
    this.rules ??= new RulesEditor(this.root, () => { this.render(); this.loadRuleNames(); });
    this.rules.open();
  }
}
