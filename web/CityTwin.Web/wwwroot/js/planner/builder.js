// Build tab: a scenario definition assembled from the server's catalog, validated as it is typed.
// Every input that the server may reject is a "field" with a path like the server's error keys
// (name, horizonHours, interventions[1].parameters.sharePercent, interventions[0].target), so a
// rejected definition shows each message next to what it is about.
import { ProblemError } from '../core/api.js';
import { dynamic, h, nextId, refreshDynamic } from '../core/dom.js';
import { Field, assignServerErrors, checkNumber, clamp, describe, errorsBox, num, numberInput, rangeText } from '../core/forms.js';
import { cityDate, formatNumber } from '../core/format.js';
import { onLanguageChange, t } from '../core/i18n.js';
import { may } from '../core/session.js';
import { store } from '../core/store.js';
import { entryDescription, entryName, paramDescription, paramName, unitText } from './catalog-text.js';
import { InterventionCards } from './cards.js';
import { runOptionsBody, runOptionsSection } from './run-options.js';

const MAX_NAME = 120;
const MAX_SEED = 2147483647;

export class ScenarioBuilder {
  /**
   * @param {HTMLElement} root the Build tab panel
   * @param {{drawer: import('./polygon.js').PolygonDrawer, districts: () => object[], dongs: () => object[],
   *          selectedAsset: () => string|null, simNow: () => number, submit: (body: object) => Promise<object>,
   *          onDrawing?: (on: boolean) => void}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    /** @type {{interventions: any[], conditions: any[], limits: any, economics?: any, maxSeeds?: number}} */
    this.catalog = { interventions: [], conditions: [], limits: {} };
    /** @type {any[]} intervention cards, in order */
    this.cards = [];
    /** @type {any[]} */
    this.conditions = [];
    /** @type {Set<Field>} */
    this.fields = new Set();
    // The form's parts, built by render() before anything reads them.
    const unset = /** @type {any} */ (null);
    /** @type {HTMLFormElement|null} */
    this.form = null;
    /** @type {HTMLInputElement} */ this.nameInput = unset;
    /** @type {HTMLTextAreaElement} */ this.descInput = unset;
    /** @type {HTMLInputElement} */ this.dateInput = unset;
    /** @type {{baseline: HTMLInputElement, fork: HTMLInputElement}} */ this.startRadios = unset;
    /** @type {HTMLInputElement} */ this.horizonInput = unset;
    /** @type {HTMLInputElement} */ this.stepInput = unset;
    /** @type {HTMLInputElement} */ this.seedInput = unset;
    /** @type {HTMLInputElement} */ this.seedCountInput = unset;
    /** @type {Record<string, HTMLInputElement>} */ this.moneyInputs = {};
    /** @type {HTMLElement} */ this.cardsEl = unset;
    /** @type {HTMLSelectElement} */ this.addSelect = unset;
    /** @type {HTMLElement} */ this.interventionsErr = unset;
    /** @type {HTMLElement} */ this.generalErr = unset;
    /** @type {HTMLElement} */ this.summary = unset;
    /** @type {HTMLButtonElement} */ this.runButton = unset;
    this.invalid = 0;
    this.submitting = false;
    this.runCount = 0;
    this.interventions = new InterventionCards(this);
    onLanguageChange(() => { if (this.form) { refreshDynamic(this.form); this.validate(); } });
    // Only planners (and admins) run scenarios: Run follows the session.
    store.subscribe('me', () => this.validate());
  }

  /** Renders the form from the catalog (interventions, conditions, limits). */
  setCatalog(catalog) {
    this.catalog = {
      interventions: catalog?.interventions ?? [],
      conditions: catalog?.conditions ?? [],
      limits: catalog?.limits ?? {},
      economics: catalog?.economics ?? null,
      maxSeeds: num(catalog?.maxSeeds) ?? 50,
    };
    this.render();
  }

  /** Districts or dongs arrived after the form was drawn: refresh the pickers that list them. */
  refreshAreas() {
    for (const card of this.cards) if (card.target.kind === 'gu' || card.target.kind === 'dong') this.interventions.renderTarget(card);
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
    this.dateInput = h('input', { type: 'date', class: 'text', testid: 'start-date', value: cityDate(Number.isFinite(now) ? now : Date.now()) });
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
    this.horizonInput = numberInput({ testid: 'scenario-horizon', value: clamp(24, hMin, hMax), min: hMin, max: hMax });
    this.stepInput = numberInput({ testid: 'scenario-step', value: clamp(15, sMin, sMax), min: sMin, max: sMax });
    this.seedInput = numberInput({ testid: 'scenario-seed', value: 42, min: 0, max: MAX_SEED, step: 1 });
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
    for (const def of this.catalog.interventions) {
      this.addSelect.append(dynamic(h('option', { value: def.type }), el => { el.textContent = entryName('intervention', def); }));
    }
    const addButton = h('button', { type: 'button', class: 'btn', testid: 'add-intervention-button', i18n: 'plan.build.add', disabled: true });
    const addHint = dynamic(h('p', { class: 'muted small add-hint' }), el => {
      const def = this.catalog.interventions.find(d => d.type === this.addSelect.value);
      el.textContent = def ? entryDescription('intervention', def) : '';
    });
    this.addSelect.addEventListener('change', () => {
      const def = this.catalog.interventions.find(d => d.type === this.addSelect.value);
      addButton.disabled = !def;
      addHint.textContent = def ? entryDescription('intervention', def) : '';
    });
    addButton.addEventListener('click', () => {
      const def = this.catalog.interventions.find(d => d.type === this.addSelect.value);
      if (!def) return;
      const card = this.interventions.addCard(def);
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

    const options = runOptionsSection(this, this.catalog.economics, this.catalog.maxSeeds ?? 50);
    form.append(about, start, timing, options, conditions, interventions, submit);
    this.root.replaceChildren(form);
    this.validate();
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
      const input = numberInput({ testid: 'param-input', value: num(p.default), min, max });
      input.dataset.param = p.name;
      const id = input.id = nextId('p');
      const err = errorsBox();
      const unit = () => unitText(p.unit);
      const hint = dynamic(h('p', { class: 'muted small hint' }), el => {
        const range = rangeText({ min, max, unit: unit() });
        const dflt = num(p.default) != null ? t('plan.build.defaultHint', { value: formatNumber(p.default, 6) }) : '';
        el.textContent = [range, dflt].filter(Boolean).join(' · ');
      });
      const about = p.description ? dynamic(h('p', { class: 'muted small param-about' }), el => { el.textContent = paramDescription(def, p); }) : null;
      describe(input, about, hint, err);
      values[p.name] = input;
      this.addField({
        path: () => `${pathOf()}.parameters.${p.name}`, errorsEl: err, inputs: [input],
        check: () => (isOn() ? checkNumber(input, { min, max, unit: unit() }) : null),
      });
      return h('div', { class: 'plan-param', dataset: { param: p.name } },
        dynamic(h('label', { for: id }), el => { el.textContent = paramName(def, p); }),
        h('div', { class: 'input-unit' }, input, p.unit ? dynamic(h('span', { class: 'unit' }), el => { el.textContent = unit(); }) : null),
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
      h('label', { class: 'check' }, toggle, dynamic(h('span', { class: 'cond-name' }), el => { el.textContent = entryName('condition', def); })),
      def.description ? dynamic(h('p', { class: 'muted small' }), el => { el.textContent = entryDescription('condition', def); }) : null,
      params, err);
  }

  enabledConditions() { return this.conditions.filter(c => c.toggle.checked); }

  startKind() { return this.startRadios.fork.checked ? 'fork' : 'baseline'; }

  // ---- intervention cards --------------------------------------------------------------------

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
    const allowed = may('plan');
    this.runButton.disabled = this.submitting || invalid > 0 || empty || !allowed;
    this.runButton.dataset.invalid = String(invalid);
    this.runButton.dataset.allowed = String(allowed);
    this.summary.dataset.testid = 'run-summary';
    this.summary.textContent = !allowed ? t('plan.build.needPlanner')
      : this.submitting ? t('plan.build.starting')
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
      interventions: this.cards.map(c => ({ type: c.def.type, parameters: nums(c.values), target: this.interventions.targetBody(c) })),
      ...runOptionsBody(this),
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
      else this.showGeneral([t('plan.err.submitFailed', { reason: e instanceof Error ? e.message : '' })]);
    } finally {
      this.submitting = false;
      this.validate();
    }
  }

  /** Puts each server message next to its field (or the closest enclosing one); the rest go above Run. */
  showServerErrors(problem) {
    const general = assignServerErrors(this.fields, problem.errors);
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
