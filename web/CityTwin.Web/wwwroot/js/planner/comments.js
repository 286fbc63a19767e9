// Results tab: comments on the shown runs that are published. Anyone signed in comments on behalf
// of a pentahelix group; the comment waits for a planner (the author sees it as pending). Planners
// see every comment with Approve and Reject; everyone else the approved ones.
import { HttpError } from '../core/api.js';
import { h, nextId } from '../core/dom.js';
import { formatDate, formatTime, toMillis } from '../core/format.js';
import { t } from '../core/i18n.js';
import { me, may } from '../core/session.js';
import { GROUPS, stakeholderApi } from './stakeholder-api.js';

const MAX_LENGTH = 1000;

/** @param {string|null|undefined} iso */
function when(iso) {
  const ms = toMillis(iso);
  return Number.isFinite(ms) ? `${formatDate(ms)} ${formatTime(ms, { seconds: false })}` : '';
}

/**
 * The comments section of the shown runs.
 * @param {{id: string, name: string, color: string, detail?: any}[]} items
 */
export function commentsSection(items) {
  const section = h('section', { class: 'plan-section comments-section', testid: 'comments-section' }, h('h3', { i18n: 'comments.title' }));
  for (const it of items) section.append(runComments(it, items.length > 1));
  return section;
}

/** @param {{id: string, name: string, color: string, detail?: any}} item @param {boolean} named */
function runComments(item, named) {
  const box = h('div', { class: 'run-comments', testid: 'run-comments', dataset: { runId: item.id } });
  if (named) {
    const sw = h('span', { class: 'swatch' });
    sw.style.background = item.color;
    box.append(h('h4', {}, sw, ` ${item.name}`));
  }
  if (!item.detail?.published) {
    box.append(h('p', { class: 'muted small', testid: 'comments-unpublished', i18n: 'comments.unpublished' }));
    return box;
  }
  const list = h('ul', { class: 'comment-list', testid: 'comment-list' }, h('li', { class: 'muted small', i18n: 'plan.loading' }));
  box.append(list);
  const load = async () => {
    try {
      paintList(list, item.id, await stakeholderApi.comments(item.id), load);
    } catch (e) {
      console.warn('Comments unavailable', e);
      list.replaceChildren(h('li', { class: 'muted small', i18n: 'comments.failed' }));
    }
  };
  load();
  box.append(me().signedIn ? commentForm(item.id, load) : h('p', { class: 'muted small', testid: 'comments-sign-in', i18n: 'comments.signIn' }));
  return box;
}

/**
 * @param {HTMLElement} list @param {string} runId
 * @param {import('./stakeholder-api.js').Comment[]} comments @param {() => void} reload
 */
function paintList(list, runId, comments, reload) {
  if (!comments.length) { list.replaceChildren(h('li', { class: 'muted small', testid: 'comments-none', i18n: 'comments.none' })); return; }
  const moderator = may('plan');
  list.replaceChildren(...comments.map(c => {
    const meta = [t(`group.${c.group}`), c.author, when(c.createdAt)].filter(Boolean).join(' · ');
    const li = h('li', { class: `comment ${c.status}`, testid: 'comment', dataset: { commentId: c.id, status: c.status, group: c.group } },
      h('div', { class: 'comment-meta muted small' }, h('span', { text: meta }),
        c.status !== 'approved' ? h('span', { class: `comment-status ${c.status}`, testid: 'comment-status', text: t(`comments.${c.status}`) }) : null),
      h('p', { class: 'comment-text', text: c.text }),
      c.moderatedBy ? h('div', { class: 'muted small', text: t('comments.moderated', { status: t(`comments.${c.status}`), who: c.moderatedBy, date: when(c.moderatedAt) }) }) : null);
    if (moderator) {
      const actions = h('div', { class: 'row comment-actions' });
      for (const status of /** @type {const} */ (['approved', 'rejected'])) {
        if (c.status === status) continue;
        const b = h('button', { type: 'button', class: `btn small${status === 'approved' ? ' primary' : ''}`, testid: status === 'approved' ? 'comment-approve' : 'comment-reject', i18n: status === 'approved' ? 'comments.approve' : 'comments.reject' });
        b.addEventListener('click', async () => {
          b.disabled = true;
          try { await stakeholderApi.moderate(runId, c.id, status); } catch (e) { console.warn('Moderation failed', e); }
          reload();
        });
        actions.append(b);
      }
      li.append(actions);
    }
    return li;
  }));
}

/** @param {string} runId @param {() => void} reload */
function commentForm(runId, reload) {
  const groupId = nextId('cg');
  const textId = nextId('ct');
  const group = h('select', { id: groupId, testid: 'comment-group' }, h('option', { value: '', text: t('comments.pickGroup') }), GROUPS.map(g => h('option', { value: g, text: t(`group.${g}`) })));
  const text = h('textarea', { id: textId, testid: 'comment-text', rows: '3', maxlength: String(MAX_LENGTH) });
  const status = h('div', { class: 'field-errors', role: 'status', testid: 'comment-form-status' });
  const send = h('button', { type: 'submit', class: 'btn small primary', testid: 'comment-send', i18n: 'comments.send' });
  const form = h('form', { class: 'comment-form', novalidate: true },
    h('div', { class: 'form-field' }, h('label', { for: groupId, i18n: 'comments.group' }), group),
    h('div', { class: 'form-field' }, h('label', { for: textId, i18n: 'comments.text' }), text),
    h('div', { class: 'row' }, send), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    status.replaceChildren();
    if (!group.value) { status.append(h('p', { class: 'field-error', text: t('comments.pickGroup') })); group.focus(); return; }
    if (!text.value.trim()) { status.append(h('p', { class: 'field-error', text: t('comments.writeSomething') })); text.focus(); return; }
    send.disabled = true;
    try {
      await stakeholderApi.comment(runId, { group: group.value, text: text.value });
      text.value = '';
      status.append(h('p', { class: 'ok small', testid: 'comment-sent', text: t('comments.sent') }));
      reload();
    } catch (err) {
      const wait = err instanceof HttpError && err.status === 429 ? err.retryAfter : null;
      status.append(h('p', { class: 'field-error', text: wait ? t('comments.tooMany', { s: wait }) : t('comments.failed') }));
    } finally {
      send.disabled = false;
    }
  });
  return form;
}
