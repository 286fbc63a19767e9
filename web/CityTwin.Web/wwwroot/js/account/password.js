// Change one's own password: the current one and the new one (typed twice).
import { ProblemError, api } from '../core/api.js';
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { refreshSession } from '../core/session.js';
import { Modal, formField, generalErrors, showFieldErrors } from './dialog.js';

export class PasswordDialog {
  constructor() {
    this.modal = new Modal({ titleKey: 'account.password.title', testid: 'password-dialog' });
    const current = h('input', { type: 'password', class: 'text', testid: 'password-current', autocomplete: 'current-password' });
    const next = h('input', { type: 'password', class: 'text', testid: 'password-new', autocomplete: 'new-password' });
    const again = h('input', { type: 'password', class: 'text', testid: 'password-again', autocomplete: 'new-password' });
    this.fields = {
      currentPassword: formField('account.password.current', current),
      newPassword: formField('account.password.new', next, { hintKey: 'account.password.rule' }),
      again: formField('account.password.again', again),
    };
    this.general = generalErrors('password-error');
    this.done = h('p', { class: 'ok-note', role: 'status', testid: 'password-done', hidden: true, i18n: 'account.password.done' });
    const submit = h('button', { type: 'submit', class: 'btn primary', testid: 'password-submit', i18n: 'account.password.submit' });
    this.form = h('form', { class: 'modal-form', novalidate: true },
      this.fields.currentPassword.wrap, this.fields.newPassword.wrap, this.fields.again.wrap, this.general.box,
      h('div', { class: 'modal-actions' }, submit));
    this.form.addEventListener('submit', (e) => { e.preventDefault(); this.send(submit); });
    this.modal.body.append(this.done, this.form);
  }

  open() {
    for (const f of Object.values(this.fields)) { f.input.value = ''; f.show([]); }
    this.general.show([]);
    this.done.hidden = true;
    this.form.hidden = false;
    this.modal.open();
    this.fields.currentPassword.input.focus();
  }

  /** @param {HTMLButtonElement} button */
  async send(button) {
    const currentPassword = this.fields.currentPassword.input.value;
    const newPassword = this.fields.newPassword.input.value;
    const local = {
      ...(currentPassword ? {} : { currentPassword: [t('account.password.needCurrent')] }),
      ...(newPassword ? {} : { newPassword: [t('account.password.needNew')] }),
      ...(newPassword && this.fields.again.input.value !== newPassword ? { again: [t('account.password.mismatch')] } : {}),
    };
    this.general.show(showFieldErrors(this.fields, local));
    if (Object.keys(local).length) return;
    button.disabled = true;
    try {
      await api.account.changePassword({ currentPassword, newPassword });
      // The session was renewed with the new password: its anti-forgery token too.
      await refreshSession();
      this.form.hidden = true;
      this.done.hidden = false;
    } catch (e) {
      const rest = e instanceof ProblemError ? showFieldErrors(this.fields, e.errors) : [];
      this.general.show(rest.length || !(e instanceof ProblemError) ? [...rest, ...(e instanceof ProblemError ? [] : [t('account.failed')])] : []);
      if (e instanceof ProblemError && !Object.keys(e.errors).length) this.general.show([e.detail || e.title || t('account.failed')]);
    } finally {
      button.disabled = false;
    }
  }
}
