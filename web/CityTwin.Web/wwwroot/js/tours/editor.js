// Writing a tour (trainers): its title, and stops that can be added, edited, moved up and down and
// deleted. Texts are edited one language at a time (English is required; the others fall back to
// it); "Use current map view" takes the map's centre, zoom, bearing and pitch as the stop's camera.
// Saving sends the whole tour; the server's errors are shown by field, with the stop they concern.
import { api, ProblemError } from '../core/api.js';
import { h } from '../core/dom.js';
import { LANGUAGES, language, t } from '../core/i18n.js';

const LAYERS = ['sites', 'buildings', 'roads', '3d'];
const KPIS = ['congestionIndex', 'pm25', 'electricLoadMw', 'streetlightKw', 'floodMaxCm', 'assetsInAlarm'];
const KINDS = ['site', 'area', 'asset'];

/** @param {number} x @param {number} digits */
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

export class TourEditor {
  /**
   * @param {HTMLElement} root where the editor is drawn (inside the tours panel)
   * @param {{twin: any, sites: {id: string, name: string}[], onDone: (saved: any|null) => void}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    /** @type {any} */
    this.tour = null;
    /** @type {string|null} id of the tour being changed; null for a new one */
    this.existing = null;
    this.lang = 'en';
    /** Messages of the last refused save. @type {HTMLElement} */
    this.errors = document.createElement('div');
  }

  /** @param {any|null} tour a tour to change, or null for a new one */
  open(tour) {
    this.existing = tour?.id ?? null;
    this.tour = tour ? structuredClone(tour) : { title: {}, stops: [] };
    if (!tour) this.tour.stops.push(this.newStop());
    this.lang = language();
    this.render();
  }

  newStop() {
    const site = this.ctx.sites[0];
    return { target: { kind: 'site', id: site?.id ?? '' }, title: {}, narrative: {}, camera: this.currentCamera(), layers: ['sites', 'buildings'] };
  }

  currentCamera() {
    const m = this.ctx.twin.map;
    const c = m.getCenter();
    return { center: [round(c.lng, 6), round(c.lat, 6)], zoom: round(m.getZoom(), 2), bearing: round(m.getBearing(), 1), pitch: round(m.getPitch(), 1) };
  }

  render() {
    const tour = this.tour;
    const langSelect = h('select', { testid: 'editor-language', i18nAria: 'tour.editLanguage', on: { change: (/** @type {Event} */ e) => { this.lang = /** @type {HTMLSelectElement} */ (e.target).value; this.render(); } } },
      ...LANGUAGES.map(l => h('option', { value: l.code, selected: l.code === this.lang, text: l.label })));
    const title = h('input', { type: 'text', class: 'tour-input', testid: 'editor-title', value: tour.title[this.lang] ?? '', placeholder: this.lang === 'en' ? '' : tour.title.en ?? '',
      maxlength: 200, on: { input: (/** @type {Event} */ e) => { tour.title[this.lang] = /** @type {HTMLInputElement} */ (e.target).value; } } });
    this.errors = h('div', { class: 'field-errors', testid: 'editor-errors', role: 'alert' });
    const stops = h('ol', { class: 'editor-stops' }, ...tour.stops.map((/** @type {any} */ s, /** @type {number} */ i) => this.stopCard(s, i)));
    this.root.replaceChildren(
      h('div', { class: 'editor-head' },
        h('label', { class: 'field-label' }, h('span', { i18n: 'tour.language' }), langSelect),
        h('label', { class: 'field-label grow' }, h('span', { i18n: 'tour.tourTitle' }), title)),
      stops,
      h('button', { type: 'button', class: 'btn', testid: 'editor-add-stop', i18n: 'tour.addStop', on: { click: () => { tour.stops.push(this.newStop()); this.render(); } } }),
      this.errors,
      h('div', { class: 'tour-actions' },
        h('button', { type: 'button', class: 'btn primary', testid: 'editor-save', i18n: 'tour.save', on: { click: () => this.save() } }),
        h('button', { type: 'button', class: 'btn', testid: 'editor-cancel', i18n: 'tour.cancel', on: { click: () => this.ctx.onDone(null) } })));
  }

  /** @param {any} stop @param {number} i */
  stopCard(stop, i) {
    const tour = this.tour;
    const text = (/** @type {'title'|'narrative'} */ key, /** @type {any} */ props) => {
      const tag = key === 'narrative' ? 'textarea' : 'input';
      const el = h(tag, { class: 'tour-input', testid: `stop-${key}`, ...props, placeholder: this.lang === 'en' ? '' : stop[key].en ?? '',
        on: { input: (/** @type {Event} */ e) => { stop[key][this.lang] = /** @type {HTMLInputElement} */ (e.target).value; } } });
      el.value = stop[key][this.lang] ?? '';
      return el;
    };
    const kind = h('select', { testid: 'stop-kind', i18nAria: 'tour.targetKind', on: { change: (/** @type {Event} */ e) => { stop.target.kind = /** @type {HTMLSelectElement} */ (e.target).value; this.render(); } } },
      ...KINDS.map(k => h('option', { value: k, selected: stop.target.kind === k, text: t(`tour.kind.${k}`) })));
    const target = stop.target.kind === 'site'
      ? h('select', { testid: 'stop-target', i18nAria: 'tour.target', on: { change: (/** @type {Event} */ e) => { stop.target.id = /** @type {HTMLSelectElement} */ (e.target).value; } } },
        ...this.ctx.sites.map(s => h('option', { value: s.id, selected: s.id === stop.target.id, text: s.name })))
      : h('input', { type: 'text', class: 'tour-input', testid: 'stop-target', value: stop.target.id, i18nAria: 'tour.target',
        placeholder: stop.target.kind === 'area' ? '28185' : 'streetlight/…', on: { input: (/** @type {Event} */ e) => { stop.target.id = /** @type {HTMLInputElement} */ (e.target).value.trim(); } } });
    const kpi = h('select', { testid: 'stop-kpi', i18nAria: 'tour.kpi', on: { change: (/** @type {Event} */ e) => { stop.kpi = /** @type {HTMLSelectElement} */ (e.target).value || undefined; } } },
      h('option', { value: '', text: t('tour.kpiKeep') }),
      ...KPIS.map(k => h('option', { value: k, selected: stop.kpi === k, text: t(`kpi.${k}`) })));
    const layers = h('div', { class: 'stop-layers' }, ...LAYERS.map(layer => h('label', { class: 'check' },
      h('input', { type: 'checkbox', checked: (stop.layers ?? []).includes(layer), dataset: { layer },
        on: { change: (/** @type {Event} */ e) => {
          const on = /** @type {HTMLInputElement} */ (e.target).checked;
          stop.layers = LAYERS.filter(l => (l === layer ? on : (stop.layers ?? []).includes(l)));
        } } }),
      h('span', { i18n: `tour.layer.${layer}` }))));
    const simTime = h('input', { type: 'text', class: 'tour-input', testid: 'stop-simtime', value: stop.simTime ?? '', placeholder: '2024-06-25T08:00:00+09:00', i18nAria: 'tour.simTime',
      on: { input: (/** @type {Event} */ e) => { stop.simTime = /** @type {HTMLInputElement} */ (e.target).value.trim() || undefined; } } });
    const cameraText = () => `${stop.camera.center[1].toFixed(4)}, ${stop.camera.center[0].toFixed(4)} · z${stop.camera.zoom} · ${stop.camera.bearing}° · ${stop.camera.pitch}°`;
    const camera = h('span', { class: 'stop-camera', testid: 'stop-camera', text: cameraText() });
    const move = (/** @type {number} */ delta) => {
      const j = i + delta;
      if (j < 0 || j >= tour.stops.length) return;
      [tour.stops[i], tour.stops[j]] = [tour.stops[j], tour.stops[i]];
      this.render();
    };
    return h('li', { class: 'editor-stop', testid: 'editor-stop', dataset: { index: String(i) } },
      h('div', { class: 'stop-head' },
        h('span', { class: 'stop-number', text: String(i + 1) }),
        text('title', { type: 'text', maxlength: 200, i18nAria: 'tour.stopTitle' }),
        h('button', { type: 'button', class: 'icon-btn', testid: 'stop-up', text: '↑', i18nAria: 'tour.moveUp', i18nTitle: 'tour.moveUp', disabled: i === 0, on: { click: () => move(-1) } }),
        h('button', { type: 'button', class: 'icon-btn', testid: 'stop-down', text: '↓', i18nAria: 'tour.moveDown', i18nTitle: 'tour.moveDown', disabled: i === tour.stops.length - 1, on: { click: () => move(1) } }),
        h('button', { type: 'button', class: 'icon-btn', testid: 'stop-delete', text: '✕', i18nAria: 'tour.deleteStop', i18nTitle: 'tour.deleteStop',
          on: { click: () => { tour.stops.splice(i, 1); this.render(); } } })),
      text('narrative', { rows: 3, maxlength: 4000, i18nAria: 'tour.narrative' }),
      h('div', { class: 'stop-row' }, kind, target, kpi),
      layers,
      h('div', { class: 'stop-row' },
        h('button', { type: 'button', class: 'btn', testid: 'stop-use-view', i18n: 'tour.useView',
          on: { click: () => { stop.camera = this.currentCamera(); camera.textContent = cameraText(); } } }),
        camera),
      h('label', { class: 'field-label' }, h('span', { i18n: 'tour.simTime' }), simTime),
      h('div', { class: 'field-errors stop-errors', testid: 'stop-errors' }));
  }

  async save() {
    const body = { ...this.tour };
    if (this.existing) body.id = this.existing;
    try {
      const saved = this.existing ? await api.tours.update(this.existing, body) : await api.tours.create(body);
      this.ctx.onDone(saved);
    } catch (e) {
      this.showErrors(e);
    }
  }

  /** Messages by field; a stop's own messages also under its card. @param {any} e */
  showErrors(e) {
    const list = this.errors;
    list.replaceChildren();
    for (const el of this.root.querySelectorAll('.stop-errors')) el.replaceChildren();
    if (!(e instanceof ProblemError) || Object.keys(e.errors).length === 0) {
      list.append(h('p', { text: e?.detail || e?.message || String(e) }));
      return;
    }
    for (const [field, messages] of Object.entries(e.errors)) {
      const line = h('p', { text: `${field}: ${messages.join(' ')}` });
      list.append(line);
      const m = /^stops\[(\d+)\]/.exec(field);
      if (m) this.root.querySelector(`.editor-stop[data-index="${m[1]}"] .stop-errors`)?.append(h('p', { text: `${field.slice(m[0].length + 1)}: ${messages.join(' ')}` }));
    }
  }
}
