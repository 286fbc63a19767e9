// The after-action report of a drill run (drill-report.html?run=…): who started it, the score,
// a chart of each alarm from its raise to its acknowledgement, assignment and resolution, the
// table of response times with who acted, and the whole timeline. Printable (drill-report.css).
import { api, getJson } from '../core/api.js';
import { $, h } from '../core/dom.js';
import { formatDate, formatNumber, formatTime } from '../core/format.js';
import { applyTo, detectLanguage, LANGUAGES, localName, onLanguageChange, setLanguage, t } from '../core/i18n.js';
import { store } from '../core/store.js';
import { pick } from '../tours/text.js';
import { clockText, drillApi } from './drill-api.js';

const SVG = 'http://www.w3.org/2000/svg';
/** @type {any} */
let report = null;
/** Area names by code (gu and the dongs of the gu the drill touched). @type {Map<string, any>} */
const areas = new Map();

async function main() {
  const params = new URLSearchParams(location.search);
  await setLanguage(detectLanguage(), { remember: false });
  const select = /** @type {HTMLSelectElement} */ ($('#dr-lang'));
  for (const l of LANGUAGES) select.append(h('option', { value: l.code, selected: l.code === store.get('language') }, l.label));
  select.addEventListener('change', () => { setLanguage(select.value).catch(() => {}); });
  $('#dr-print').addEventListener('click', () => window.print());
  applyTo(document.body);
  const runId = params.get('run') ?? '';
  try {
    const [city, data] = await Promise.all([api.city(), drillApi.report(runId)]);
    store.set('city', city);
    report = data;
    await loadAreas(data);
  } catch (e) {
    $('#dr-main').replaceChildren(h('p', { class: 'dr-error', testid: 'report-error' }, t('drillReport.notFound')));
    console.warn(e);
    return;
  }
  render();
  onLanguageChange(() => { applyTo(document.body); render(); });
}

/** @param {any} data */
async function loadAreas(data) {
  const gus = [...new Set((data.alarms ?? []).map((/** @type {any} */ a) => a.guCode))];
  await Promise.all(gus.map(gu => getJson(`/api/districts/${encodeURIComponent(String(gu))}`).then((/** @type {any} */ d) => {
    areas.set(d.code, d);
    for (const dong of d.dongs ?? []) areas.set(dong.code, dong);
  }).catch(() => {})));
}

/** @param {number|null|undefined} ms */
const when = (ms) => (ms == null || !Number.isFinite(ms) ? '–' : `${formatDate(ms)} ${formatTime(ms)}`);
/** @param {string|null|undefined} iso */
const at = (iso) => (iso ? Date.parse(iso) : null);
/** @param {number|null|undefined} s */
const secs = (s) => (s == null ? '–' : t('drillReport.seconds', { n: formatNumber(s, 0) }));

function render() {
  const { run, drill, score } = report;
  document.title = `${t('drillReport.title')} · ${pick(run.title)}`;
  $('#dr-title').textContent = pick(run.title);
  const main = $('#dr-main');
  main.removeAttribute('aria-busy');
  const notice = h('p', { class: 'dr-running', testid: 'report-running', hidden: run.status !== 'running' }, t('drillReport.stillRunning'));
  main.replaceChildren(
    notice,
    facts(run),
    h('section', { class: 'dr-score', testid: 'report-score' },
      card('drillReport.score', `${formatNumber(score.scorePercent, 0)} %`, 'score', score.scorePercent >= 80 ? 'good' : score.scorePercent >= 50 ? 'fair' : 'poor'),
      card('drillReport.alarmCount', formatNumber(score.alarms, 0), 'alarms'),
      card('drillReport.acknowledged', formatNumber(score.acknowledged, 0), 'acknowledged'),
      card('drillReport.resolved', formatNumber(score.resolved, 0), 'resolved'),
      card('drillReport.missed', formatNumber(score.missed, 0), 'missed', score.missed > 0 ? 'poor' : 'good'),
      card('drillReport.meanAck', secs(score.meanSecondsToAcknowledge), 'mean-ack'),
      card('drillReport.meanAssign', secs(score.meanSecondsToAssign), 'mean-assign'),
      card('drillReport.meanResolve', secs(score.meanSecondsToResolve), 'mean-resolve')),
    h('p', { class: 'dr-rule' }, t('drillReport.missAfter', { time: secs(score.missAfterSeconds) })),
    h('section', { class: 'dr-section' }, h('h2', {}, t('drillReport.chart')), chart()),
    h('section', { class: 'dr-section' }, h('h2', {}, t('drillReport.alarmsTitle')), alarmTable()),
    h('section', { class: 'dr-section' }, h('h2', {}, t('drillReport.timeline')), timelineTable()),
    h('p', { class: 'dr-generated' }, t('drillReport.generated', { time: when(at(report.generatedAt)) }), ` · ${drill.id} · ${run.runId}`));
}

/** @param {any} run */
function facts(run) {
  /** @type {[string, string|null][]} */
  const rows = [
    ['drillReport.startedBy', run.startedBy],
    ['drillReport.startedAt', when(at(run.startedAt))],
    ['drillReport.speed', `${formatNumber(run.speed, 0)}×`],
    ['drillReport.status', t(`drills.status.${run.status}`)],
    ['drillReport.endedAt', run.endedAt ? when(at(run.endedAt)) : null],
    ['drillReport.endedBy', run.endedBy ?? null],
    ['drillReport.note', run.note ?? null],
  ];
  return h('dl', { class: 'dr-facts', testid: 'report-facts' }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
}

/** @param {string} key @param {string} value @param {string} id @param {string} [tone] */
function card(key, value, id, tone) {
  return h('div', { class: 'dr-card', testid: `report-${id}`, dataset: tone ? { tone } : {} }, h('div', { class: 'dr-card-value' }, value), h('div', { class: 'dr-card-label' }, t(key)));
}

/** @param {any} a */
function place(a) {
  const area = areas.get(a.dongCode ?? '') ?? areas.get(a.guCode);
  const kind = a.sourceKind === 'dong' || a.sourceKind === 'gu' ? '' : `${t(`kind.${a.sourceKind}`, undefined, a.sourceKind)} ${a.sourceId} · `;
  return `${kind}${area ? localName(area) : (a.dongCode ?? a.guCode)}`;
}

/** One row per alarm on a time axis from the run's start: raised → acknowledged → assigned → resolved, the deadline dashed. */
function chart() {
  const { run, score, alarms } = report;
  const start = Date.parse(run.startedAt);
  const end = Math.max(at(run.endedAt) ?? Date.parse(report.generatedAt), ...alarms.map((/** @type {any} */ a) => at(a.resolvedAt) ?? 0));
  const total = Math.max(60, (end - start) / 1000);
  const rowH = 26; const left = 190; const width = 760; const top = 22;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${left + width + 10} ${top + rowH * alarms.length + 28}`);
  svg.setAttribute('class', 'dr-chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('drillReport.chart'));
  svg.dataset.testid = 'report-chart';
  const x = (/** @type {number} */ ms) => left + Math.min(1, Math.max(0, (ms - start) / 1000 / total)) * width;
  /** @param {string} tag @param {Record<string, string|number>} attrs @param {string} [text] */
  const add = (tag, attrs, text) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (text) el.textContent = text;
    svg.append(el);
    return el;
  };
  for (let i = 0; i <= 4; i++) {
    const s = (total * i) / 4;
    add('line', { x1: left + (width * i) / 4, x2: left + (width * i) / 4, y1: top - 6, y2: top + rowH * alarms.length, class: 'grid' });
    add('text', { x: left + (width * i) / 4, y: top - 10, 'text-anchor': 'middle', class: 'axis' }, clockText(s));
  }
  alarms.forEach((/** @type {any} */ a, /** @type {number} */ i) => {
    const y = top + i * rowH + rowH / 2;
    const raised = Date.parse(a.raisedAt);
    const done = at(a.resolvedAt) ?? end;
    add('text', { x: left - 8, y: y + 4, 'text-anchor': 'end', class: 'label' }, truncate(a.name, 28));
    add('rect', { x: x(raised), y: y - 6, width: Math.max(2, x(done) - x(raised)), height: 12, rx: 3, class: a.missed ? 'bar missed' : 'bar ok' });
    const deadline = raised + score.missAfterSeconds * 1000;
    add('line', { x1: x(deadline), x2: x(deadline), y1: y - 10, y2: y + 10, class: 'deadline' });
    if (a.acknowledgedAt) add('circle', { cx: x(Date.parse(a.acknowledgedAt)), cy: y, r: 5, class: 'mark ack' });
    if (a.assignedAt) add('rect', { x: x(Date.parse(a.assignedAt)) - 4, y: y - 4, width: 8, height: 8, class: 'mark assign' });
    if (a.resolvedAt) add('line', { x1: x(Date.parse(a.resolvedAt)), x2: x(Date.parse(a.resolvedAt)), y1: y - 8, y2: y + 8, class: 'mark resolve' });
  });
  const legendY = top + rowH * alarms.length + 20;
  add('circle', { cx: left + 6, cy: legendY - 4, r: 5, class: 'mark ack' });
  add('text', { x: left + 16, y: legendY, class: 'axis' }, t('drillReport.col.ack'));
  add('rect', { x: left + 150, y: legendY - 8, width: 8, height: 8, class: 'mark assign' });
  add('text', { x: left + 164, y: legendY, class: 'axis' }, t('drillReport.col.assign'));
  add('line', { x1: left + 300, x2: left + 300, y1: legendY - 9, y2: legendY + 1, class: 'mark resolve' });
  add('text', { x: left + 308, y: legendY, class: 'axis' }, t('drillReport.col.resolve'));
  add('line', { x1: left + 450, x2: left + 450, y1: legendY - 9, y2: legendY + 1, class: 'deadline' });
  add('text', { x: left + 458, y: legendY, class: 'axis' }, t('drillReport.deadline'));
  return svg;
}

/** @param {string} s @param {number} n */
const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function alarmTable() {
  const head = ['drillReport.col.alarm', 'drillReport.col.raised', 'drillReport.col.ack', 'drillReport.col.assign', 'drillReport.col.resolve', 'drillReport.col.result'];
  /** @param {string|null} iso @param {number|null} s @param {string|null} who @param {string} id */
  const step = (iso, s, who, id) => h('td', { testid: id }, iso ? h('span', {}, h('strong', {}, secs(s)), h('br'), formatTime(Date.parse(iso)), who ? ` · ${who}` : '') : '–');
  return h('table', { class: 'dr-table', testid: 'report-alarms' },
    h('thead', {}, h('tr', {}, ...head.map(k => h('th', {}, t(k))))),
    h('tbody', {}, ...report.alarms.map((/** @type {any} */ a) => h('tr', { dataset: { alarmId: a.alarmId, missed: String(a.missed) }, testid: 'report-alarm' },
      h('td', {}, h('span', { class: `sev sev-${a.severity}` }, t(`severity.${a.severity}`)), ' ', h('strong', {}, a.name), h('br'), h('span', { class: 'dr-muted' }, place(a))),
      h('td', {}, formatTime(Date.parse(a.raisedAt))),
      step(a.acknowledgedAt, a.secondsToAcknowledge, a.acknowledgedBy, 'report-ack'),
      step(a.assignedAt, a.secondsToAssign, a.assignedBy ? `${a.assignedBy} → ${a.assignedTo ?? ''}` : a.assignedTo, 'report-assign'),
      step(a.resolvedAt, a.secondsToResolve, a.resolvedBy, 'report-resolve'),
      h('td', { class: a.missed ? 'dr-missed' : 'dr-ok', testid: 'report-result' }, a.missed ? t(`drillReport.missed.${a.missedBecause}`) : t('drillReport.inTime'))))));
}

function timelineTable() {
  const head = ['drillReport.col.time', 'drillReport.col.event', 'drillReport.col.alarm', 'drillReport.col.who', 'drillReport.note'];
  return h('table', { class: 'dr-table dr-timeline', testid: 'report-timeline' },
    h('thead', {}, h('tr', {}, ...head.map(k => h('th', {}, t(k))))),
    h('tbody', {}, ...report.timeline.map((/** @type {any} */ e) => h('tr', { dataset: { type: e.type } },
      h('td', {}, formatTime(Date.parse(e.at))),
      h('td', {}, e.alarmId ? t(`alarmEvent.${e.type}`, undefined, e.type) : t(`drillReport.event.${e.type}`, undefined, e.type)),
      h('td', {}, e.name ?? ''),
      h('td', {}, e.actor ?? ''),
      h('td', {}, e.note ?? '')))));
}

main().catch(e => console.error(e));
