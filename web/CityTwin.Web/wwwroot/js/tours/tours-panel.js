// The tours drawer: join a presentation with its code (everyone); list the tours; and for trainers
// present, write, import, export and delete them. Writing happens in the editor inside the drawer.
import { api } from '../core/api.js';
import { h, dynamic } from '../core/dom.js';
import { t, onLanguageChange } from '../core/i18n.js';
import { me } from '../core/session.js';
import { store } from '../core/store.js';
import { TourEditor } from './editor.js';
import { mayTour, pick } from './text.js';

export class ToursPanel {
  /**
   * @param {HTMLElement} stage
   * @param {{twin: any, sites: {id: string, name: string}[], join: (code: string) => Promise<void>, present: (session: any) => void}} ctx
   */
  constructor(stage, ctx) {
    this.ctx = ctx;
    /** @type {any[]} */
    this.tours = [];
    this.codeInput = h('input', { type: 'text', class: 'tour-input code-input', testid: 'join-code', maxlength: 8, autocomplete: 'off', autocapitalize: 'characters',
      i18nAria: 'tour.joinCode', placeholder: 'ABC123' });
    this.joinError = h('p', { class: 'tour-error', testid: 'join-error', role: 'alert', hidden: true });
    const joinForm = h('form', { class: 'join-form', on: { submit: (/** @type {Event} */ e) => { e.preventDefault(); this.join(); } } },
      h('label', { class: 'field-label', i18n: 'tour.joinLabel' }),
      h('div', { class: 'stop-row' }, this.codeInput, h('button', { type: 'submit', class: 'btn primary', testid: 'join-button', i18n: 'tour.join' })),
      this.joinError);
    this.list = h('ul', { class: 'tour-list', testid: 'tour-list' });
    this.fileInput = h('input', { type: 'file', accept: 'application/json,.json', hidden: true, testid: 'tour-import-file',
      on: { change: () => this.importFile() } });
    this.trainerActions = h('div', { class: 'tour-actions' },
      h('button', { type: 'button', class: 'btn', testid: 'tour-new', i18n: 'tour.new', on: { click: () => this.edit(null) } }),
      h('button', { type: 'button', class: 'btn', testid: 'tour-import', i18n: 'tour.import', on: { click: () => this.fileInput.click() } }),
      this.fileInput);
    this.message = h('p', { class: 'tour-error', role: 'alert', hidden: true });
    this.listView = h('div', { class: 'tours-list-view' }, joinForm, h('h3', { i18n: 'tour.listTitle' }), this.list, this.trainerActions, this.message);
    this.editorView = h('div', { class: 'tours-editor', testid: 'tour-editor', hidden: true });
    this.editor = new TourEditor(this.editorView, {
      twin: ctx.twin, sites: ctx.sites,
      onDone: (saved) => { this.editorView.hidden = true; this.listView.hidden = false; if (saved) this.refresh(); },
    });
    this.root = h('aside', { class: 'panel tours-panel', testid: 'tours-panel', hidden: true, 'aria-labelledby': 'tours-title' },
      h('div', { class: 'panel-head' },
        h('h2', { id: 'tours-title', i18n: 'tour.title' }),
        h('button', { type: 'button', class: 'icon-btn', testid: 'tours-close', text: '✕', i18nAria: 'tour.close', i18nTitle: 'tour.close', on: { click: () => this.close() } })),
      h('div', { class: 'tours-body' }, this.listView, this.editorView));
    stage.append(this.root);
    store.subscribe('me', () => this.renderList());
    onLanguageChange(() => this.renderList());
  }

  get isOpen() { return !this.root.hidden; }

  async open() {
    this.root.hidden = false;
    document.body.dataset.toursOpen = 'true';
    await this.refresh();
  }

  close() {
    this.root.hidden = true;
    delete document.body.dataset.toursOpen;
  }

  async refresh() {
    try {
      this.tours = await api.tours.list();
      this.message.hidden = true;
    } catch (e) {
      this.show(e);
    }
    this.renderList();
  }

  renderList() {
    const trainer = mayTour(me());
    this.trainerActions.hidden = !trainer;
    this.list.replaceChildren(...this.tours.map(tour => h('li', { class: 'tour-item', testid: 'tour-item', dataset: { id: tour.id } },
      h('div', { class: 'tour-item-text' },
        h('strong', { text: pick(tour.title) }),
        dynamic(h('span', { class: 'muted' }), el => { el.textContent = t('tour.stops', { n: tour.stops.length }); })),
      h('div', { class: 'tour-item-actions' },
        trainer && h('button', { type: 'button', class: 'btn primary', testid: 'tour-present', i18n: 'tour.present', on: { click: () => this.present(tour) } }),
        trainer && h('button', { type: 'button', class: 'btn', testid: 'tour-edit', i18n: 'tour.edit', on: { click: () => this.edit(tour) } }),
        h('a', { class: 'btn', testid: 'tour-export', href: api.tours.exportUrl(tour.id), download: `tour-${tour.id}.json`, i18n: 'tour.export' }),
        trainer && h('button', { type: 'button', class: 'btn danger', testid: 'tour-delete', i18n: 'tour.delete', on: { click: () => this.remove(tour) } })))));
  }

  /** @param {any|null} tour */
  edit(tour) {
    this.listView.hidden = true;
    this.editorView.hidden = false;
    this.editor.open(tour);
  }

  /** @param {any} tour */
  async present(tour) {
    try {
      this.ctx.present(await api.tours.present(tour.id));
      this.close();
    } catch (e) {
      this.show(e);
    }
  }

  /** @param {any} tour */
  async remove(tour) {
    if (!confirm(t('tour.confirmDelete', { title: pick(tour.title) }))) return;
    try {
      await api.tours.remove(tour.id);
      await this.refresh();
    } catch (e) {
      this.show(e);
    }
  }

  async importFile() {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!file) return;
    try {
      await api.tours.import(JSON.parse(await file.text()));
      await this.refresh();
    } catch (e) {
      this.show(e);
    }
  }

  async join() {
    this.joinError.hidden = true;
    try {
      await this.ctx.join(this.codeInput.value.trim());
      this.close();
    } catch (e) {
      this.joinError.textContent = t('tour.joinFailed');
      this.joinError.hidden = false;
      console.warn(e);
    }
  }

  /** @param {any} e */
  show(e) {
    const fields = e?.errors ? Object.entries(e.errors).map(([f, m]) => `${f}: ${/** @type {string[]} */ (m).join(' ')}`).join('; ') : '';
    this.message.textContent = fields || e?.detail || e?.message || String(e);
    this.message.hidden = false;
  }
}
