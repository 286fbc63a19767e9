// Intervention cards of the Build tab: one card per intervention with its parameters and its
// target (the city, gu, dongs, a drawn polygon or asset ids), how each target is edited, checked
// and sent to the server. The list of cards and the form's fields belong to the builder.
import { dynamic, h, nextId, refreshDynamic } from '../core/dom.js';
import { describe, errorsBox, parseIds } from '../core/forms.js';
import { humanize, localName, t } from '../core/i18n.js';
import { entryDescription, entryName } from './catalog-text.js';

export const TARGET_KINDS = ['city', 'gu', 'dong', 'polygon', 'assets'];

/**
 * @typedef {object} Target
 * @property {string} kind
 * @property {string[]} codes gu codes
 * @property {string[]} dongs dong codes
 * @property {[number, number][]|null} polygon open ring of [lon, lat]
 * @property {string} assets asset ids as typed
 */

export class InterventionCards {
  /** @param {import('./builder.js').ScenarioBuilder} builder */
  constructor(builder) { this.b = builder; }

  addCard(def) {
    const card = { def, fields: new Set() };
    const before = new Set(this.b.fields);
    const pathOf = () => `interventions[${this.b.cards.indexOf(card)}]`;
    const { els, values } = this.b.paramFields(def, pathOf);
    card.values = values;
    const allowed = (def.targets?.length ? def.targets : ['city']).map(k => String(k).toLowerCase());
    card.target = { kind: allowed[0], codes: [], dongs: [], polygon: null, assets: '' };
    card.allowed = allowed;

    const kindId = nextId('tk');
    const kindSelect = h('select', { id: kindId, testid: 'target-kind' });
    for (const k of allowed) {
      kindSelect.append(TARGET_KINDS.includes(k)
        ? h('option', { value: k, i18n: `plan.target.${k}` })
        : h('option', { value: k, text: humanize(k) }));
    }
    kindSelect.value = card.target.kind;
    kindSelect.disabled = allowed.length === 1;
    kindSelect.addEventListener('change', () => {
      if (card.target.kind === 'polygon' && this.b.ctx.drawer.drawing && card.drawing) this.b.ctx.drawer.cancel();
      card.target.kind = kindSelect.value;
      this.renderTarget(card);
      this.syncShapes();
    });
    card.editor = h('div', { class: 'target-editor' });
    const targetErr = errorsBox();
    describe(kindSelect, targetErr);
    card.targetField = this.b.addField({ path: () => `${pathOf()}.target`, errorsEl: targetErr, inputs: [kindSelect], check: () => this.checkTarget(card) });
    const cardErr = errorsBox();
    this.b.addField({ path: pathOf, errorsEl: cardErr });

    const number = dynamic(h('span', { class: 'card-index', 'aria-hidden': 'true' }), el => { el.textContent = String(this.b.cards.indexOf(card) + 1); });
    const remove = h('button', { type: 'button', class: 'icon-btn remove', text: '✕', testid: 'remove-intervention' });
    dynamic(remove, el => {
      const label = t('plan.build.remove', { name: entryName('intervention', def) });
      el.setAttribute('aria-label', label);
      el.title = label;
    });
    remove.addEventListener('click', () => this.removeCard(card));
    const headingId = nextId('card');
    card.el = h('article', { class: 'plan-card', testid: 'intervention-card', dataset: { type: def.type }, 'aria-labelledby': headingId },
      h('header', { class: 'card-head' }, number, dynamic(h('h4', { id: headingId }), el => { el.textContent = entryName('intervention', def); }), remove),
      def.description ? dynamic(h('p', { class: 'muted small card-about' }), el => { el.textContent = entryDescription('intervention', def); }) : null,
      els.length ? h('div', { class: 'plan-params' }, els) : null,
      h('div', { class: 'plan-target' },
        h('label', { for: kindId, class: 'field-label', i18n: 'plan.target.label' }), kindSelect, card.editor, targetErr),
      cardErr);
    for (const f of this.b.fields) if (!before.has(f)) card.fields.add(f);
    this.b.cards.push(card);
    this.b.cardsEl.append(card.el);
    this.renderTarget(card);
    this.renumber();
    this.b.validate();
    return card;
  }

  removeCard(card) {
    if (card.drawing) this.b.ctx.drawer.cancel();
    const i = this.b.cards.indexOf(card);
    if (i < 0) return;
    this.b.cards.splice(i, 1);
    for (const f of card.fields) this.b.fields.delete(f);
    card.el.remove();
    this.renumber();
    this.syncShapes();
    this.b.validate();
    // Keep focus in the list rather than dropping it on the page.
    (this.b.cards[Math.min(i, this.b.cards.length - 1)]?.el.querySelector('.remove') ?? this.b.addSelect)?.focus();
  }

  renumber() { refreshDynamic(this.b.cardsEl); }

  renderTarget(card) {
    const tg = card.target;
    const ed = card.editor;
    ed.dataset.kind = tg.kind;
    if (tg.kind === 'gu') {
      const list = this.b.ctx.districts();
      if (!list.length) { ed.replaceChildren(h('p', { class: 'muted small', i18n: 'plan.target.loadingAreas' })); return; }
      const grid = h('div', { class: 'gu-grid', role: 'group', i18nAria: 'plan.target.gu' });
      for (const d of list) {
        const code = String(d.code);
        const box = h('input', { type: 'checkbox', value: code, checked: tg.codes.includes(code), testid: 'target-gu' });
        box.addEventListener('change', () => {
          tg.codes = [...grid.querySelectorAll('input:checked')].map(b => /** @type {HTMLInputElement} */ (b).value);
          this.b.validate();
        });
        grid.append(h('label', { class: 'check' }, box, dynamic(h('span'), el => { el.textContent = localName(d); })));
      }
      ed.replaceChildren(grid);
    } else if (tg.kind === 'dong') {
      this.renderDongPicker(card);
    } else if (tg.kind === 'polygon') {
      this.renderPolygonEditor(card);
    } else if (tg.kind === 'assets') {
      const id = nextId('assets');
      const input = h('input', { id, type: 'text', class: 'text', testid: 'target-assets', autocomplete: 'off', spellcheck: 'false', value: tg.assets });
      input.placeholder = 'streetlight-2818…, air-…';
      input.addEventListener('input', () => { tg.assets = input.value; });
      const note = h('p', { class: 'muted small', 'aria-live': 'polite' });
      const use = h('button', { type: 'button', class: 'btn small', i18n: 'plan.target.useSelected', testid: 'use-selected-asset' });
      use.addEventListener('click', () => {
        const asset = this.b.ctx.selectedAsset();
        if (!asset) { note.textContent = t('plan.target.noSelectedAsset'); return; }
        const ids = parseIds(input.value);
        if (!ids.includes(asset)) ids.push(asset);
        input.value = ids.join(', ');
        tg.assets = input.value;
        note.textContent = t('plan.target.addedAsset', { id: asset });
        this.b.onEdit(input);
      });
      ed.replaceChildren(
        h('label', { for: id, class: 'field-label', i18n: 'plan.target.assetsLabel' }),
        h('div', { class: 'row' }, input, use), note);
    } else {
      ed.replaceChildren(tg.kind === 'city' ? h('p', { class: 'muted small', i18n: 'plan.target.cityHint' }) : h('span'));
    }
    this.b.validate();
  }

  renderDongPicker(card) {
    const tg = card.target;
    const ed = card.editor;
    const dongs = this.b.ctx.dongs();
    if (!dongs.length) { ed.replaceChildren(h('p', { class: 'muted small', i18n: 'plan.target.loadingAreas' })); return; }
    const id = nextId('dong');
    const select = h('select', { id, testid: 'target-dong' });
    select.append(h('option', { value: '', i18n: 'plan.target.pickDong' }));
    const byGu = new Map();
    for (const d of dongs) {
      const gu = String(d.guCode ?? '');
      if (!byGu.has(gu)) byGu.set(gu, []);
      byGu.get(gu).push(d);
    }
    const guName = (code) => { const d = this.b.ctx.districts().find(x => String(x.code) === code); return d ? localName(d) : code; };
    for (const [gu, list] of [...byGu].sort((a, b) => guName(a[0]).localeCompare(guName(b[0])))) {
      const group = h('optgroup', { label: guName(gu) });
      for (const d of list.sort((a, b) => localName(a).localeCompare(localName(b)))) group.append(h('option', { value: String(d.code), text: localName(d) }));
      select.append(group);
    }
    const add = h('button', { type: 'button', class: 'btn small', i18n: 'plan.target.addDong', testid: 'target-dong-add' });
    const chips = h('ul', { class: 'chips', 'aria-live': 'polite' });
    const nameOf = (code) => { const d = dongs.find(x => String(x.code) === code); return d ? localName(d) : code; };
    const paint = () => {
      chips.replaceChildren(...tg.dongs.map(code => {
        const x = h('button', { type: 'button', class: 'chip-x', text: '✕' });
        x.setAttribute('aria-label', t('plan.target.removeArea', { name: nameOf(code) }));
        x.addEventListener('click', () => { tg.dongs = tg.dongs.filter(c => c !== code); paint(); this.b.validate(); add.focus(); });
        return h('li', { class: 'chip', dataset: { code } }, h('span', { text: nameOf(code) }), x);
      }));
    };
    add.addEventListener('click', () => {
      const code = select.value;
      if (code && !tg.dongs.includes(code)) tg.dongs.push(code);
      select.value = '';
      paint();
      this.b.validate();
    });
    paint();
    ed.replaceChildren(h('label', { for: id, class: 'field-label', i18n: 'plan.target.dongLabel' }), h('div', { class: 'row' }, select, add), chips);
  }

  renderPolygonEditor(card) {
    const tg = card.target;
    const ed = card.editor;
    const drawer = this.b.ctx.drawer;
    const status = h('p', { class: 'small polygon-status', 'aria-live': 'polite', testid: 'polygon-status' });
    const drawBtn = h('button', { type: 'button', class: 'btn small', testid: 'polygon-draw' });
    const finishBtn = h('button', { type: 'button', class: 'btn small primary', i18n: 'plan.polygon.finish', testid: 'polygon-finish' });
    const cancelBtn = h('button', { type: 'button', class: 'btn small', i18n: 'plan.polygon.cancel', testid: 'polygon-cancel' });
    const clearBtn = h('button', { type: 'button', class: 'btn small', i18n: 'plan.polygon.clear' });
    let corners = 0;
    const paint = () => {
      const drawing = card.drawing;
      drawBtn.hidden = drawing;
      drawBtn.textContent = t(tg.polygon ? 'plan.polygon.redraw' : 'plan.polygon.draw');
      finishBtn.hidden = cancelBtn.hidden = !drawing;
      finishBtn.disabled = corners < 3;
      clearBtn.hidden = drawing || !tg.polygon;
      status.textContent = drawing ? t('plan.polygon.drawing', { n: corners })
        : tg.polygon ? t('plan.polygon.done', { n: tg.polygon.length }) : t('plan.polygon.none');
      card.el?.classList.toggle('drawing', drawing);
    };
    dynamic(status, paint);
    drawBtn.addEventListener('click', () => {
      for (const c of this.b.cards) c.drawing = false;
      card.drawing = true;
      corners = 0;
      drawer.start({
        onChange: n => { corners = n; paint(); },
        onFinish: ring => { card.drawing = false; tg.polygon = ring; paint(); this.syncShapes(); this.b.ctx.onDrawing?.(false); this.b.onEdit(drawBtn); drawBtn.focus(); },
        onCancel: () => { card.drawing = false; paint(); this.b.ctx.onDrawing?.(false); this.b.validate(); if (ed.isConnected) drawBtn.focus(); },
      });
      this.b.ctx.onDrawing?.(true);
      paint();
      finishBtn.focus();
    });
    finishBtn.addEventListener('click', () => drawer.finish());
    cancelBtn.addEventListener('click', () => drawer.cancel());
    clearBtn.addEventListener('click', () => { tg.polygon = null; paint(); this.syncShapes(); this.b.validate(); drawBtn.focus(); });
    ed.replaceChildren(h('p', { class: 'muted small', i18n: 'plan.polygon.help' }), status, h('div', { class: 'row' }, drawBtn, finishBtn, cancelBtn, clearBtn));
    paint();
  }

  /** Finished polygons of all cards on the map. */
  syncShapes() {
    this.b.ctx.drawer.setShapes(this.b.cards.filter(c => c.target.kind === 'polygon' && c.target.polygon).map(c => c.target.polygon));
  }

  checkTarget(card) {
    const tg = card.target;
    switch (tg.kind) {
      case 'gu': return tg.codes.length ? null : t('plan.err.pickGu');
      case 'dong': return tg.dongs.length ? null : t('plan.err.pickDong');
      case 'polygon': return card.drawing ? t('plan.err.finishPolygon') : tg.polygon?.length >= 3 ? null : t('plan.err.drawPolygon');
      case 'assets': return parseIds(tg.assets).length ? null : t('plan.err.assets');
      default: return null;
    }
  }

  targetBody(card) {
    const tg = card.target;
    switch (tg.kind) {
      case 'gu': return { kind: 'gu', codes: [...tg.codes] };
      case 'dong': return { kind: 'dong', codes: [...tg.dongs] };
      // Closed ring, as in GeoJSON.
      case 'polygon': return { kind: 'polygon', polygon: tg.polygon ? [...tg.polygon, tg.polygon[0]] : [] };
      case 'assets': return { kind: 'assets', assets: parseIds(tg.assets) };
      default: return { kind: tg.kind };
    }
  }
}
