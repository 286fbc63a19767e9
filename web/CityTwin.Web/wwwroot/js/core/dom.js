// Shared DOM code: element building, lookups that fail loudly, and text that follows the
// language. Every panel builds its DOM with `h` (see js/README.md).
import { t } from './i18n.js';

/**
 * @typedef {Record<string, any>} Props
 * class, text, i18n (key for static text), i18nTitle / i18nAria (keys for title / aria-label),
 * testid, dataset, on ({event: handler}), and any other attribute or property.
 */

/**
 * Creates an element.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...(Node|string|number|null|undefined|false|(Node|string|null|undefined|false)[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  /** @type {any} */
  const any = el;
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
      case 'value': case 'checked': case 'disabled': case 'hidden': case 'selected': case 'type': any[k] = v; break;
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
 * A plain element with a class and text (the short form of `h` for read-only panels).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string|null} [cls]
 * @param {string|null} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

/**
 * The element for a selector; throws when the page lacks it (a broken page should say so at once).
 * @template {HTMLElement} [E=HTMLElement]
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {E}
 */
export function $(selector, root = document) {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`Missing element ${selector}`);
  return /** @type {E} */ (found);
}

/** @typedef {HTMLElement & {_render?: (el: HTMLElement) => void}} DynamicElement */

/**
 * Text computed from the current language (numbers, parameters in the message): set now and again
 * by refreshDynamic after a language change.
 * @template {HTMLElement} E
 * @param {E} el
 * @param {(el: E) => void} fn
 * @returns {E}
 */
export function dynamic(el, fn) {
  /** @type {any} */ (el)._render = fn;
  el.dataset.dyn = '';
  fn(el);
  return el;
}

/** @param {ParentNode} root */
export function refreshDynamic(root) {
  for (const el of root.querySelectorAll('[data-dyn]')) {
    try { /** @type {DynamicElement} */ (el)._render?.(/** @type {HTMLElement} */ (el)); } catch (e) { console.error(e); }
  }
}

let uid = 0;
/** A unique id for label/aria wiring. @param {string} [prefix] */
export function nextId(prefix = 'plan') { uid += 1; return `${prefix}-${uid}`; }
