// The account corner of the header: "Sign in" when nobody is, else the user name with a role chip
// and a menu (My API tokens, Change password, Administration for admins, Sign out). Also the
// query parameters other pages send here: ?signin=1&returnUrl=/dashboard (a page that needs an
// account) and ?signin-error=sso|disabled (single sign-on came back refused).
import { $, h } from '../core/dom.js';
import { onLanguageChange, t } from '../core/i18n.js';
import { mainRole, me, onSignInNeeded, refreshSession, signOut } from '../core/session.js';
import { store } from '../core/store.js';
import { PasswordDialog } from './password.js';
import { SignInDialog, localPath } from './signin.js';
import { TokensDialog } from './tokens.js';

export class AccountMenu {
  /**
   * @param {HTMLElement} header the top bar; the button goes at its end
   * @param {{openAdmin: () => void, closeAdmin: () => void}} ctx
   */
  constructor(header, ctx) {
    this.ctx = ctx;
    this.signIn = new SignInDialog();
    /** @type {TokensDialog|null} */ this.tokens = null;
    /** @type {PasswordDialog|null} */ this.password = null;

    const icon = h('span', { class: 'account-icon', 'aria-hidden': 'true' });
    icon.innerHTML = '<svg viewBox="0 0 20 20"><circle cx="10" cy="7" r="3.3" fill="none" stroke="currentColor" stroke-width="1.7"/><path d="M3.5 17c.8-3.3 3.4-5 6.5-5s5.7 1.7 6.5 5" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round"/></svg>';
    this.label = h('span', { class: 'label account-label' });
    this.role = h('span', { class: 'role-chip', testid: 'account-role', hidden: true });
    this.button = h('button', { type: 'button', class: 'btn account-btn', id: 'account-button', testid: 'account-button', dataset: { signedIn: 'false' } }, icon, this.label, this.role);
    this.button.addEventListener('click', () => this.onButton());

    this.who = h('div', { class: 'account-who' });
    const item = (/** @type {string} */ key, /** @type {string} */ testid, /** @type {() => void} */ fn) => {
      const b = h('button', { type: 'button', role: 'menuitem', class: 'menu-item', testid, i18n: key });
      b.addEventListener('click', () => { this.setMenu(false); fn(); });
      return b;
    };
    this.adminItem = item('account.menu.admin', 'menu-admin', () => ctx.openAdmin());
    // The cluster dashboard is for admins: in their menu (the header's link is theirs too, where it fits).
    this.dashboardItem = h('a', { role: 'menuitem', class: 'menu-item', testid: 'menu-dashboard', href: 'dashboard/', target: '_blank', rel: 'noopener', i18n: 'account.menu.dashboard', i18nTitle: 'ops.dashboardTitle' });
    this.dashboardItem.addEventListener('click', () => this.setMenu(false));
    this.dashboardLink = document.querySelector('[data-testid="dashboard-link"]');
    this.menu = h('div', { class: 'account-menu', id: 'account-menu', role: 'menu', testid: 'account-menu', hidden: true, 'aria-labelledby': 'account-button' },
      this.who,
      item('account.menu.tokens', 'menu-tokens', () => (this.tokens ??= new TokensDialog()).open()),
      item('account.menu.password', 'menu-password', () => (this.password ??= new PasswordDialog()).open()),
      this.adminItem,
      this.dashboardItem,
      item('account.menu.signOut', 'menu-sign-out', () => this.signOut()));
    this.menu.addEventListener('keydown', (e) => {
      const items = [...this.menu.querySelectorAll('[role=menuitem]:not([hidden])')].map(x => /** @type {HTMLElement} */ (x));
      const i = items.indexOf(/** @type {HTMLElement} */ (document.activeElement));
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      } else if (e.key === 'Escape') { this.setMenu(false); this.button.focus(); }
    });
    document.addEventListener('click', (e) => {
      if (!this.menu.hidden && e.target instanceof Node && !this.menu.contains(e.target) && !this.button.contains(e.target)) this.setMenu(false);
    });
    header.append(this.button, this.menu);

    store.subscribe('me', () => this.paint());
    onLanguageChange(() => this.paint());
    onSignInNeeded(() => { if (!me().signedIn && !this.signIn.modal.isOpen) this.signIn.open({ reason: 'needed' }); });
    this.paint();
  }

  onButton() {
    if (!me().signedIn) { this.signIn.open(); return; }
    this.setMenu(this.menu.hidden);
  }

  /** @param {boolean} open */
  setMenu(open) {
    this.menu.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) /** @type {HTMLElement|null} */ (this.menu.querySelector('[role=menuitem]'))?.focus();
  }

  paint() {
    const session = me();
    const signedIn = session.signedIn;
    this.button.dataset.signedIn = String(signedIn);
    if (signedIn) {
      const role = mainRole(session);
      const name = session.displayName || session.userName || '';
      this.label.textContent = name;
      this.role.hidden = !role;
      this.role.textContent = role ? t(`role.${role}`) : '';
      if (role) this.role.dataset.role = role;
      this.button.setAttribute('aria-haspopup', 'menu');
      this.button.setAttribute('aria-controls', 'account-menu');
      this.button.setAttribute('aria-expanded', String(!this.menu.hidden));
      const roles = session.roles.map(r => t(`role.${r}`)).join(', ') || t('account.noRole');
      const label = t('account.signedInAs', { name: session.userName ?? '', roles });
      this.button.setAttribute('aria-label', label);
      this.button.title = label;
      this.who.replaceChildren(h('strong', { text: name }), h('span', { class: 'muted small', text: roles }));
    } else {
      this.setMenu(false);
      this.label.textContent = t('account.signIn.button');
      this.role.hidden = true;
      this.button.removeAttribute('aria-haspopup');
      this.button.removeAttribute('aria-controls');
      this.button.removeAttribute('aria-expanded');
      this.button.setAttribute('aria-label', t('account.signIn.button'));
      this.button.title = t('account.signIn.buttonTitle');
    }
    this.adminItem.hidden = !session.may.administer;
    this.dashboardItem.hidden = !session.may.administer;
    if (this.dashboardLink instanceof HTMLElement) this.dashboardLink.hidden = !session.may.administer;
    if (!session.may.administer) this.ctx.closeAdmin();
  }

  async signOut() {
    try { await signOut(); } catch (e) { console.warn('Sign-out failed', e); }
    this.button.focus();
  }

  /**
   * Handles ?signin=1&returnUrl= and ?signin-error= once at start (then removes them from the
   * address), and asks for an account before anything loads when the city requires one.
   * Resolves when the page may load its data.
   */
  async start() {
    const params = new URLSearchParams(location.search);
    const wantSignIn = params.get('signin') === '1';
    const returnUrl = localPath(params.get('returnUrl'));
    const error = params.get('signin-error');
    if (wantSignIn || error || params.has('returnUrl')) {
      for (const k of ['signin', 'returnUrl', 'signin-error']) params.delete(k);
      const rest = params.toString();
      history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    }
    const errorText = error === 'disabled' ? t('account.signIn.ssoDisabled') : error ? t('account.signIn.ssoFailed') : null;
    let session = me();
    try { session = await refreshSession(); } catch (e) { console.warn('Session unavailable', e); }
    if (session.signedIn && wantSignIn && returnUrl && returnUrl !== '/') { location.assign(returnUrl); return; }
    if (session.requireSignIn && !session.signedIn) {
      while (!(await this.signIn.open({ reason: 'required', error: errorText, returnUrl }))) { /* keep asking */ }
      return;
    }
    if (!session.signedIn && (wantSignIn || errorText)) this.signIn.open({ reason: wantSignIn && returnUrl ? 'returnUrl' : null, error: errorText, returnUrl });
  }
}

/** The header's account corner. @param {{openAdmin: () => void, closeAdmin: () => void}} ctx */
export function setupAccount(ctx) {
  return new AccountMenu($('.topbar'), ctx);
}
