// A modal dialog on the native <dialog> element: focus stays inside while it is open, Escape
// closes it (unless it may not be dismissed), and focus returns to what opened it.
import { applyTo } from '../core/i18n.js';
import { h, nextId } from '../core/dom.js';

export class Modal {
  /**
   * @param {{titleKey: string, testid: string, wide?: boolean, onClose?: () => void}} options
   */
  constructor({ titleKey, testid, wide = false, onClose }) {
    this.dismissable = true;
    /** @type {Element|null} */
    this.opener = null;
    this.onClose = onClose;
    this.title = h('h2', { class: 'modal-title', i18n: titleKey, id: `${testid}-title` });
    this.closeButton = h('button', { type: 'button', class: 'icon-btn', testid: `${testid}-close`, text: '✕', i18nAria: 'account.close', i18nTitle: 'account.close' });
    this.closeButton.addEventListener('click', () => this.close());
    this.body = h('div', { class: 'modal-body' });
    this.dialog = h('dialog', { class: `modal${wide ? ' wide' : ''}`, testid, 'aria-labelledby': `${testid}-title` },
      h('div', { class: 'modal-head' }, this.title, this.closeButton),
      this.body);
    this.dialog.addEventListener('cancel', (e) => { if (!this.dismissable) e.preventDefault(); });
    this.dialog.addEventListener('close', () => {
      this.onClose?.();
      if (this.opener instanceof HTMLElement && this.opener.isConnected) this.opener.focus();
    });
    document.body.append(this.dialog);
  }

  get isOpen() { return this.dialog.open; }

  /** @param {{dismissable?: boolean}} [options] */
  open({ dismissable = true } = {}) {
    this.dismissable = dismissable;
    this.closeButton.hidden = !dismissable;
    applyTo(this.dialog);
    if (!this.dialog.open) {
      this.opener = document.activeElement;
      this.dialog.showModal();
    }
  }

  close() {
    if (this.dialog.open) this.dialog.close();
  }
}

/**
 * A labelled input with the box for its messages (client checks and the server's problem details).
 * @param {string} labelKey
 * @param {HTMLInputElement|HTMLSelectElement} input
 * @param {{hintKey?: string}} [options]
 */
export function formField(labelKey, input, { hintKey } = {}) {
  input.id ||= nextId('acct');
  const errors = h('div', { class: 'field-errors', id: nextId('err'), 'aria-live': 'polite' });
  const hint = hintKey ? h('p', { class: 'muted small field-hint', id: nextId('hint'), i18n: hintKey }) : null;
  input.setAttribute('aria-describedby', [hint?.id, errors.id].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'form-field' }, h('label', { for: input.id, i18n: labelKey }), input, hint, errors);
  return {
    wrap, input, errors,
    /** @param {string[]} messages */
    show(messages) {
      errors.replaceChildren(...messages.map(m => h('p', { class: 'field-error', testid: 'field-error', text: m })));
      if (messages.length) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/**
 * Puts each problem-details message next to its field (by the server's field name, any case);
 * returns the messages of no field, for the form's general box.
 * @param {Record<string, {show: (m: string[]) => void}>} fields
 * @param {Record<string, string[]>} errors
 * @returns {string[]}
 */
export function showFieldErrors(fields, errors) {
  const rest = [];
  const byName = new Map(Object.entries(fields).map(([k, f]) => [k.toLowerCase(), f]));
  /** @type {Map<any, string[]>} */
  const shown = new Map();
  for (const [path, messages] of Object.entries(errors)) {
    const base = path.replace(/\[\d+\]$/, '').toLowerCase();
    const field = byName.get(path.toLowerCase()) ?? byName.get(base);
    if (field) shown.set(field, [...(shown.get(field) ?? []), ...messages]);
    else rest.push(...messages);
  }
  for (const f of Object.values(fields)) f.show(shown.get(f) ?? []);
  return rest;
}

/** A box for messages about the whole form. */
export function generalErrors(testid = 'form-error') {
  const box = h('div', { class: 'form-errors', role: 'alert', testid });
  return {
    box,
    /** @param {string[]} messages */
    show(messages) { box.replaceChildren(...messages.map(m => h('p', { class: 'field-error', text: m }))); },
  };
}
