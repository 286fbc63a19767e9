// The planner's catalogue text in the UI language. The server's catalogue keeps stable ids and
// English text; the i18n catalogues translate them under scenario.intervention.<id>.*,
// scenario.condition.<id>.*, scenario.param.<id>.<param>.*, scenario.unit.<unit> (parameter and
// KPI units), kpi.<id>.name and kpi.<id>.definition. A key that is missing (an entry newer than the translations) shows the server's
// English text rather than a raw key.
import { humanize, t } from '../core/i18n.js';

/** @typedef {'intervention'|'condition'} EntryKind */

/** @param {EntryKind} kind @param {any} def */
export function entryName(kind, def) {
  return t(`scenario.${kind}.${def?.type}.name`, undefined, def?.name || humanize(def?.type));
}

/** @param {EntryKind} kind @param {any} def */
export function entryDescription(kind, def) {
  return t(`scenario.${kind}.${def?.type}.description`, undefined, def?.description ?? '');
}

/** @param {any} def @param {any} p */
export function paramName(def, p) {
  return t(`scenario.param.${def?.type}.${p?.name}.name`, undefined, p?.label || humanize(p?.name));
}

/** @param {any} def @param {any} p */
export function paramDescription(def, p) {
  return t(`scenario.param.${def?.type}.${p?.name}.description`, undefined, p?.description ?? '');
}

/** A parameter's unit in the UI language (symbols such as % or MW have no key and stay as sent). */
/** @param {string|undefined|null} unit */
export function unitText(unit) {
  return unit ? t(`scenario.unit.${unit}`, undefined, unit) : '';
}

/** @param {any} kpi a KPI with `id` and the server's English `name` */
export function kpiName(kpi) {
  return t(`kpi.${kpi?.id}.name`, undefined, kpi?.name || humanize(kpi?.id));
}

/** @param {any} kpi a KPI with `id` and the server's English `definition` */
export function kpiDefinition(kpi) {
  return t(`kpi.${kpi?.id}.definition`, undefined, kpi?.definition ?? '');
}
