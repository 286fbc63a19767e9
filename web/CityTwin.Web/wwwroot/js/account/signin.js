// The sign-in dialog: user name, password, "keep me signed in", the server's messages per field,
// the lockout wait, and the single sign-on button when the city has one.
import { HttpError, ProblemError } from '../core/api.js';
import { h } from '../core/dom.js';
import { formatNumber } from '../core/format.js';
import { t } from '../core/i18n.js';
import { me, signIn } from '../core/session.js';
import { Modal, formField, generalErrors, showFieldErrors } from './dialog.js';

/** Only a path of this site (never another origin): where to go after signing in. @param {string|null} url */
export function localPath(url) {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : null;
}

export class SignInDialog {
  constructor() {
    /** Where to go after signing in (a local path from ?returnUrl=), or null to stay. @type {string|null} */
    this.returnUrl = null;
    /** @type {((value: boolean) => void)[]} */
    this.waiting = [];
    this.busy = false;
    this.modal = new Modal({ titleKey: 'account.signIn.title', testid: 'signin-dialog', onClose: () => this.settle(false) });

    const userName = h('input', { type: 'text', class: 'text', testid: 'signin-username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true, maxlength: 256 });
    const password = h('input', { type: 'password', class: 'text', testid: 'signin-password', autocomplete: 'current-password', required: true, maxlength: 1024 });
    this.fields = { userName: formField('account.signIn.userName', userName), password: formField('account.signIn.password', password) };
    this.remember = h('input', { type: 'checkbox', testid: 'signin-remember' });
    this.general = generalErrors('signin-error');
    this.intro = h('p', { class: 'muted small', testid: 'signin-intro' });
    this.submit = h('button', { type: 'submit', class: 'btn primary', testid: 'signin-submit', i18n: 'account.signIn.submit' });
    this.sso = h('a', { class: 'btn sso-btn', testid: 'signin-sso', hidden: true });
    const form = h('form', { class: 'modal-form', novalidate: true, testid: 'signin-form' },
      this.intro,
      this.fields.userName.wrap,
      this.fields.password.wrap,
      h('label', { class: 'check' }, this.remember, h('span', { i18n: 'account.signIn.remember' })),
      this.general.box,
      h('div', { class: 'modal-actions' }, this.submit),
      h('div', { class: 'sso-row' }, this.sso));
    form.addEventListener('submit', (e) => { e.preventDefault(); this.send(); });
    this.modal.body.append(form);
  }

  /**
   * Opens the dialog; resolves true once signed in, false when closed without.
   * @param {{reason?: 'required'|'needed'|'returnUrl'|null, error?: string|null, returnUrl?: string|null}} [options]
   * @returns {Promise<boolean>}
   */
  open({ reason = null, error = null, returnUrl = null } = {}) {
    if (returnUrl !== null) this.returnUrl = localPath(returnUrl);
    const session = me();
    this.intro.textContent = reason === 'required' ? t('account.signIn.required')
      : reason === 'needed' ? t('account.signIn.needed')
        : reason === 'returnUrl' ? t('account.signIn.forPage') : '';
    this.intro.hidden = !this.intro.textContent;
    const sso = session.singleSignOn;
    this.sso.hidden = !sso.enabled || !sso.url;
    if (sso.enabled && sso.url) {
      const back = this.returnUrl ?? (location.pathname + location.search.replace(/[?&](signin|returnUrl|signin-error)=[^&]*/g, '') || '/');
      this.sso.href = `${sso.url}?returnUrl=${encodeURIComponent(back)}`;
      this.sso.textContent = t('account.signIn.sso', { name: sso.displayName || t('account.signIn.ssoDefault') });
    }
    this.general.show(error ? [error] : []);
    for (const f of Object.values(this.fields)) f.show([]);
    this.modal.open({ dismissable: reason !== 'required' });
    this.fields.userName.input.focus();
    return new Promise(resolve => { this.waiting.push(resolve); });
  }

  /** @param {boolean} value */
  settle(value) {
    const waiting = this.waiting;
    this.waiting = [];
    for (const fn of waiting) fn(value);
  }

  async send() {
    if (this.busy) return;
    const userName = this.fields.userName.input.value.trim();
    const password = this.fields.password.input.value;
    // The same checks as the server, before asking it.
    const missing = showFieldErrors(this.fields, {
      ...(userName ? {} : { userName: [t('account.signIn.needUserName')] }),
      ...(password ? {} : { password: [t('account.signIn.needPassword')] }),
    });
    this.general.show(missing);
    if (!userName) { this.fields.userName.input.focus(); return; }
    if (!password) { this.fields.password.input.focus(); return; }
    this.busy = true;
    this.submit.disabled = true;
    try {
      await signIn({ userName, password, remember: this.remember.checked });
      this.fields.password.input.value = '';
      const back = this.returnUrl;
      this.returnUrl = null;
      this.settle(true);
      this.modal.close();
      if (back && back !== location.pathname + location.search) location.assign(back);
    } catch (e) {
      this.fields.password.input.value = '';
      const rest = e instanceof ProblemError ? showFieldErrors(this.fields, e.errors) : [];
      this.general.show([this.message(e), ...rest]);
      this.fields.password.input.focus();
    } finally {
      this.busy = false;
      this.submit.disabled = false;
    }
  }

  /** @param {unknown} e */
  message(e) {
    if (e instanceof HttpError && e.status === 429) {
      const s = e.retryAfter ?? 60;
      return s >= 90 ? t('account.signIn.lockedMinutes', { n: formatNumber(Math.ceil(s / 60), 0) }) : t('account.signIn.locked', { n: formatNumber(s, 0) });
    }
    if (e instanceof ProblemError && e.status === 401) return /disabled/i.test(e.detail) ? t('account.signIn.disabled') : t('account.signIn.wrong');
    if (e instanceof ProblemError && e.status === 400) return t('account.signIn.check');
    return t('account.signIn.failed');
  }
}
