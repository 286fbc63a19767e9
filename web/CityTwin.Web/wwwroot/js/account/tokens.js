// "My API tokens": the signed-in person's tokens (never their secrets), a form to make one with
// scopes from their own roles (the secret is shown once, with a copy button), and revoking.
import { ProblemError, api } from '../core/api.js';
import { h } from '../core/dom.js';
import { formatDate, formatTime, toMillis } from '../core/format.js';
import { t } from '../core/i18n.js';
import { ROLES, me } from '../core/session.js';
import { Modal, formField, generalErrors, showFieldErrors } from './dialog.js';

/** A time as the page shows it everywhere (the city's zone), or a dash. @param {unknown} v */
export function when(v) {
  const ms = toMillis(v);
  return Number.isFinite(ms) ? `${formatDate(ms)} ${formatTime(ms, { seconds: false })}` : '–';
}

/** @param {any} token */
export function tokenState(token) {
  if (token.revokedAt) return 'revoked';
  if (!token.usable) return 'expired';
  return 'active';
}

/** The scopes a person may give a token: their roles, and metrics for admins. @param {string[]} roles */
export function grantableScopes(roles) {
  const out = ROLES.filter(r => roles.includes(r));
  if (roles.includes('admin')) out.push('metrics');
  return out;
}

export class TokensDialog {
  constructor() {
    this.modal = new Modal({ titleKey: 'account.tokens.title', testid: 'tokens-dialog', wide: true });
    this.list = h('div', { class: 'table-wrap' });
    this.secretBox = h('div', { class: 'secret-box', testid: 'token-secret-box', hidden: true, role: 'status' });

    const name = h('input', { type: 'text', class: 'text', testid: 'token-name', maxlength: 100, autocomplete: 'off' });
    const days = h('input', { type: 'number', class: 'text', testid: 'token-days', min: 1, max: 3650, step: 1, inputmode: 'numeric' });
    this.fields = {
      name: formField('account.tokens.name', name, { hintKey: 'account.tokens.nameHint' }),
      expiresInDays: formField('account.tokens.days', days, { hintKey: 'account.tokens.daysHint' }),
    };
    this.scopesBox = h('div', { class: 'check-row', testid: 'token-scopes' });
    this.scopeErrors = h('div', { class: 'field-errors', 'aria-live': 'polite' });
    const scopesField = { show: (/** @type {string[]} */ m) => this.scopeErrors.replaceChildren(...m.map(x => h('p', { class: 'field-error', testid: 'field-error', text: x }))) };
    this.allFields = { ...this.fields, scopes: scopesField };
    this.general = generalErrors('token-error');
    const create = h('button', { type: 'submit', class: 'btn primary', testid: 'token-create', i18n: 'account.tokens.create' });
    const form = h('form', { class: 'modal-form', novalidate: true, testid: 'token-form' },
      h('h3', { i18n: 'account.tokens.new' }),
      h('div', { class: 'form-grid' }, this.fields.name.wrap, this.fields.expiresInDays.wrap),
      h('fieldset', { class: 'plain' }, h('legend', { i18n: 'account.tokens.scopes' }), this.scopesBox, this.scopeErrors),
      this.general.box,
      h('div', { class: 'modal-actions' }, create));
    form.addEventListener('submit', (e) => { e.preventDefault(); this.create(create); });
    this.modal.body.append(this.secretBox, h('h3', { i18n: 'account.tokens.yours' }), this.list, form);
  }

  async open() {
    this.secretBox.hidden = true;
    this.secretBox.replaceChildren();
    const roles = me().roles;
    this.scopesBox.replaceChildren(...grantableScopes(roles).map(s =>
      h('label', { class: 'check' }, h('input', { type: 'checkbox', value: s, checked: s !== 'admin' && s !== 'metrics', dataset: { scope: s } }), h('span', { text: t(`role.${s}`) }))));
    this.modal.open();
    await this.load();
  }

  async load() {
    this.list.replaceChildren(h('p', { class: 'muted', i18n: 'account.loading' }));
    try {
      this.render(await api.account.tokens());
    } catch (e) {
      console.warn(e);
      this.list.replaceChildren(h('p', { class: 'field-error', i18n: 'account.loadFailed' }));
    }
  }

  /** @param {any[]} tokens */
  render(tokens) {
    if (!tokens?.length) { this.list.replaceChildren(h('p', { class: 'muted', testid: 'tokens-empty', i18n: 'account.tokens.none' })); return; }
    this.list.replaceChildren(tokenTable(tokens, { owner: false, revoke: async (tok) => { await api.account.revokeToken(tok.id); await this.load(); } }));
  }

  /** @param {HTMLButtonElement} button */
  async create(button) {
    const name = this.fields.name.input.value.trim();
    const days = this.fields.expiresInDays.input.value.trim();
    const scopes = [...this.scopesBox.querySelectorAll('input:checked')].map(i => /** @type {HTMLInputElement} */ (i).value);
    const local = {
      ...(name ? {} : { name: [t('account.tokens.needName')] }),
      ...(scopes.length ? {} : { scopes: [t('account.tokens.needScope')] }),
    };
    this.general.show(showFieldErrors(this.allFields, local));
    if (Object.keys(local).length) return;
    button.disabled = true;
    try {
      const created = await api.account.createToken({ name, scopes, ...(days ? { expiresInDays: Number(days) } : {}) });
      this.showSecret(created.token, created.secret);
      this.fields.name.input.value = '';
      this.fields.expiresInDays.input.value = '';
      await this.load();
    } catch (e) {
      const rest = e instanceof ProblemError ? showFieldErrors(this.allFields, e.errors) : [];
      this.general.show(rest.length || !(e instanceof ProblemError) || !Object.keys(e.errors).length ? [...rest, t('account.tokens.createFailed')] : []);
    } finally {
      button.disabled = false;
    }
  }

  /** @param {any} token @param {string} secret */
  showSecret(token, secret) {
    const value = h('input', { type: 'text', class: 'text mono', readonly: true, value: secret, testid: 'token-secret', 'aria-label': t('account.tokens.secretLabel') });
    const copy = h('button', { type: 'button', class: 'btn', testid: 'token-copy', i18n: 'account.tokens.copy' });
    copy.addEventListener('click', async () => {
      value.select();
      try { await navigator.clipboard.writeText(secret); } catch { document.execCommand?.('copy'); }
      copy.textContent = t('account.tokens.copied');
    });
    this.secretBox.replaceChildren(
      h('p', { class: 'secret-title', text: t('account.tokens.secretFor', { name: token.name }) }),
      h('p', { class: 'muted small', i18n: 'account.tokens.secretOnce' }),
      h('div', { class: 'secret-row' }, value, copy));
    this.secretBox.hidden = false;
    value.focus();
    value.select();
  }
}

/**
 * Tokens as a table (own tokens, or every token for admins with the owner column).
 * @param {any[]} tokens
 * @param {{owner: boolean, revoke: (token: any) => Promise<void>}} options
 */
export function tokenTable(tokens, { owner, revoke: revokeFn }) {
  const head = h('tr', {},
    h('th', { i18n: 'account.tokens.name' }),
    owner ? h('th', { i18n: 'admin.tokens.owner' }) : null,
    h('th', { i18n: 'account.tokens.scopes' }),
    h('th', { i18n: 'account.tokens.prefix' }),
    h('th', { i18n: 'account.tokens.created' }),
    h('th', { i18n: 'account.tokens.expires' }),
    h('th', { i18n: 'account.tokens.lastUsed' }),
    h('th', { i18n: 'account.tokens.state' }),
    h('th', { class: 'actions' }, h('span', { class: 'sr-only', i18n: 'account.actions' })));
  const rows = tokens.map(tok => {
    const state = tokenState(tok);
    const revoke = h('button', { type: 'button', class: 'btn small danger', testid: 'token-revoke', i18n: 'account.tokens.revoke', hidden: state === 'revoked' });
    revoke.setAttribute('aria-label', t('account.tokens.revokeNamed', { name: tok.name }));
    revoke.addEventListener('click', async () => {
      if (revoke.dataset.armed !== 'true') { revoke.dataset.armed = 'true'; revoke.textContent = t('account.tokens.confirmRevoke'); return; }
      revoke.disabled = true;
      try { await revokeFn(tok); } catch (e) { console.warn(e); revoke.disabled = false; revoke.textContent = t('account.failed'); }
    });
    return h('tr', { testid: 'token-row', dataset: { id: tok.id, state } },
      h('td', { 'data-label': t('account.tokens.name'), text: tok.name }),
      owner ? h('td', { 'data-label': t('admin.tokens.owner'), text: tok.owner }) : null,
      h('td', { 'data-label': t('account.tokens.scopes'), text: (tok.scopes ?? []).map((/** @type {string} */ s) => t(`role.${s}`)).join(', ') }),
      h('td', { 'data-label': t('account.tokens.prefix'), class: 'mono', text: `${tok.prefix}…` }),
      h('td', { 'data-label': t('account.tokens.created'), text: when(tok.createdAt) }),
      h('td', { 'data-label': t('account.tokens.expires'), text: tok.expiresAt ? when(tok.expiresAt) : t('account.tokens.never') }),
      h('td', { 'data-label': t('account.tokens.lastUsed'), text: tok.lastUsedAt ? when(tok.lastUsedAt) : t('account.tokens.notUsed') }),
      h('td', { 'data-label': t('account.tokens.state') }, h('span', { class: 'state-chip', dataset: { state }, text: t(`account.tokens.state.${state}`) })),
      h('td', { class: 'actions' }, revoke));
  });
  return h('table', { class: 'data-table', testid: owner ? 'admin-tokens-table' : 'tokens-table' }, h('thead', {}, head), h('tbody', {}, rows));
}
