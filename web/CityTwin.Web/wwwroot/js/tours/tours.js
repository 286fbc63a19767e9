// Tours on the page: the map button that opens the tours drawer, the presenter and the follower.
// A link with ?join=CODE (what the presenter's QR code holds) starts following at once.
import { h } from '../core/dom.js';
import { localName } from '../core/i18n.js';
import { Follower } from './follower.js';
import { Presenter } from './presenter.js';
import { ToursPanel } from './tours-panel.js';

/** A map control button, under the zoom and home buttons. */
class ToursControl {
  /** @param {() => void} onClick */
  constructor(onClick) {
    this.button = h('button', { type: 'button', class: 'tours-ctrl', testid: 'tours-button', i18nAria: 'tour.title', i18nTitle: 'tour.title', on: { click: onClick } });
    // A route between two pins, drawn inline: no icon font or emoji is needed offline.
    this.button.innerHTML = '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><circle cx="5" cy="5" r="2.2" fill="currentColor"/>'
      + '<circle cx="15" cy="15" r="2.2" fill="currentColor"/><path d="M7 5h5.5a2.5 2.5 0 0 1 0 5h-5a2.5 2.5 0 0 0 0 5H13" fill="none" stroke="currentColor" stroke-width="1.7" stroke-dasharray="2.2 1.6"/></svg>';
    this.container = h('div', { class: 'maplibregl-ctrl maplibregl-ctrl-group' }, this.button);
  }

  onAdd() { return this.container; }

  onRemove() { this.container.remove(); }
}

/**
 * @param {{stage: HTMLElement, twin: any, live: any, sites: any, setKpi: (kpi: string) => void,
 *          setSitesVisible: (visible: boolean) => void, collapseLegend: () => void,
 *          replay?: import('./stop-moment.js').MomentContext['replay'], openScenario?: (id: string) => void, startDrill?: (id: string) => void}} ctx
 */
export function setupTours(ctx) {
  const view = { twin: ctx.twin, setKpi: ctx.setKpi, setSitesVisible: ctx.setSitesVisible };
  const sites = (ctx.sites?.features ?? []).map((/** @type {any} */ f) => ({ id: f.properties.id, name: localName(f.properties) || f.properties.id }));
  const moment = { replay: ctx.replay ?? null, openScenario: ctx.openScenario ?? (() => {}), startDrill: ctx.startDrill };
  const follower = new Follower(ctx.stage, { view, moment, live: ctx.live, onLeave: () => {} });
  const presenter = new Presenter(ctx.stage, { view, moment, onEnd: () => {} });
  const panel = new ToursPanel(ctx.stage, {
    twin: ctx.twin,
    sites,
    join: async (code) => { ctx.collapseLegend(); await follower.join(code); },
    present: (session) => { ctx.collapseLegend(); presenter.show(session); },
  });
  ctx.twin.map.addControl(new ToursControl(() => (panel.isOpen ? panel.close() : panel.open())), 'top-left');

  const join = new URLSearchParams(location.search).get('join');
  if (join) panel.ctx.join(join).catch(e => { panel.open(); panel.codeInput.value = join; console.warn('Could not join the tour', e); });

  return {
    panel,
    /** While the presenter points, a click on the map is the point, not a selection. */
    get capturesMapClicks() { return presenter.pointing; },
    get follower() { return follower.hooks; },
    get presenter() { return presenter.hooks; },
    open: () => panel.open(),
  };
}
