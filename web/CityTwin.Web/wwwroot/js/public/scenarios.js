// The scenarios planners published: what they assumed, their largest changes and the policy brief.
import { h } from '../core/dom.js';
import { formatDate, formatNumber, toMillis } from '../core/format.js';
import { language, t } from '../core/i18n.js';

/**
 * @param {HTMLElement} container
 * @param {import('./model.js').PublishedScenario[]} scenarios
 */
export function renderScenarios(container, scenarios) {
  if (scenarios.length === 0) {
    container.replaceChildren(h('p', { class: 'pv-muted', i18n: 'public.noScenarios' }));
    return;
  }
  container.replaceChildren(...scenarios.map(s => h('article', { class: 'pv-scenario', testid: 'public-scenario', dataset: { id: s.id } },
    h('h3', {}, s.name),
    s.description ? h('p', {}, s.description) : null,
    h('p', { class: 'pv-muted' }, t('public.scenarioMeta', {
      published: formatDate(toMillis(s.publishedAt)),
      start: formatDate(toMillis(s.startsAt)),
      hours: formatNumber(s.horizonHours),
      step: formatNumber(s.stepMinutes),
      seed: s.seed,
    })),
    h('h4', { i18n: 'public.assumptions' }),
    h('ul', { class: 'pv-assumptions' },
      ...s.conditions.map(a => assumption(a)),
      ...s.interventions.map(a => assumption(a)),
      s.interventions.length === 0 ? h('li', { i18n: 'public.noIntervention' }) : null),
    s.highlights.length ? h('h4', { i18n: 'public.highlights' }) : null,
    s.highlights.length ? h('ul', { class: 'pv-highlights' }, ...s.highlights.map(r => h('li', { class: `pv-${r.outcome}` },
      `${r.name}: ${formatNumber(r.baseline)} → ${formatNumber(r.scenario)} ${r.unit}`,
      r.deltaPercent == null ? '' : ` (${r.deltaPercent > 0 ? '+' : ''}${formatNumber(r.deltaPercent, 1)} %)`))) : null,
    h('a', { class: 'pv-button pv-brief', href: s.briefUrl, target: '_blank', rel: 'noopener', i18n: 'public.brief' }))));
}

/** @param {import('./model.js').Assumption} a */
function assumption(a) {
  const target = a.target;
  const where = !target ? ''
    : target.kind === 'city' ? t('public.whereCity')
      : target.kind === 'polygon' ? t('public.wherePolygon')
        : target.kind === 'assets' ? t('public.whereAssets', { n: target.count ?? 0 })
          : (language() === 'ko' ? target.nameKo : target.nameEn) ?? target.code ?? '';
  const params = a.parameters.map(p => `${p.name} ${formatNumber(p.value)}${p.unit ? ` ${p.unit}` : ''}`).join(', ');
  return h('li', {}, h('b', {}, a.name), where ? ` — ${where}` : '', params ? ` (${params})` : '');
}
