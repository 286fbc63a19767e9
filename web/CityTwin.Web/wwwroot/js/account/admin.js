// Administration (admins only): accounts (roles as checkboxes, disable/enable, reset password,
// create), every API token (revoke), and the audit log with filters, paging and a CSV download
// carrying the same filters. A drawer on the right on wide screens, a bottom sheet on phones.
import { ProblemError, api } from '../core/api.js';
import { h } from '../core/dom.js';
import { cityTimeZone, formatNumber } from '../core/format.js';
import { applyTo, onLanguageChange, t } from '../core/i18n.js';
import { ROLES, me } from '../core/session.js';
import { formField, generalErrors, showFieldErrors } from './dialog.js';
import { tokenTable, when } from './tokens.js';

const TABS = ['users', 'tokens', 'audit'];
const PAGE_SIZE = 25;
const OUTCOMES = ['done', 'refused', 'failed'];

/**
 * A value of a datetime-local input, read as a time in the city's zone (as every time on the page
 * is shown), as an instant (ISO 8601); '' when empty.
 * @param {string} v "2026-12-07T09:30"
 */
export function instant(v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(v ?? '');
  if (!m) return '';
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  // The zone's offset at that moment (twice: the first guess may sit across a DST change).
  let at = wall - zoneOffset(wall);
  at = wall - zoneOffset(at);
  return new Date(at).toISOString();
}

/** Milliseconds the city's zone is ahead of UTC at an instant. @param {number} ms */
function zoneOffset(ms) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: cityTimeZone(), hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).map(p => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

export class AdminPanel {
  /** @param {HTMLElement} stage */
  constructor(stage) {
    this.isOpen = false;
    this.tab = 'users';
    this.page = 1;
    /** @type {Record<string, {tab: HTMLElement, panel: HTMLElement}>} */
    this.panels = {};
    this.root = h('aside', { class: 'panel admin', id: 'admin', testid: 'admin-panel', hidden: true, 'aria-labelledby': 'admin-title' });
    const close = h('button', { type: 'button', class: 'icon-btn', testid: 'admin-close', text: '✕', i18nAria: 'account.close', i18nTitle: 'account.close' });
    close.addEventListener('click', () => this.close());
    const tablist = h('div', { class: 'planner-tabs', role: 'tablist', i18nAria: 'admin.title' });
    const body = h('div', { class: 'planner-body' });
    for (const name of TABS) {
      const tab = h('button', { type: 'button', role: 'tab', id: `admin-tab-${name}`, testid: `admin-tab-${name}`, 'aria-controls': `admin-panel-${name}`, 'aria-selected': 'false', tabindex: '-1' },
        h('span', { i18n: `admin.tab.${name}` }));
      tab.addEventListener('click', () => this.selectTab(name));
      const panel = h('section', { role: 'tabpanel', id: `admin-panel-${name}`, class: 'planner-panel admin-section', testid: `admin-section-${name}`, 'aria-labelledby': `admin-tab-${name}`, hidden: true });
      tablist.append(tab);
      body.append(panel);
      this.panels[name] = { tab, panel };
    }
    tablist.addEventListener('keydown', (e) => {
      const i = TABS.indexOf(this.tab);
      const to = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
      if (to < 0) return;
      e.preventDefault();
      this.selectTab(TABS[to]);
      this.panels[TABS[to]].tab.focus();
    });
    this.root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !e.defaultPrevented) { e.stopPropagation(); this.close(); } });
    this.root.append(
      h('div', { class: 'planner-head' }, h('div', {}, h('div', { class: 'eyebrow', i18n: 'admin.eyebrow' }), h('h2', { id: 'admin-title', i18n: 'admin.title' })), close),
      tablist, body);
    stage.append(this.root);

    this.users = new UsersSection(this.panels.users.panel);
    this.tokens = h('div', { class: 'section-body' });
    this.panels.tokens.panel.append(this.tokens);
    this.audit = new AuditSection(this.panels.audit.panel);
    onLanguageChange(() => { if (this.isOpen) this.load(); });
  }

  open() {
    if (!me().may.administer) return;
    if (!this.isOpen) {
      this.isOpen = true;
      this.root.hidden = false;
      document.body.dataset.adminOpen = 'true';
      applyTo(this.root);
    }
    this.selectTab(this.tab);
    this.panels[this.tab].tab.focus();
  }

  close() {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.root.hidden = true;
    delete document.body.dataset.adminOpen;
  }

  /** @param {string} name */
  selectTab(name) {
    this.tab = name;
    for (const [n, p] of Object.entries(this.panels)) {
      const on = n === name;
      p.tab.setAttribute('aria-selected', String(on));
      p.tab.tabIndex = on ? 0 : -1;
      p.panel.hidden = !on;
    }
    this.root.dataset.tab = name;
    this.load();
  }

  load() {
    if (this.tab === 'users') this.users.load();
    else if (this.tab === 'tokens') this.loadTokens();
    else this.audit.load();
  }

  async loadTokens() {
    this.tokens.replaceChildren(h('p', { class: 'muted', i18n: 'account.loading' }));
    try {
      const list = await api.admin.tokens();
      this.tokens.replaceChildren(list?.length
        ? h('div', { class: 'table-wrap' }, tokenTable(list, { owner: true, revoke: async (tok) => { await api.admin.revokeToken(tok.id); await this.loadTokens(); } }))
        : h('p', { class: 'muted', i18n: 'admin.tokens.none' }));
    } catch (e) {
      console.warn(e);
      this.tokens.replaceChildren(h('p', { class: 'field-error', i18n: 'account.loadFailed' }));
    }
  }

  /** Test and console hooks (window.cityTwin.admin). */
  get hooks() {
    const self = this;
    return { get open() { return self.isOpen; }, get tab() { return self.tab; }, openAdmin: () => self.open(), closeAdmin: () => self.close() };
  }
}

/** Role checkboxes (one per role). @param {string[]} held @param {string} idPrefix */
function roleChecks(held, idPrefix) {
  return ROLES.map(r => h('label', { class: 'check', title: t(`role.${r}.allows`) },
    h('input', { type: 'checkbox', value: r, checked: held.includes(r), dataset: { role: r }, id: `${idPrefix}-${r}` }),
    h('span', { text: t(`role.${r}`) })));
}

/** @param {ParentNode} box */
const checkedRoles = (box) => [...box.querySelectorAll('input[data-role]:checked')].map(i => /** @type {HTMLInputElement} */ (i).value);

class UsersSection {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.list = h('div', { class: 'section-body' });
    this.message = generalErrors('admin-users-error');

    const userName = h('input', { type: 'text', class: 'text', testid: 'new-user-name', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', maxlength: 256 });
    const displayName = h('input', { type: 'text', class: 'text', testid: 'new-user-display', autocomplete: 'off', maxlength: 200 });
    const password = h('input', { type: 'password', class: 'text', testid: 'new-user-password', autocomplete: 'new-password' });
    this.fields = {
      userName: formField('admin.users.userName', userName),
      displayName: formField('admin.users.displayName', displayName),
      password: formField('admin.users.password', password, { hintKey: 'account.password.rule' }),
    };
    this.roleBox = h('div', { class: 'check-row', testid: 'new-user-roles' });
    this.roleErrors = h('div', { class: 'field-errors', 'aria-live': 'polite' });
    this.allFields = { ...this.fields, roles: { show: (/** @type {string[]} */ m) => this.roleErrors.replaceChildren(...m.map(x => h('p', { class: 'field-error', text: x }))) } };
    this.general = generalErrors('new-user-error');
    this.created = h('p', { class: 'ok-note', role: 'status', testid: 'new-user-done', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn primary', testid: 'new-user-create', i18n: 'admin.users.create' });
    const form = h('form', { class: 'modal-form admin-form', novalidate: true, testid: 'new-user-form' },
      h('h3', { i18n: 'admin.users.new' }),
      h('div', { class: 'form-grid' }, this.fields.userName.wrap, this.fields.displayName.wrap, this.fields.password.wrap),
      h('fieldset', { class: 'plain' }, h('legend', { i18n: 'admin.users.roles' }), this.roleBox, this.roleErrors),
      this.general.box, this.created,
      h('div', { class: 'modal-actions' }, submit));
    form.addEventListener('submit', (e) => { e.preventDefault(); this.create(submit); });
    root.append(h('div', { class: 'section-body' }, this.message.box, this.list, form));
  }

  async load() {
    this.roleBox.replaceChildren(...roleChecks(['viewer'], 'new-user-role'));
    if (!this.list.childElementCount) this.list.replaceChildren(h('p', { class: 'muted', i18n: 'account.loading' }));
    try {
      this.render(await api.admin.users());
    } catch (e) {
      console.warn(e);
      this.list.replaceChildren(h('p', { class: 'field-error', i18n: 'account.loadFailed' }));
    }
  }

  /** @param {any[]} users */
  render(users) {
    const rows = (users ?? []).map(u => this.row(u));
    this.list.replaceChildren(h('div', { class: 'table-wrap' }, h('table', { class: 'data-table users-table', testid: 'users-table' },
      h('thead', {}, h('tr', {}, h('th', { i18n: 'admin.users.user' }), h('th', { i18n: 'admin.users.roles' }), h('th', { i18n: 'admin.users.state' }), h('th', { class: 'actions' }, h('span', { class: 'sr-only', i18n: 'account.actions' })))),
      h('tbody', {}, rows))));
  }

  /** @param {any} u */
  row(u) {
    const held = u.roles ?? [];
    const checks = h('div', { class: 'check-row' }, ...roleChecks(held, `roles-${u.userName}`));
    const save = h('button', { type: 'button', class: 'btn small primary', testid: 'user-save-roles', i18n: 'admin.users.saveRoles', disabled: true });
    const rowError = h('p', { class: 'field-error small', role: 'alert', hidden: true });
    const fail = (/** @type {unknown} */ e) => {
      rowError.hidden = false;
      rowError.textContent = e instanceof ProblemError ? (Object.values(e.errors).flat()[0] ?? e.detail ?? e.title) : t('account.failed');
    };
    checks.addEventListener('change', () => {
      const now = checkedRoles(checks);
      save.disabled = now.length === held.length && now.every(r => held.includes(r));
    });
    save.addEventListener('click', async () => {
      save.disabled = true;
      try { await api.admin.setRoles(u.userName, checkedRoles(checks)); await this.load(); } catch (e) { fail(e); save.disabled = false; }
    });
    const toggle = h('button', { type: 'button', class: `btn small${u.disabled ? '' : ' danger'}`, testid: 'user-toggle', i18n: u.disabled ? 'admin.users.enable' : 'admin.users.disable' });
    toggle.addEventListener('click', async () => {
      toggle.disabled = true;
      try { await api.admin.setDisabled(u.userName, !u.disabled); await this.load(); } catch (e) { fail(e); toggle.disabled = false; }
    });
    // Reset password: the button opens a small inline form.
    const resetInput = h('input', { type: 'password', class: 'text', testid: 'user-reset-password', autocomplete: 'new-password', 'aria-label': t('admin.users.newPasswordFor', { name: u.userName }) });
    const resetGo = h('button', { type: 'submit', class: 'btn small primary', testid: 'user-reset-submit', i18n: 'admin.users.setPassword' });
    const resetForm = h('form', { class: 'inline-form', hidden: true, novalidate: true }, resetInput, resetGo);
    const reset = h('button', { type: 'button', class: 'btn small', testid: 'user-reset', i18n: 'admin.users.resetPassword' });
    reset.addEventListener('click', () => { resetForm.hidden = !resetForm.hidden; if (!resetForm.hidden) resetInput.focus(); });
    resetForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!resetInput.value) { fail(new Error()); rowError.textContent = t('account.password.needNew'); return; }
      resetGo.disabled = true;
      try {
        await api.admin.resetPassword(u.userName, resetInput.value);
        resetInput.value = '';
        resetForm.hidden = true;
        rowError.hidden = false;
        rowError.className = 'ok-note small';
        rowError.textContent = t('admin.users.passwordSet');
      } catch (err) { fail(err); } finally { resetGo.disabled = false; }
    });
    const state = u.disabled ? 'disabled' : u.lockedOut ? 'locked' : 'active';
    const you = u.userName === me().userName;
    return h('tr', { testid: 'user-row', dataset: { user: u.userName, state } },
      h('td', { 'data-label': t('admin.users.user') },
        h('strong', { text: u.userName }), you ? h('span', { class: 'muted small', text: ` (${t('admin.users.you')})` }) : null,
        u.displayName && u.displayName !== u.userName ? h('div', { class: 'muted small', text: u.displayName }) : null,
        u.singleSignOn ? h('div', { class: 'muted small', i18n: 'admin.users.sso' }) : null),
      h('td', { 'data-label': t('admin.users.roles') }, checks),
      h('td', { 'data-label': t('admin.users.state') }, h('span', { class: 'state-chip', dataset: { state }, text: t(`admin.users.state.${state}`) })),
      h('td', { class: 'actions' }, h('div', { class: 'run-actions' }, save, toggle, reset), resetForm, rowError));
  }

  /** @param {HTMLButtonElement} button */
  async create(button) {
    const userName = this.fields.userName.input.value.trim();
    const password = this.fields.password.input.value;
    const local = {
      ...(userName ? {} : { userName: [t('admin.users.needUserName')] }),
      ...(password ? {} : { password: [t('account.password.needNew')] }),
    };
    this.created.hidden = true;
    this.general.show(showFieldErrors(this.allFields, local));
    if (Object.keys(local).length) return;
    button.disabled = true;
    try {
      const user = await api.admin.createUser({ userName, displayName: this.fields.displayName.input.value.trim() || undefined, password, roles: checkedRoles(this.roleBox) });
      for (const f of Object.values(this.fields)) f.input.value = '';
      this.created.textContent = t('admin.users.created', { name: user?.userName ?? userName });
      this.created.hidden = false;
      await this.load();
    } catch (e) {
      const rest = e instanceof ProblemError ? showFieldErrors(this.allFields, e.errors) : [];
      if (!(e instanceof ProblemError)) rest.push(t('account.failed'));
      else if (!Object.keys(e.errors).length) rest.push(e.detail || e.title);
      this.general.show(rest);
    } finally {
      button.disabled = false;
    }
  }
}

class AuditSection {
  /** @param {HTMLElement} root */
  constructor(root) {
    this.page = 1;
    this.total = 0;
    this.from = h('input', { type: 'datetime-local', class: 'text', testid: 'audit-from' });
    this.to = h('input', { type: 'datetime-local', class: 'text', testid: 'audit-to' });
    this.actor = h('input', { type: 'text', class: 'text', testid: 'audit-actor', autocomplete: 'off' });
    this.action = h('input', { type: 'text', class: 'text', testid: 'audit-action', autocomplete: 'off', list: 'audit-actions' });
    this.outcome = h('select', { testid: 'audit-outcome' });
    const actions = h('datalist', { id: 'audit-actions' }, ...['account.', 'user.', 'token.', 'clock.set', 'scenario.', 'access.forbidden'].map(a => h('option', { value: a })));
    this.fields = {
      from: formField('admin.audit.from', this.from, { hintKey: 'admin.audit.zoneHint' }),
      to: formField('admin.audit.to', this.to),
      actor: formField('admin.audit.actor', this.actor),
      action: formField('admin.audit.action', this.action, { hintKey: 'admin.audit.actionHint' }),
      outcome: formField('admin.audit.outcome', this.outcome),
    };
    const apply = h('button', { type: 'submit', class: 'btn primary', testid: 'audit-apply', i18n: 'admin.audit.apply' });
    const clear = h('button', { type: 'button', class: 'btn', testid: 'audit-clear', i18n: 'admin.audit.clear' });
    this.csv = h('a', { class: 'btn', testid: 'audit-csv', i18n: 'admin.audit.csv', download: 'citytwin-audit.csv' });
    const form = h('form', { class: 'audit-filters', novalidate: true, testid: 'audit-filters' },
      h('div', { class: 'form-grid' }, ...Object.values(this.fields).map(f => f.wrap)), actions,
      h('div', { class: 'modal-actions' }, clear, apply, this.csv));
    form.addEventListener('submit', (e) => { e.preventDefault(); this.page = 1; this.load(); });
    clear.addEventListener('click', () => { for (const f of Object.values(this.fields)) f.input.value = ''; this.page = 1; this.load(); });
    form.addEventListener('input', () => this.paintCsv());
    this.general = generalErrors('audit-error');
    this.list = h('div', { class: 'table-wrap' });
    this.prev = h('button', { type: 'button', class: 'btn small', testid: 'audit-prev', i18n: 'admin.audit.prev' });
    this.next = h('button', { type: 'button', class: 'btn small', testid: 'audit-next', i18n: 'admin.audit.next' });
    this.pageText = h('span', { class: 'muted small', testid: 'audit-page', 'aria-live': 'polite' });
    this.prev.addEventListener('click', () => { if (this.page > 1) { this.page--; this.load(); } });
    this.next.addEventListener('click', () => { this.page++; this.load(); });
    root.append(h('div', { class: 'section-body' }, form, this.general.box, this.list, h('div', { class: 'pager' }, this.prev, this.pageText, this.next)));
    this.fillOutcomes();
    onLanguageChange(() => this.fillOutcomes());
  }

  fillOutcomes() {
    const value = this.outcome.value;
    this.outcome.replaceChildren(h('option', { value: '', text: t('admin.audit.any') }), ...OUTCOMES.map(o => h('option', { value: o, text: t(`admin.audit.outcome.${o}`) })));
    this.outcome.value = value;
  }

  filters() {
    return { from: instant(this.from.value), to: instant(this.to.value), actor: this.actor.value.trim(), action: this.action.value.trim(), outcome: this.outcome.value };
  }

  paintCsv() { this.csv.href = api.admin.auditCsvUrl(this.filters()); }

  async load() {
    this.paintCsv();
    this.list.setAttribute('aria-busy', 'true');
    try {
      const result = await api.admin.audit({ ...this.filters(), page: this.page, pageSize: PAGE_SIZE });
      for (const f of Object.values(this.fields)) f.show([]);
      this.general.show([]);
      this.total = Number(result?.total) || 0;
      this.render(result?.entries ?? []);
    } catch (e) {
      const rest = e instanceof ProblemError ? showFieldErrors(this.fields, e.errors) : [t('account.loadFailed')];
      this.general.show(rest);
    } finally {
      this.list.removeAttribute('aria-busy');
    }
  }

  /** @param {any[]} entries */
  render(entries) {
    const pages = Math.max(1, Math.ceil(this.total / PAGE_SIZE));
    this.prev.disabled = this.page <= 1;
    this.next.disabled = this.page >= pages;
    this.pageText.textContent = t('admin.audit.pageOf', { page: formatNumber(this.page, 0), pages: formatNumber(pages, 0), total: formatNumber(this.total, 0) });
    if (!entries.length) { this.list.replaceChildren(h('p', { class: 'muted', testid: 'audit-empty', i18n: 'admin.audit.none' })); return; }
    const cols = ['at', 'actor', 'action', 'target', 'outcome', 'detail'];
    this.list.replaceChildren(h('table', { class: 'data-table audit-table', testid: 'audit-table' },
      h('thead', {}, h('tr', {}, ...cols.map(c => h('th', { i18n: `admin.audit.col.${c}` })))),
      h('tbody', {}, ...entries.map(e => h('tr', { testid: 'audit-row', dataset: { action: e.action, outcome: e.outcome } },
        h('td', { 'data-label': t('admin.audit.col.at'), class: 'nowrap', text: when(e.at) }),
        h('td', { 'data-label': t('admin.audit.col.actor'), text: e.actor }),
        h('td', { 'data-label': t('admin.audit.col.action'), class: 'mono', text: e.action }),
        h('td', { 'data-label': t('admin.audit.col.target'), text: e.target ?? '' }),
        h('td', { 'data-label': t('admin.audit.col.outcome') }, h('span', { class: 'state-chip', dataset: { state: e.outcome }, text: t(`admin.audit.outcome.${e.outcome}`, undefined, e.outcome) })),
        h('td', { 'data-label': t('admin.audit.col.detail'), class: 'detail', text: [e.detail, e.via ? `(${e.via})` : '', e.address ?? ''].filter(Boolean).join(' ') }))))));
  }
}
