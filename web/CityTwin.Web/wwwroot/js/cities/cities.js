// Cities: the installed city packs and, for admins, the city-pack import and the city switch. The
// live twin runs one pack at a time; any other installed pack can be shown by its boundaries over
// the map, and an admin can switch the twin to it (it restarts on that pack; every open map follows,
// see switching.js). An import is checked and previewed on the map first (nothing written), then
// written into the packs folder.
import { ProblemError, api } from '../core/api.js';
import { h } from '../core/dom.js';
import { applyTo, localName, onLanguageChange, t } from '../core/i18n.js';
import { me } from '../core/session.js';
import { formField } from '../account/dialog.js';
import { clearOverlay, showOverlay } from './overlay.js';

const MAPPING_FIELDS = [['gu', 'name'], ['gu', 'code'], ['gu', 'population'], ['dong', 'name'], ['dong', 'code'], ['dong', 'parent']];
const FILES = ['gu', 'dong', 'buildings', 'roads'];

export class CitiesPanel {
  /** @param {HTMLElement} stage @param {import('maplibre-gl').Map} map */
  constructor(stage, map) {
    this.map = map;
    this.isOpen = false;
    /** @type {string|null} */
    this.shown = null;
    this.root = h('aside', { class: 'panel admin cities', id: 'cities', testid: 'cities-panel', hidden: true, 'aria-labelledby': 'cities-title' });
    const close = h('button', { type: 'button', class: 'icon-btn', testid: 'cities-close', text: '✕', i18nAria: 'cities.close', i18nTitle: 'cities.close' });
    close.addEventListener('click', () => this.close());
    this.list = h('ul', { class: 'city-list', testid: 'city-list' });
    this.importSection = h('div', { class: 'section-body', testid: 'city-import' });
    this.root.append(
      h('div', { class: 'planner-head' }, h('div', {}, h('div', { class: 'eyebrow', i18n: 'cities.eyebrow' }), h('h2', { id: 'cities-title', i18n: 'cities.title' })), close),
      h('div', { class: 'planner-body' },
        h('div', { class: 'section-body' }, h('p', { class: 'muted small', i18n: 'cities.explain' }), h('h3', { i18n: 'cities.installed' }), this.list),
        this.importSection));
    this.root.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); this.close(); } });
    stage.append(this.root);
    this.form = new ImportForm(this.importSection, (geojson) => this.preview(geojson), () => this.load());
    onLanguageChange(() => { if (this.isOpen) this.load(); });
  }

  open() {
    this.isOpen = true;
    this.root.hidden = false;
    document.body.dataset.adminOpen = 'true';
    this.form.render(me().may.administer);
    applyTo(this.root);
    this.load();
  }

  close() {
    this.isOpen = false;
    this.root.hidden = true;
    delete document.body.dataset.adminOpen;
  }

  async load() {
    try {
      /** @type {any[]} */
      const cities = await api.cities.list();
      this.list.replaceChildren(...cities.map(c => this.item(c)));
    } catch (e) {
      console.warn(e);
      this.list.replaceChildren(h('li', { class: 'field-error', i18n: 'cities.loadFailed' }));
    }
  }

  /** @param {any} city */
  item(city) {
    const badges = [
      city.running ? h('span', { class: 'run-published', i18n: 'cities.running' }) : null,
      city.imported ? h('span', { class: 'city-badge', i18n: 'cities.imported' }) : null,
    ];
    const borrowed = city.borrowed?.length
      ? h('p', { class: 'muted small', testid: 'city-borrowed', text: t('cities.borrowed', { from: city.borrowedFrom ?? '?', fields: city.borrowed.join(', ') }) })
      : null;
    const actions = [];
    if (!city.running) {
      const show = h('button', { type: 'button', class: 'btn small', testid: `city-show-${city.id}`, i18n: this.shown === city.id ? 'cities.hide' : 'cities.show' });
      show.addEventListener('click', () => this.toggle(city.id));
      const buttons = h('div', { class: 'inline-form' }, show);
      if (me().may.administer) {
        const activate = h('button', { type: 'button', class: 'btn small primary', testid: `city-activate-${city.id}`, i18n: 'cities.activate' });
        activate.addEventListener('click', () => this.activate(city, activate));
        buttons.append(activate);
      }
      actions.push(buttons, h('p', { class: 'muted small' }, h('span', { i18n: 'cities.runWith' }), ' ', h('code', { text: `dotnet run --project web/CityTwin.Web -- ${city.runWith}` })));
    }
    return h('li', { class: 'city-item', testid: `city-${city.id}` },
      h('div', { class: 'city-line' }, h('strong', { text: localName(city) }), h('span', { class: 'muted small', text: `${city.id} · ${city.timeZone}` }), ...badges),
      borrowed, ...actions);
  }

  /** @param {string} id */
  async toggle(id) {
    if (this.shown === id) {
      clearOverlay(this.map);
      this.shown = null;
    } else {
      showOverlay(this.map, await api.cities.boundaries(id));
      this.shown = id;
    }
    this.load();
  }

  /**
   * Switches the twin to `city` after a confirmation; the server then tells every map (this one
   * too) through `citySwitching`, and switching.js takes over. A refusal is shown under the city.
   * @param {any} city @param {HTMLButtonElement} button
   */
  async activate(city, button) {
    if (!confirm(t('cities.activateConfirm', { name: localName(city) }))) return;
    button.disabled = true;
    try {
      await api.cities.activate(city.id);
    } catch (e) {
      button.disabled = false;
      const message = e instanceof ProblemError ? (e.detail || e.title) : String(/** @type {any} */ (e)?.message ?? e);
      button.closest('li')?.append(h('p', { class: 'field-error', testid: 'city-activate-error', text: message }));
    }
  }

  /** @param {any} geojson */
  preview(geojson) {
    this.shown = null;
    showOverlay(this.map, geojson);
  }

  /** Test hooks (window.cityTwin.cities). */
  get hooks() { return { open: () => this.open(), close: () => this.close(), shown: () => this.shown }; }
}

/** The import form (admins): files, names, CRS and field mapping; check first, then write. */
class ImportForm {
  /**
   * @param {HTMLElement} root
   * @param {(geojson: any) => void} onPreview
   * @param {() => void} onWritten
   */
  constructor(root, onPreview, onWritten) {
    this.root = root;
    this.onPreview = onPreview;
    this.onWritten = onWritten;
    /** @type {Record<string, ReturnType<typeof formField>>} */
    this.fields = {};
  }

  /** @param {boolean} admin */
  render(admin) {
    const title = h('h3', { i18n: 'cities.import.title' });
    if (!admin) {
      this.root.replaceChildren(title, h('p', { class: 'role-hint', testid: 'city-import-admin-only', i18n: 'cities.import.adminOnly' }));
      return;
    }
    if (this.form) return;
    /** @param {string} name @param {string} key @param {Record<string, any>} [props] */
    const text = (name, key, props = {}) => (this.fields[name] = formField(key, h('input', { class: 'text', name, testid: `city-import-${name}`, autocomplete: 'off', ...props })));
    /** @param {string} name */
    const file = (name) => (this.fields[name] = formField(`cities.import.${name}`, h('input', { type: 'file', name, testid: `city-import-file-${name}`, accept: '.geojson,.json,.gpkg,.zip' })));
    const mapping = h('details', { class: 'city-mapping' }, h('summary', { i18n: 'cities.import.mapping' }),
      h('div', { class: 'form-grid' }, ...MAPPING_FIELDS.map(([level, entry]) =>
        text(`map-${level}-${entry}`, `cities.import.${level}${entry[0].toUpperCase()}${entry.slice(1)}`).wrap)));
    this.status = h('p', { class: 'muted small', testid: 'city-import-status', role: 'status', 'aria-live': 'polite' });
    this.messages = h('ul', { class: 'import-messages', testid: 'city-import-messages' });
    const check = h('button', { type: 'button', class: 'btn', testid: 'city-import-check', i18n: 'cities.import.check' });
    const write = h('button', { type: 'button', class: 'btn primary', testid: 'city-import-write', i18n: 'cities.import.write' });
    check.addEventListener('click', () => this.submit(true));
    write.addEventListener('click', () => this.submit(false));
    this.buttons = [check, write];
    this.form = h('form', { class: 'admin-form', testid: 'city-import-form', on: { submit: (/** @type {Event} */ e) => e.preventDefault() } },
      h('div', { class: 'form-grid' },
        text('id', 'cities.import.id', { placeholder: 'ulaanbaatar', pattern: '[a-z0-9][a-z0-9\\-]{0,39}', required: true }).wrap,
        text('name', 'cities.import.name', { required: true }).wrap,
        text('timeZone', 'cities.import.timeZone', { placeholder: 'Asia/Ulaanbaatar' }).wrap,
        text('crs', 'cities.import.crs', { placeholder: 'EPSG:32648' }).wrap),
      h('p', { class: 'muted small', i18n: 'cities.import.filesHint' }),
      h('div', { class: 'form-grid' }, ...FILES.map(f => file(f).wrap)),
      mapping,
      h('div', { class: 'inline-form' }, check, write),
      this.status, this.messages);
    this.root.replaceChildren(title, this.form);
  }

  /** @param {boolean} dryRun */
  async submit(dryRun) {
    const data = new FormData();
    for (const name of ['id', 'name', 'timeZone', 'crs']) {
      const v = /** @type {HTMLInputElement} */ (this.fields[name].input).value.trim();
      if (v) data.append(name, v);
    }
    for (const name of FILES) {
      const f = /** @type {HTMLInputElement} */ (this.fields[name].input).files?.[0];
      if (f) data.append(name, f, f.name);
    }
    /** @type {Record<string, Record<string, string>>} */
    const mapping = {};
    for (const [level, entry] of MAPPING_FIELDS) {
      const v = /** @type {HTMLInputElement} */ (this.fields[`map-${level}-${entry}`].input).value.trim();
      if (v) (mapping[level] ??= {})[entry] = v;
    }
    if (Object.keys(mapping).length) data.append('mapping', JSON.stringify(mapping));
    data.append('dryRun', String(dryRun));

    for (const b of this.buttons ?? []) b.disabled = true;
    this.setStatus('cities.import.working', {}, 'working');
    this.messages?.replaceChildren();
    try {
      const result = await api.cities.importCity(data);
      this.setStatus(result.written ? 'cities.import.written' : 'cities.import.previewed', { id: result.id, gu: result.gu, dongs: result.dongs }, 'ok');
      this.list(result.notes.map((/** @type {any} */ n) => ({ ...n, kind: 'note' })));
      this.onPreview(result.boundaries);
      if (result.written) this.onWritten();
    } catch (e) {
      this.setStatus('cities.import.failed', {}, 'error');
      if (e instanceof ProblemError) {
        /** @type {any[]} */
        const problems = Object.entries(e.errors).flatMap(([file, messages]) => messages.map(message => ({ file, feature: null, message, kind: 'error' })));
        this.list(problems.length ? problems : [{ file: '', feature: null, message: e.detail || e.title, kind: 'error' }]);
      } else this.list([{ file: '', feature: null, message: String(/** @type {any} */ (e)?.message ?? e), kind: 'error' }]);
    } finally {
      for (const b of this.buttons ?? []) b.disabled = false;
    }
  }

  /** @param {string} key @param {Record<string, any>} params @param {string} state */
  setStatus(key, params, state) {
    if (!this.status) return;
    this.status.textContent = t(key, params);
    this.status.dataset.state = state;
  }

  /** @param {{file: string, feature: string|null, message: string, kind: string}[]} items */
  list(items) {
    this.status?.scrollIntoView({ block: 'start' });
    this.messages?.replaceChildren(...items.map(i => h('li', { class: `import-message ${i.kind}`, testid: 'city-import-message', dataset: { kind: i.kind } },
      h('span', { class: 'import-kind', i18n: `cities.import.${i.kind}` }), ' ',
      i.file ? h('strong', { text: i.file }) : null, i.feature ? ` · ${i.feature}` : '', i.file || i.feature ? ': ' : '', i.message)));
  }
}
