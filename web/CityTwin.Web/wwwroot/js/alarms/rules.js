// The alarm rule book inside the alarm panel: everyone who may read sees the rules; operators and
// admins add, change and remove them (the server checks, versions and audits every edit).
import { h } from '../core/dom.js';
import { formatNumber } from '../core/format.js';
import { LANGUAGES, language, localName, t } from '../core/i18n.js';
import { alarmApi } from './alarm-api.js';
import { mayOperate } from './permissions.js';

const TYPES = ['threshold', 'rateOfChange', 'stale', 'areaKpi'];
const SEVERITIES = ['critical', 'major', 'minor', 'warning'];
const SERVICES = ['safety', 'disaster', 'traffic', 'environment', 'facilities'];
const FIELDS = ['name', 'type', 'kind', 'channel', 'kpi', 'level', 'areaCode', 'limit', 'above', 'hysteresis', 'delaySeconds', 'severity', 'service', 'enabled'];

export class RulesEditor {
  /** @param {HTMLElement} panel the alarm panel it replaces while open @param {() => void} onClose */
  constructor(panel, onClose) {
    this.panel = panel;
    this.onClose = onClose;
  }

  async open() {
    this.panel.replaceChildren(h('p', { class: 'muted' }, t('app.loading')));
    try {
      this.book = await alarmApi.rules();
    } catch (e) {
      this.panel.replaceChildren(h('p', {}, String(e)));
      return;
    }
    this.renderList();
  }

  renderList() {
    const rules = this.book?.rules ?? [];
    const back = h('button', { type: 'button', class: 'ghost small', testid: 'rules-back', on: { click: () => this.onClose() } }, `← ${t('alarmList.title')}`);
    const add = mayOperate() ? h('button', { type: 'button', class: 'primary small', testid: 'rule-add', on: { click: () => this.edit(null) } }, t('rules.add')) : null;
    this.panel.replaceChildren(
      h('header', { class: 'alarms-head' }, h('h2', { i18n: 'rules.title' }), h('div', { class: 'alarms-tools' }, add, back)),
      h('p', { class: 'muted' }, t('rules.version', { n: formatNumber(this.book?.version ?? 0, 0) })),
      h('ol', { class: 'rule-list', testid: 'rule-list' }, ...rules.map((/** @type {any} */ r) =>
        h('li', {},
          h('button', { type: 'button', class: 'rule-row', dataset: { id: r.id, enabled: String(r.enabled) }, on: { click: () => this.edit(r) } },
            h('span', { class: `sev sev-${r.severity}` }, t(`severity.${r.severity}`)),
            h('span', { class: 'alarm-main' }, h('span', { class: 'alarm-name' }, localName(r)),
              h('span', { class: 'alarm-where' }, `${t(`ruleType.${r.type}`)} · ${t(`service.${r.service}`)} · v${r.version}${r.enabled ? '' : ` · ${t('rules.disabled')}`}`)))))));
  }

  /** @param {any|null} rule */
  edit(rule) {
    const r = rule ?? { type: 'threshold', severity: 'major', service: 'facilities', above: true, hysteresis: 0, delaySeconds: 0, enabled: true, level: 'dong' };
    /** @type {Record<string, HTMLInputElement|HTMLSelectElement>} */
    const inputs = {};
    const text = (/** @type {string} */ name, /** @type {string} */ type = 'text') => (inputs[name] = h('input', { type, name, value: r[name] ?? '', step: type === 'number' ? 'any' : undefined }));
    const choice = (/** @type {string} */ name, /** @type {string[]} */ values, /** @type {string} */ prefix) =>
      (inputs[name] = h('select', { name }, ...values.map(v => h('option', { value: v, selected: r[name] === v }, prefix ? t(`${prefix}.${v}`) : v))));
    const check = (/** @type {string} */ name) => (inputs[name] = h('input', { type: 'checkbox', name, checked: !!r[name] }));
    const errors = h('p', { class: 'alarm-message', role: 'status', testid: 'rule-errors' });
    const row = (/** @type {string} */ name, /** @type {HTMLElement} */ input) => h('label', { class: 'rule-field', dataset: { field: name } }, h('span', {}, t(`rules.field.${name}`)), input);
    const readOnly = !mayOperate();
    // `name` is the English name and the fallback; an operator working in another language names
    // the rule in that language too, and the names in the other languages stay as they were.
    const lang = language();
    const localInput = lang === 'en' ? null : h('input', { type: 'text', name: 'nameLocal', value: r.names?.[lang] ?? '', testid: 'rule-name-local' });
    const nameIn = (/** @type {string} */ code) => t('rules.field.nameIn', { language: LANGUAGES.find(l => l.code === code)?.label ?? code });
    const save = async () => {
      /** @type {Record<string, any>} */
      const body = {};
      for (const f of FIELDS) {
        const input = inputs[f];
        if (!input) continue;
        if (input instanceof HTMLInputElement && input.type === 'checkbox') body[f] = input.checked;
        else if (input instanceof HTMLInputElement && input.type === 'number') body[f] = input.value === '' ? undefined : Number(input.value);
        else body[f] = input.value === '' ? undefined : input.value;
      }
      if (localInput) {
        /** @type {Record<string, string>} */
        const names = { ...(r.names ?? {}) };
        delete names.en;
        const local = localInput.value.trim();
        if (local) names[lang] = local; else delete names[lang];
        body.names = names;
      }
      try {
        if (rule) await alarmApi.updateRule(rule.id, body); else await alarmApi.createRule(body);
        await this.open();
      } catch (e) {
        const err = /** @type {any} */ (e);
        errors.textContent = err?.errors ? Object.entries(err.errors).map(([k, v]) => `${k}: ${/** @type {string[]} */ (v).join(' ')}`).join(' · ') : (err?.detail || String(e));
      }
    };
    const remove = async () => {
      if (!rule) return;
      try { await alarmApi.deleteRule(rule.id); await this.open(); } catch (e) { errors.textContent = String(e); }
    };
    const form = h('form', { class: 'rule-form', testid: 'rule-form', on: { submit: (/** @type {Event} */ e) => { e.preventDefault(); save(); } } },
      localInput ? h('label', { class: 'rule-field', dataset: { field: 'name' } }, h('span', {}, nameIn('en')), text('name')) : row('name', text('name')),
      localInput ? h('label', { class: 'rule-field', dataset: { field: 'names' } }, h('span', {}, nameIn(lang)), localInput) : null,
      row('type', choice('type', TYPES, 'ruleType')),
      row('kind', text('kind')), row('channel', text('channel')),
      row('kpi', text('kpi')), row('level', choice('level', ['dong', 'gu'], '')),
      row('areaCode', text('areaCode')),
      row('limit', text('limit', 'number')), row('above', check('above')),
      row('hysteresis', text('hysteresis', 'number')), row('delaySeconds', text('delaySeconds', 'number')),
      row('severity', choice('severity', SEVERITIES, 'severity')), row('service', choice('service', SERVICES, 'service')),
      row('enabled', check('enabled')),
      errors,
      h('div', { class: 'alarm-buttons' },
        readOnly ? null : h('button', { type: 'submit', class: 'primary small', testid: 'rule-save' }, t('rules.save')),
        readOnly || !rule ? null : h('button', { type: 'button', class: 'ghost small', testid: 'rule-delete', on: { click: remove } }, t('rules.delete')),
        h('button', { type: 'button', class: 'ghost small', on: { click: () => this.renderList() } }, t('rules.cancel'))));
    if (readOnly) for (const input of [...Object.values(inputs), localInput]) if (input) input.disabled = true;
    this.panel.replaceChildren(h('header', { class: 'alarms-head' }, h('h2', {}, rule ? localName(rule) : t('rules.add'))), form);
  }
}
