// Small DOM helpers for the planner: element building and text that follows the language.
import { t } from './i18n.js';

/**
 * Creates an element. props: class, text, i18n (key for static text), title/aria keys (i18nTitle,
 * i18nAria), testid, dataset, on {event: handler}, and any other attribute or property.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v == null || v === false) continue;
    switch (k) {
      case 'class': el.className = v; break;
      case 'text': el.textContent = v; break;
      case 'i18n': el.dataset.i18n = v; el.textContent = t(v); break;
      case 'i18nTitle': el.dataset.i18nTitle = v; el.title = t(v); break;
      case 'i18nAria': el.dataset.i18nAriaLabel = v; el.setAttribute('aria-label', t(v)); break;
      case 'testid': el.dataset.testid = v; break;
      case 'dataset': Object.assign(el.dataset, v); break;
      case 'on': for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn); break;
      case 'value': case 'checked': case 'disabled': case 'hidden': case 'selected': case 'type': el[k] = v; break;
      default: el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * Text computed from the current language (numbers, parameters in the message): set now and again
 * by refreshDynamic after a language change.
 */
export function dynamic(el, fn) {
  el._render = fn;
  el.dataset.dyn = '';
  fn(el);
  return el;
}

export function refreshDynamic(root) {
  for (const el of root.querySelectorAll('[data-dyn]')) {
    try { el._render?.(el); } catch (e) { console.error(e); }
  }
}

let uid = 0;
/** A unique id for label/aria wiring. */
export function nextId(prefix = 'plan') { uid += 1; return `${prefix}-${uid}`; }
