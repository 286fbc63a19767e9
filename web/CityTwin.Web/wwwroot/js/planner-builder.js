// Build tab: a scenario definition assembled from the server's catalog, validated as it is typed.
// Every input that the server may reject is a "field" with a path like the server's error keys
// (name, horizonHours, interventions[1].parameters.sharePercent, interventions[0].target), so a
// rejected definition shows each message next to what it is about.
import { formatNumber } from './format.js';
import { humanize, localName, onLanguageChange, t } from './i18n.js';
import { ProblemError } from './planner-api.js';
import { dynamic, h, nextId, refreshDynamic } from './planner-dom.js';

const TARGET_KINDS = ['city', 'gu', 'dong', 'polygon', 'assets'];
const MAX_NAME = 120;
const MAX_SEED = 2147483647;

function seoulDate(ms) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

const clamp = (v, lo, hi) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, v));
const num = (x) => (x == null || x === '' || !Number.isFinite(Number(x)) ? null : Number(x));

/** Message for a number input, or null when the value is fine. */
function checkNumber(input, { min = null, max = null, integer = false, unit = '' } = {}) {
  if (input.validity.badInput) return t('plan.err.number');
  const raw = input.value.trim();
  if (raw === '') return t('plan.err.required');
  const v = Number(raw);
  if (!Number.isFinite(v)) return t('plan.err.number');
  if (integer && !Number.isInteger(v)) return t('plan.err.integer');
  const u = unit ? ` ${unit}` : '';
  if ((min != null && v < min) || (max != null && v > max)) {
    if (min != null && max != null) return t('plan.err.range', { min: formatNumber(min, 6), max: formatNumber(max, 6), unit: u });
    if (min != null) return t('plan.err.min', { min: formatNumber(min, 6), unit: u });
    return t('plan.err.max', { max: formatNumber(max, 6), unit: u });
  }
  return null;
}

function rangeText({ min, max, unit }) {
  const u = unit ? ` ${unit}` : '';
  if (min != null && max != null) return t('plan.build.rangeHint', { min: formatNumber(min, 6), max: formatNumber(max, 6), unit: u });
  if (min != null) return t('plan.build.minHint', { min: formatNumber(min, 6), unit: u });
  if (max != null) return t('plan.build.maxHint', { max: formatNumber(max, 6), unit: u });
  return '';
}

/** One validated input: its server path, where its messages go and how to check it. */
class Field {
  constructor({ path, errorsEl, inputs = [], check = () => null }) {
    this.path = path;
    this.errorsEl = errorsEl;
    this.inputs = inputs;
    this.check = check;
    this.server = [];
    this.message = null;
    this.shown = '';
  }

  paint() {
    const messages = [...(this.message ? [this.message] : []), ...this.server];
    // Only touch the DOM on a change: the box is a live region, and re-adding the same text on
    // every keystroke would make screen readers repeat it.
    const key = messages.join('\n');
    if (key === this.shown) return;
    this.shown = key;
    this.errorsEl.replaceChildren(...messages.map(m => h('p', { class: 'field-error', testid: 'field-error', text: m })));
    const invalid = messages.length > 0;
    for (const i of this.inputs) {
      if (invalid) i.setAttribute('aria-invalid', 'true');
      else i.removeAttribute('aria-invalid');
    }
  }
}

function errorsBox() { return h('div', { class: 'field-errors', id: nextId('err'), 'aria-live': 'polite' }); }

/** Wires an input to its messages for assistive technology. */
function describe(input, ...els) {
  const ids = els.filter(Boolean).map(e => e.id || (e.id = nextId('desc')));
  input.setAttribute('aria-describedby', ids.join(' '));
}

export class ScenarioBuilder {
  /**
   * @param {HTMLElement} root the Build tab panel
   * @param {{drawer: import('./planner-polygon.js').PolygonDrawer, districts: () => object[], dongs: () => object[],
   *          selectedAsset: () => string|null, simNow: () => number, submit: (body: object) => Promise<object>,
   *          onDrawing?: (on: boolean) => void}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.catalog = null;
    this.cards = [];
    this.conditions = [];
    this.fields = new Set();
    this.submitting = false;
    this.runCount = 0;
    onLanguageChange(() => { if (this.form) { refreshDynamic(this.form); this.validate(); } });
  }

  /** Renders the form from the catalog (interventions, conditions, limits). */
  setCatalog(catalog) {
    this.catalog = {
      interventions: catalog?.interventions ?? [],
      conditions: catalog?.conditions ?? [],
      limits: catalog?.limits ?? {},
    };
    this.render();
  }

  /** Districts or dongs arrived after the form was drawn: refresh the pickers that list them. */
  refreshAreas() {
    for (const card of this.cards) if (card.target.kind === 'gu' || card.target.kind === 'dong') this.renderTarget(card);
  }

  /** Suggests "Scenario n" while the user has not named it. */
  setRunCount(n) {
    this.runCount = n;
    if (this.nameInput && this.nameInput.dataset.auto === 'true') {
      this.nameInput.value = t('plan.build.defaultName', { n: n + 1 });
      this.validate();
    }
  }

  // ---- form ----------------------------------------------------------------------------------

  render() {
    this.fields.clear();
    this.cards = [];
    this.conditions = [];
    const lim = this.catalog.limits;
    const form = h('form', { class: 'plan-form', novalidate: true, testid: 'scenario-form' });
    form.addEventListener('submit', e => { e.preventDefault(); this.submit(); });
    form.addEventListener('input', e => this.onEdit(e.target));
    form.addEventListener('change', e => this.onEdit(e.target));
    this.form = form;

    // Name and description
    const nameId = nextId('name');
    this.nameInput = h('input', { id: nameId, type: 'text', class: 'text', testid: 'scenario-name', maxlength: MAX_NAME + 20, autocomplete: 'off', dataset: { auto: 'true' } });
    this.nameInput.value = t('plan.build.defaultName', { n: this.runCount + 1 });
    this.nameInput.addEventListener('input', () => { this.nameInput.dataset.auto = 'false'; });
    const nameErr = errorsBox();
    describe(this.nameInput, nameErr);
    this.addField({
      path: () => 'name', errorsEl: nameErr, inputs: [this.nameInput],
      check: () => {
        const v = this.nameInput.value.trim();
        if (!v) return t('plan.err.nameRequired');
        if (v.length > MAX_NAME) return t('plan.err.tooLong', { n: MAX_NAME });
        return null;
      },
    });
    const descId = nextId('desc');
    this.descInput = h('textarea', { id: descId, class: 'text', rows: 2, testid: 'scenario-description', maxlength: 2000 });
    const descErr = errorsBox();
    this.addField({ path: () => 'description', errorsEl: descErr, inputs: [this.descInput] });

    const about = h('section', { class: 'plan-section' },
      h('div', { class: 'plan-field' }, h('label', { for: nameId, i18n: 'plan.build.name' }), this.nameInput, nameErr),
      h('div', { class: 'plan-field' }, h('label', { for: descId, i18n: 'plan.build.description' }), this.descInput, descErr));

    // Start
    const radioName = nextId('start');
    const baselineRadio = h('input', { type: 'radio', name: radioName, value: 'baseline', checked: true, testid: 'start-baseline' });
    const forkRadio = h('input', { type: 'radio', name: radioName, value: 'fork', testid: 'start-fork' });
    const now = this.ctx.simNow?.();
    this.dateInput = h('input', { type: 'date', class: 'text', testid: 'start-date', value: seoulDate(Number.isFinite(now) ? now : Date.now()) });
    this.dateInput.setAttribute('aria-label', t('plan.build.startDate'));
    this.dateInput.dataset.i18nAriaLabel = 'plan.build.startDate';
    this.startRadios = { baseline: baselineRadio, fork: forkRadio };
    const startErr = errorsBox();
    describe(this.dateInput, startErr);
    this.addField({
      path: () => (this.startKind() === 'baseline' ? 'start.date' : 'start'), errorsEl: startErr, inputs: [this.dateInput],
      check: () => {
        if (this.startKind() !== 'baseline') return null;
        if (this.dateInput.validity.badInput || !/^\d{4}-\d{2}-\d{2}$/.test(this.dateInput.value)) return t('plan.err.date');
        return null;
      },
    });
    const syncStart = () => { this.dateInput.disabled = !baselineRadio.checked; };
    baselineRadio.addEventListener('change', syncStart);
    forkRadio.addEventListener('change', syncStart);
    const start = h('fieldset', { class: 'plan-section plan-start' },
      h('legend', { i18n: 'plan.build.start' }),
      h('label', { class: 'radio' }, baselineRadio, h('span', {}, h('span', { i18n: 'plan.build.startBaseline' }), h('span', { class: 'muted small block', i18n: 'plan.build.startBaselineHint' }))),
      h('div', { class: 'indent' }, this.dateInput),
      h('label', { class: 'radio' }, forkRadio, h('span', {}, h('span', { i18n: 'plan.build.startFork' }), h('span', { class: 'muted small block', i18n: 'plan.build.startForkHint' }))),
      startErr);

    // Horizon, step, seed
    const hMin = num(lim.minHorizonHours), hMax = num(lim.maxHorizonHours);
    const sMin = num(lim.minStepMinutes), sMax = num(lim.maxStepMinutes);
    this.horizonInput = this.numberInput({ testid: 'scenario-horizon', value: clamp(24, hMin, hMax), min: hMin, max: hMax });
    this.stepInput = this.numberInput({ testid: 'scenario-step', value: clamp(15, sMin, sMax), min: sMin, max: sMax });
    this.seedInput = this.numberInput({ testid: 'scenario-seed', value: 42, min: 0, max: MAX_SEED, step: 1 });
    const timing = h('section', { class: 'plan-section' },
      h('div', { class: 'plan-grid-3' },
        this.numberCell('horizonHours', 'plan.build.horizon', this.horizonInput, { min: hMin, max: hMax, unitKey: 'plan.unit.hours' }, () => null),
        this.numberCell('stepMinutes', 'plan.build.step', this.stepInput, { min: sMin, max: sMax, unitKey: 'plan.unit.minutes' }, () => {
          const hours = Number(this.horizonInput.value), step = Number(this.stepInput.value);
          return Number.isFinite(hours) && hours > 0 && step > hours * 60 ? t('plan.err.stepLongerThanHorizon') : null;
        }),
        this.numberCell('seed', 'plan.build.seed', this.seedInput, { min: 0, max: MAX_SEED, integer: true }, () => null, 'plan.build.seedHint')));

    // Conditions
    const condList = h('div', { class: 'plan-conditions' });
    this.catalog.conditions.forEach(def => condList.append(this.conditionRow(def)));
    const conditions = h('section', { class: 'plan-section' },
      h('h3', { i18n: 'plan.build.conditions' }),
      h('p', { class: 'muted small', i18n: 'plan.build.conditionsHint' }),
      this.catalog.conditions.length ? condList : h('p', { class: 'muted small', i18n: 'plan.build.noConditions' }));

    // Interventions
    this.cardsEl = h('div', { class: 'plan-cards' });
    this.addSelect = h('select', { testid: 'add-intervention', i18nAria: 'plan.build.addLabel' });
    this.addSelect.append(h('option', { value: '', i18n: 'plan.build.addPlaceholder' }));
    for (const def of this.catalog.interventions) this.addSelect.append(h('option', { value: def.type, text: def.name || humanize(def.type) }));
    const addButton = h('button', { type: 'button', class: 'btn', testid: 'add-intervention-button', i18n: 'plan.build.add', disabled: true });
    const addHint = h('p', { class: 'muted small add-hint' });
    this.addSelect.addEventListener('change', () => {
      const def = this.catalog.interventions.find(d => d.type === this.addSelect.value);
      addButton.disabled = !def;
      addHint.textContent = def?.description ?? '';
    });
    addButton.addEventListener('click', () => {
      const def = this.catalog.interventions.find(d => d.type === this.addSelect.value);
      if (!def) return;
      const card = this.addCard(def);
      this.addSelect.value = '';
      addButton.disabled = true;
      addHint.textContent = '';
      card.el.querySelector('input, select, button:not(.remove)')?.focus();
    });
    this.interventionsErr = errorsBox();
    this.addField({ path: () => 'interventions', errorsEl: this.interventionsErr });
    const interventions = h('section', { class: 'plan-section' },
      h('h3', { i18n: 'plan.build.interventions' }),
      this.cardsEl,
      this.catalog.interventions.length
        ? h('div', { class: 'plan-add' }, this.addSelect, addButton)
        : h('p', { class: 'muted small', i18n: 'plan.build.noInterventions' }),
      addHint,
      this.interventionsErr);

    // Submit
    this.generalErr = h('div', { class: 'field-errors general', 'aria-live': 'polite', testid: 'form-errors' });
    this.summary = h('p', { class: 'muted small submit-summary', role: 'status' });
    this.runButton = h('button', { type: 'submit', class: 'btn primary', testid: 'run-scenario' },
      h('span', { class: 'icon', 'aria-hidden': 'true', text: '▶' }), h('span', { class: 'label', i18n: 'plan.build.run' }));
    const submit = h('div', { class: 'plan-submit' }, this.generalErr, h('div', { class: 'submit-row' }, this.summary, this.runButton));

    form.append(about, start, timing, conditions, interventions, submit);
    this.root.replaceChildren(form);
    this.validate();
  }

  numberInput({ testid, value, min, max, step = 'any' }) {
    const input = h('input', { type: 'number', class: 'num', testid, step, inputmode: 'decimal' });
    if (min != null) input.min = String(min);
    if (max != null) input.max = String(max);
    if (value != null) input.value = String(value);
    return input;
  }

  /** A labelled number input with unit, range hint and messages, registered as a field. */
  numberCell(path, labelKey, input, rule, extraCheck, hintKey) {
    const id = input.id || (input.id = nextId('n'));
    const err = errorsBox();
    const unit = () => (rule.unitKey ? t(rule.unitKey) : '');
    const hint = dynamic(h('p', { class: 'muted small hint' }), el => {
      el.textContent = hintKey ? t(hintKey) : rangeText({ ...rule, unit: unit() });
    });
    describe(input, hint, err);
    this.addField({
      path: () => path, errorsEl: err, inputs: [input],
      check: () => checkNumber(input, { ...rule, unit: unit() }) ?? extraCheck(),
    });
    return h('div', { class: 'plan-field' },
      h('label', { for: id, i18n: labelKey }),
      h('div', { class: 'input-unit' }, input, rule.unitKey ? h('span', { class: 'unit', i18n: rule.unitKey }) : null),
      hint, err);
  }

  addField(spec) {
    const f = new Field(spec);
    this.fields.add(f);
    return f;
  }

  /** The parameter inputs of a catalog entry (intervention or condition). */
  paramFields(def, pathOf, isOn = () => true) {
    const values = {};
    const els = (def.parameters ?? []).map(p => {
      const min = num(p.min), max = num(p.max);
      const input = this.numberInput({ testid: 'param-input', value: num(p.default), min, max });
      input.dataset.param = p.name;
      const id = input.id = nextId('p');
      const err = errorsBox();
      const unit = p.unit ?? '';
      const hint = dynamic(h('p', { class: 'muted small hint' }), el => {
        const range = rangeText({ min, max, unit });
        const dflt = num(p.default) != null ? t('plan.build.defaultHint', { value: formatNumber(p.default, 6) }) : '';
        el.textContent = [range, dflt].filter(Boolean).join(' · ');
      });
      const about = p.description ? h('p', { class: 'muted small param-about', text: p.description }) : null;
      describe(input, about, hint, err);
      values[p.name] = input;
      this.addField({
        path: () => `${pathOf()}.parameters.${p.name}`, errorsEl: err, inputs: [input],
        check: () => (isOn() ? checkNumber(input, { min, max, unit }) : null),
      });
      return h('div', { class: 'plan-param', dataset: { param: p.name } },
        h('label', { for: id, text: p.label || humanize(p.name) }),
        h('div', { class: 'input-unit' }, input, unit ? h('span', { class: 'unit', text: unit }) : null),
        about, hint, err);
    });
    return { els, values };
  }

  conditionRow(def) {
    const cond = { def, fields: [] };
    const toggle = h('input', { type: 'checkbox', testid: 'condition-toggle', dataset: { type: def.type } });
    cond.toggle = toggle;
    const pathOf = () => `conditions[${this.enabledConditions().indexOf(cond)}]`;
    const { els, values } = this.paramFields(def, pathOf, () => toggle.checked);
    cond.values = values;
    const params = h('div', { class: 'plan-params', hidden: true }, els);
    const err = errorsBox();
    cond.field = this.addField({ path: () => (toggle.checked ? pathOf() : `conditions.${def.type}`), errorsEl: err });
    toggle.addEventListener('change', () => { params.hidden = !toggle.checked; for (const i of Object.values(values)) i.disabled = !toggle.checked; });
    for (const i of Object.values(values)) i.disabled = true;
    this.conditions.push(cond);
    return h('div', { class: 'plan-condition', testid: 'condition', dataset: { type: def.type } },
      h('label', { class: 'check' }, toggle, h('span', { class: 'cond-name', text: def.name || humanize(def.type) })),
      def.description ? h('p', { class: 'muted small', text: def.description }) : null,
      params, err);
  }

  enabledConditions() { return this.conditions.filter(c => c.toggle.checked); }

  startKind() { return this.startRadios.fork.checked ? 'fork' : 'baseline'; }

  // ---- intervention cards --------------------------------------------------------------------

  addCard(def) {
    const card = { def, fields: new Set() };
    const before = new Set(this.fields);
    const pathOf = () => `interventions[${this.cards.indexOf(card)}]`;
    const { els, values } = this.paramFields(def, pathOf);
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
      if (card.target.kind === 'polygon' && this.ctx.drawer.drawing && card.drawing) this.ctx.drawer.cancel();
      card.target.kind = kindSelect.value;
      this.renderTarget(card);
      this.syncShapes();
    });
    card.editor = h('div', { class: 'target-editor' });
    const targetErr = errorsBox();
    describe(kindSelect, targetErr);
    card.targetField = this.addField({ path: () => `${pathOf()}.target`, errorsEl: targetErr, inputs: [kindSelect], check: () => this.checkTarget(card) });
    const cardErr = errorsBox();
    this.addField({ path: pathOf, errorsEl: cardErr });

    const number = dynamic(h('span', { class: 'card-index', 'aria-hidden': 'true' }), el => { el.textContent = String(this.cards.indexOf(card) + 1); });
    const remove = h('button', { type: 'button', class: 'icon-btn remove', text: '✕', testid: 'remove-intervention' });
    dynamic(remove, el => {
      const label = t('plan.build.remove', { name: def.name || humanize(def.type) });
      el.setAttribute('aria-label', label);
      el.title = label;
    });
    remove.addEventListener('click', () => this.removeCard(card));
    const headingId = nextId('card');
    card.el = h('article', { class: 'plan-card', testid: 'intervention-card', dataset: { type: def.type }, 'aria-labelledby': headingId },
      h('header', { class: 'card-head' }, number, h('h4', { id: headingId, text: def.name || humanize(def.type) }), remove),
      def.description ? h('p', { class: 'muted small card-about', text: def.description }) : null,
      els.length ? h('div', { class: 'plan-params' }, els) : null,
      h('div', { class: 'plan-target' },
        h('label', { for: kindId, class: 'field-label', i18n: 'plan.target.label' }), kindSelect, card.editor, targetErr),
      cardErr);
    for (const f of this.fields) if (!before.has(f)) card.fields.add(f);
    this.cards.push(card);
    this.cardsEl.append(card.el);
    this.renderTarget(card);
    this.renumber();
    this.validate();
    return card;
  }

  removeCard(card) {
    if (card.drawing) this.ctx.drawer.cancel();
    const i = this.cards.indexOf(card);
    if (i < 0) return;
    this.cards.splice(i, 1);
    for (const f of card.fields) this.fields.delete(f);
    card.el.remove();
    this.renumber();
    this.syncShapes();
    this.validate();
    // Keep focus in the list rather than dropping it on the page.
    (this.cards[Math.min(i, this.cards.length - 1)]?.el.querySelector('.remove') ?? this.addSelect)?.focus();
  }

  renumber() { refreshDynamic(this.cardsEl); }

  renderTarget(card) {
    const tg = card.target;
    const ed = card.editor;
    ed.dataset.kind = tg.kind;
    if (tg.kind === 'gu') {
      const list = this.ctx.districts();
      if (!list.length) { ed.replaceChildren(h('p', { class: 'muted small', i18n: 'plan.target.loadingAreas' })); return; }
      const grid = h('div', { class: 'gu-grid', role: 'group', i18nAria: 'plan.target.gu' });
      for (const d of list) {
        const code = String(d.code);
        const box = h('input', { type: 'checkbox', value: code, checked: tg.codes.includes(code), testid: 'target-gu' });
        box.addEventListener('change', () => {
          tg.codes = [...grid.querySelectorAll('input:checked')].map(b => b.value);
          this.validate();
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
        const asset = this.ctx.selectedAsset();
        if (!asset) { note.textContent = t('plan.target.noSelectedAsset'); return; }
        const ids = parseIds(input.value);
        if (!ids.includes(asset)) ids.push(asset);
        input.value = ids.join(', ');
        tg.assets = input.value;
        note.textContent = t('plan.target.addedAsset', { id: asset });
        this.onEdit(input);
      });
      ed.replaceChildren(
        h('label', { for: id, class: 'field-label', i18n: 'plan.target.assetsLabel' }),
        h('div', { class: 'row' }, input, use), note);
    } else {
      ed.replaceChildren(tg.kind === 'city' ? h('p', { class: 'muted small', i18n: 'plan.target.cityHint' }) : h('span'));
    }
    this.validate();
  }

  renderDongPicker(card) {
    const tg = card.target;
    const ed = card.editor;
    const dongs = this.ctx.dongs();
    if (!dongs.length) { ed.replaceChildren(h('p', { class: 'muted small', i18n: 'plan.target.loadingAreas' })); return; }
    const id = nextId('dong');
    const select = h('select', { id, testid: 'target-dong' });
    select.append(h('option', { value: '', i18n: 'plan.target.pickDong' }));
    const byGu = new Map();
    for (const d of dongs) {
      const gu = String(d.gu_code ?? d.guCode ?? d.districtCode ?? '');
      if (!byGu.has(gu)) byGu.set(gu, []);
      byGu.get(gu).push(d);
    }
    const guName = (code) => { const d = this.ctx.districts().find(x => String(x.code) === code); return d ? localName(d) : code; };
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
        x.addEventListener('click', () => { tg.dongs = tg.dongs.filter(c => c !== code); paint(); this.validate(); add.focus(); });
        return h('li', { class: 'chip', dataset: { code } }, h('span', { text: nameOf(code) }), x);
      }));
    };
    add.addEventListener('click', () => {
      const code = select.value;
      if (code && !tg.dongs.includes(code)) tg.dongs.push(code);
      select.value = '';
      paint();
      this.validate();
    });
    paint();
    ed.replaceChildren(h('label', { for: id, class: 'field-label', i18n: 'plan.target.dongLabel' }), h('div', { class: 'row' }, select, add), chips);
  }

  renderPolygonEditor(card) {
    const tg = card.target;
    const ed = card.editor;
    const drawer = this.ctx.drawer;
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
      for (const c of this.cards) c.drawing = false;
      card.drawing = true;
      corners = 0;
      drawer.start({
        onChange: n => { corners = n; paint(); },
        onFinish: ring => { card.drawing = false; tg.polygon = ring; paint(); this.syncShapes(); this.ctx.onDrawing?.(false); this.onEdit(drawBtn); drawBtn.focus(); },
        onCancel: () => { card.drawing = false; paint(); this.ctx.onDrawing?.(false); this.validate(); if (ed.isConnected) drawBtn.focus(); },
      });
      this.ctx.onDrawing?.(true);
      paint();
      finishBtn.focus();
    });
    finishBtn.addEventListener('click', () => drawer.finish());
    cancelBtn.addEventListener('click', () => drawer.cancel());
    clearBtn.addEventListener('click', () => { tg.polygon = null; paint(); this.syncShapes(); this.validate(); drawBtn.focus(); });
    ed.replaceChildren(h('p', { class: 'muted small', i18n: 'plan.polygon.help' }), status, h('div', { class: 'row' }, drawBtn, finishBtn, cancelBtn, clearBtn));
    paint();
  }

  /** Finished polygons of all cards on the map. */
  syncShapes() {
    this.ctx.drawer.setShapes(this.cards.filter(c => c.target.kind === 'polygon' && c.target.polygon).map(c => c.target.polygon));
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

  // ---- validation and submit -----------------------------------------------------------------

  onEdit(target) {
    // Editing a field retires what the server said about it.
    for (const f of this.fields) if (f.inputs.includes(target) || f.errorsEl.parentElement?.contains(target)) f.server = [];
    this.validate();
  }

  /** Checks every field, paints messages and enables Run only when all is well. */
  validate() {
    if (!this.form) return 0;
    let invalid = 0;
    for (const f of this.fields) {
      f.message = f.check();
      if (f.message) invalid++;
      f.paint();
    }
    const empty = this.cards.length === 0 && this.enabledConditions().length === 0;
    const drawing = this.cards.some(c => c.drawing);
    this.invalid = invalid;
    this.runButton.disabled = this.submitting || invalid > 0 || empty;
    this.runButton.dataset.invalid = String(invalid);
    this.summary.textContent = this.submitting ? t('plan.build.starting')
      : drawing ? t('plan.build.finishDrawing')
        : invalid > 0 ? t('plan.build.fixFields', { n: invalid })
          : empty ? t('plan.build.needSomething') : '';
    return invalid;
  }

  body() {
    const nums = (values) => Object.fromEntries(Object.entries(values).map(([k, input]) => [k, Number(input.value)]));
    return {
      name: this.nameInput.value.trim(),
      description: this.descInput.value.trim(),
      start: this.startKind() === 'baseline' ? { kind: 'baseline', date: this.dateInput.value } : { kind: 'fork' },
      horizonHours: Number(this.horizonInput.value),
      stepMinutes: Number(this.stepInput.value),
      seed: Number(this.seedInput.value),
      conditions: this.enabledConditions().map(c => ({ type: c.def.type, parameters: nums(c.values) })),
      interventions: this.cards.map(c => ({ type: c.def.type, parameters: nums(c.values), target: this.targetBody(c) })),
    };
  }

  async submit() {
    if (this.submitting || this.validate() > 0 || this.runButton.disabled) return;
    for (const f of this.fields) f.server = [];
    this.generalErr.replaceChildren();
    this.submitting = true;
    this.validate();
    try {
      await this.ctx.submit(this.body());
    } catch (e) {
      if (e instanceof ProblemError) this.showServerErrors(e);
      else this.showGeneral([t('plan.err.submitFailed', { reason: e?.message ?? '' })]);
    } finally {
      this.submitting = false;
      this.validate();
    }
  }

  /** Puts each server message next to its field (or the closest enclosing one); the rest go above Run. */
  showServerErrors(problem) {
    const byPath = new Map();
    for (const f of this.fields) byPath.set(normPath(f.path()), f);
    const general = [];
    for (const [key, messages] of Object.entries(problem.errors)) {
      let path = normPath(key);
      let field = byPath.get(path);
      while (!field && path) {
        path = parentPath(path);
        field = byPath.get(path);
      }
      if (field) field.server.push(...messages);
      else general.push(...messages.map(m => (key ? `${key}: ${m}` : m)));
    }
    if (!Object.keys(problem.errors).length) general.push(problem.detail || problem.title || t('plan.err.rejected'));
    this.showGeneral(general);
    this.validate();
    const first = [...this.fields].find(f => f.server.length);
    first?.inputs[0]?.focus({ preventScroll: true });
    (first?.errorsEl.parentElement ?? this.generalErr).scrollIntoView({ block: 'center' });
  }

  showGeneral(messages) {
    this.generalErr.replaceChildren(...messages.map(m => h('p', { class: 'field-error', testid: 'field-error', text: m })));
  }
}

/** "$.Interventions[1].Parameters.SharePercent" → "interventions[1].parameters.sharepercent". */
function normPath(p) {
  return String(p ?? '').trim().replace(/^\$\.?/, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]').toLowerCase();
}

function parentPath(p) {
  const m = /^(.*?)(\.[^.[\]]+|\[\d+\])$/.exec(p);
  return m ? m[1] : '';
}

function parseIds(text) {
  return [...new Set(String(text ?? '').split(/[\s,;]+/).map(s => s.trim()).filter(Boolean))];
}
