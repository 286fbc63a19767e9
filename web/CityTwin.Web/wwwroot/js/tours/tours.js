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
    this.button = h('button', { type: 'button', class: 'tours-ctrl', testid: 'tours-button', i18nAria: 'tour.title', i18nTitle: 'tour.title', on: { click: onClick } },
      h('span', { 'aria-hidden': 'true', text: '🧭' }));
    this.container = h('div', { class: 'maplibregl-ctrl maplibregl-ctrl-group' }, this.button);
  }

  onAdd() { return this.container; }

  onRemove() { this.container.remove(); }
}

/**
 * @param {{stage: HTMLElement, twin: any, live: any, sites: any, setKpi: (kpi: string) => void,
 *          setSitesVisible: (visible: boolean) => void, collapseLegend: () => void}} ctx
 */
export function setupTours(ctx) {
  const view = { twin: ctx.twin, setKpi: ctx.setKpi, setSitesVisible: ctx.setSitesVisible };
  const sites = (ctx.sites?.features ?? []).map((/** @type {any} */ f) => ({ id: f.properties.id, name: localName(f.properties) || f.properties.id }));
  const follower = new Follower(ctx.stage, { view, live: ctx.live, onLeave: () => {} });
  const presenter = new Presenter(ctx.stage, { view, onEnd: () => {} });
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
    get follower() { return follower.hooks; },
    get presenter() { return presenter.hooks; },
    open: () => panel.open(),
  };
}
