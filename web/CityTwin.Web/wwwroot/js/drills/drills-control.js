// The map button that opens the drills (under the tours and cities buttons: the header is full in the longer languages).
import { h } from '../core/dom.js';

/** A map control button in the top-left group, drawn inline so it needs no icon font offline. */
export class DrillsControl {
  /** @param {() => void} onClick */
  constructor(onClick) {
    this.button = h('button', { type: 'button', class: 'drills-ctrl', testid: 'drills-button', i18nAria: 'drills.buttonTitle', i18nTitle: 'drills.buttonTitle', on: { click: onClick } });
    // A stopwatch: a drill is practice against the clock.
    this.button.innerHTML = '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round">'
      + '<circle cx="10" cy="11.5" r="6.5"/><path d="M10 11.5V8M8 2.5h4M15.5 5.5l-1.3 1.3"/></svg>';
    this.container = h('div', { class: 'maplibregl-ctrl maplibregl-ctrl-group' }, this.button);
  }

  onAdd() { return this.container; }

  onRemove() { this.container.remove(); }
}
