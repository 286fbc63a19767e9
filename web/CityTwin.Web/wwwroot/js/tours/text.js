// Texts of tours are per language ({en, id, ko, kk, mn, ru}); English stands in for a missing one.
import { language } from '../core/i18n.js';

/** The text in the page's language, else English, else any. @param {Record<string, string>|null|undefined} texts */
export function pick(texts) {
  if (!texts) return '';
  return texts[language()] || texts.en || Object.values(texts)[0] || '';
}

/** Whether the account may write and present tours (the server checks again). @param {{roles?: string[]}|null|undefined} me */
export function mayTour(me) {
  return !!me?.roles?.some(r => r === 'trainer' || r === 'admin');
}
