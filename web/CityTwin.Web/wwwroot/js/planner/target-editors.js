// Target editors of an intervention card: which city, gu, dongs, drawn polygon or asset ids an
// intervention applies to, how each is checked and how it is sent to the server.
import { h, nextId, dynamic } from '../core/dom.js';
import { parseIds } from '../core/forms.js';
import { localName, t } from '../core/i18n.js';

export const TARGET_KINDS = ['city', 'gu', 'dong', 'polygon', 'assets'];

/**
 * @typedef {object} Target
 * @property {string} kind
 * @property {string[]} codes gu codes
 * @property {string[]} dongs dong codes
 * @property {[number, number][]|null} polygon open ring of [lon, lat]
 * @property {string} assets asset ids as typed
 */

export class TargetEditors {
  /** @param {import('./builder.js').ScenarioBuilder} builder */
  constructor(builder) { this.b = builder; }

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
