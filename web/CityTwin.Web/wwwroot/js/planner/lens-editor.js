// The lens editor (planners and admins): pick a lens or start a new one, set its name, group and,
// per KPI, the weight (0 leaves it out), the direction the group wants and the red line (the
// largest worsening in % it accepts). The server checks everything and names the field at fault.
import { Modal } from '../account/dialog.js';
import { ProblemError, api } from '../core/api.js';
import { h, nextId } from '../core/dom.js';
import { language, t } from '../core/i18n.js';
import { kpiName } from './catalog-text.js';
import { GROUPS, lensName, stakeholderApi } from './stakeholder-api.js';

const NEW = '';

export class LensEditor {
  /** @param {{saved: () => void}} ctx */
  constructor(ctx) {
    this.ctx = ctx;
    /** @type {Modal|null} */
    this.modal = null;
    /** @type {import('./stakeholder-api.js').Lens[]} */
    this.lenses = [];
    /** @type {any[]} the scenario KPIs of the catalogue */
    this.kpis = [];
    this.current = NEW;
  }

  /** @param {import('./stakeholder-api.js').Lens[]} lenses */
  async open(lenses) {
    this.modal ??= new Modal({ titleKey: 'lens.editor.title', testid: 'lens-editor', wide: true });
    this.lenses = lenses;
    if (!this.kpis.length) {
      try { this.kpis = (await api.scenarios.catalog())?.kpis ?? []; } catch { this.kpis = []; }
    }
    this.current = lenses[0]?.id ?? NEW;
    this.paint();
    this.modal.open();
  }

  paint() {
    const modal = /** @type {Modal} */ (this.modal);
    const lens = this.lenses.find(l => l.id === this.current) ?? null;
    const pickId = nextId('lens');
    const pick = h('select', { id: pickId, testid: 'lens-editor-pick' },
      this.lenses.map(l => h('option', { value: l.id, text: lensName(l) })),
      h('option', { value: NEW, text: t('lens.editor.new') }));
    pick.value = this.current;
    pick.addEventListener('change', () => { this.current = pick.value; this.paint(); });

    const nameId = nextId('lens');
    const name = h('input', { id: nameId, type: 'text', class: 'text', maxlength: '80', testid: 'lens-editor-name', value: lens?.name?.en ?? '' });
    const lang = language();
    const localId = nextId('lens');
    const local = lang === 'en' ? null : h('input', { id: localId, type: 'text', class: 'text', maxlength: '80', testid: 'lens-editor-name-local', value: lens?.name?.[lang] ?? '' });
    const groupId = nextId('lens');
    const group = h('select', { id: groupId, testid: 'lens-editor-group' },
      h('option', { value: '', text: t('lens.editor.groupNone') }),
      GROUPS.map(g => h('option', { value: g, text: t(`group.${g}`) })));
    group.value = lens?.group ?? '';

    const rows = this.kpis.map(k => {
      const given = lens?.kpis.find(x => x.kpi === k.id);
      const weight = h('input', { type: 'number', min: '0', max: '10', step: '0.5', class: 'text lens-weight', testid: 'lens-editor-weight', dataset: { kpi: k.id }, value: String(given?.weight ?? 0) });
      weight.setAttribute('aria-label', `${kpiName(k)}: ${t('lens.editor.weight')}`);
      const better = h('select', { testid: 'lens-editor-better', dataset: { kpi: k.id } },
        h('option', { value: 'lower', text: t('lens.editor.lower') }), h('option', { value: 'higher', text: t('lens.editor.higher') }));
      better.value = given?.better ?? (String(k.better).toLowerCase() === 'higher' ? 'higher' : 'lower');
      better.setAttribute('aria-label', `${kpiName(k)}: ${t('lens.editor.better')}`);
      const red = h('input', { type: 'number', min: '0', max: '100', step: '0.5', class: 'text lens-red', testid: 'lens-editor-red', dataset: { kpi: k.id }, value: given?.redLinePercent == null ? '' : String(given.redLinePercent) });
      red.setAttribute('aria-label', `${kpiName(k)}: ${t('lens.editor.redLine')}`);
      const errors = h('div', { class: 'field-errors' });
      return { kpi: k.id, weight, better, red, errors, row: h('tr', { dataset: { kpi: k.id } }, h('th', { scope: 'row', text: kpiName(k) }),
        h('td', {}, weight), h('td', {}, better), h('td', {}, red, errors)) };
    });
    const table = h('div', { class: 'table-wrap' }, h('table', { class: 'plan-table lens-editor-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', i18n: 'lens.editor.kpi' }), h('th', { scope: 'col', i18n: 'lens.editor.weight' }),
        h('th', { scope: 'col', i18n: 'lens.editor.better' }), h('th', { scope: 'col', i18n: 'lens.editor.redLine' }))),
      h('tbody', {}, rows.map(r => r.row))));

    const status = h('div', { class: 'field-errors', role: 'status', testid: 'lens-editor-status' });
    const save = h('button', { type: 'submit', class: 'btn primary', testid: 'lens-editor-save', i18n: 'lens.editor.save' });
    const remove = lens ? h('button', { type: 'button', class: 'btn danger', testid: 'lens-editor-delete', i18n: 'lens.editor.delete' }) : null;
    const form = h('form', { class: 'lens-editor-form', novalidate: true },
      h('div', { class: 'form-field' }, h('label', { for: pickId, i18n: 'lens.editor.pick' }), pick),
      h('div', { class: 'form-field' }, h('label', { for: nameId, i18n: 'lens.editor.name' }), name),
      local ? h('div', { class: 'form-field' }, h('label', { for: localId, text: t('lens.editor.nameIn', { lang: lang.toUpperCase() }) }), local) : null,
      h('div', { class: 'form-field' }, h('label', { for: groupId, i18n: 'lens.editor.group' }), group),
      h('p', { class: 'muted small', i18n: 'lens.editor.hint' }),
      table, status, h('div', { class: 'row' }, save, remove));

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const kpis = rows.filter(r => Number(r.weight.value) > 0 || r.weight.value === '' || !Number.isFinite(Number(r.weight.value)))
        .map(r => ({ kpi: r.kpi, weight: r.weight.value === '' ? null : Number(r.weight.value), better: r.better.value, redLinePercent: r.red.value === '' ? null : Number(r.red.value) }));
      const names = { ...(lens?.name ?? {}), en: name.value.trim() };
      if (local) { if (local.value.trim()) names[lang] = local.value.trim(); else delete names[lang]; }
      const body = { id: lens?.id, name: names, description: lens?.description ?? undefined, group: group.value || null, kpis };
      for (const r of rows) r.errors.replaceChildren();
      status.replaceChildren();
      save.disabled = true;
      try {
        const stored = lens ? await stakeholderApi.updateLens(lens.id, body) : await stakeholderApi.createLens(body);
        this.lenses = lens ? this.lenses.map(l => (l.id === stored.id ? stored : l)) : [...this.lenses, stored];
        this.current = stored.id;
        this.ctx.saved();
        this.paint();
        /** @type {HTMLElement|null} */ (modal.body.querySelector('[data-testid=lens-editor-status]'))?.replaceChildren(h('p', { class: 'ok small', text: t('lens.editor.saved') }));
      } catch (err) {
        save.disabled = false;
        const messages = [];
        if (err instanceof ProblemError) {
          for (const [field, msgs] of Object.entries(err.errors)) {
            const m = /^kpis\[(\d+)\]/.exec(field);
            const row = m ? rows.find(r => r.kpi === kpis[Number(m[1])]?.kpi) : null;
            if (row) row.errors.append(...msgs.map(x => h('p', { class: 'field-error', testid: 'field-error', text: x })));
            else messages.push(`${field}: ${msgs.join(' ')}`);
          }
          if (!Object.keys(err.errors).length) messages.push(err.detail || err.title);
        } else messages.push(t('lens.editor.failed'));
        status.replaceChildren(...messages.map(m => h('p', { class: 'field-error', testid: 'field-error', text: m })));
      }
    });
    remove?.addEventListener('click', async () => {
      if (!lens || !confirm(t('lens.editor.confirmDelete', { name: lensName(lens) }))) return;
      try {
        await stakeholderApi.deleteLens(lens.id);
        this.lenses = this.lenses.filter(l => l.id !== lens.id);
        this.current = this.lenses[0]?.id ?? NEW;
        this.ctx.saved();
        this.paint();
      } catch {
        status.replaceChildren(h('p', { class: 'field-error', text: t('lens.editor.failed') }));
      }
    });
    modal.body.replaceChildren(form);
  }
}
