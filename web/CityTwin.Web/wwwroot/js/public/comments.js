// The approved stakeholder comments under each published scenario, grouped by pentahelix group.
// Only approved comments are ever served to the public (GET /api/scenarios/{id}/comments).
import { getJson } from '../core/api.js';
import { h } from '../core/dom.js';
import { formatDate, toMillis } from '../core/format.js';
import { t } from '../core/i18n.js';

const GROUPS = ['government', 'business', 'academia', 'community', 'media'];

/** Adds the comments to every published scenario shown in `container` (none: nothing is added). @param {HTMLElement} container */
export function appendComments(container) {
  for (const article of container.querySelectorAll('[data-testid=public-scenario]')) {
    const id = /** @type {HTMLElement} */ (article).dataset.id;
    if (!id) continue;
    getJson(`/api/scenarios/${encodeURIComponent(id)}/comments`).then((/** @type {any[]} */ comments) => {
      const approved = (Array.isArray(comments) ? comments : []).filter(c => c.status === 'approved');
      if (!approved.length || !article.isConnected) return;
      const box = h('div', { class: 'pv-comments', testid: 'public-comments' }, h('h4', { i18n: 'comments.title' }));
      for (const group of GROUPS) {
        const of = approved.filter(c => c.group === group);
        if (!of.length) continue;
        box.append(h('h5', { text: t(`group.${group}`) }),
          h('ul', {}, ...of.map(c => h('li', { testid: 'public-comment', dataset: { group } }, c.text, h('span', { class: 'pv-muted' }, ` (${formatDate(toMillis(c.createdAt))})`)))));
      }
      article.querySelector('.pv-brief')?.before(box);
    }).catch(() => { /* comments are extra: the scenario reads without them */ });
  }
}
