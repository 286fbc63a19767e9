// The map button that opens the installed cities (and, for admins, the import form).
import { h } from '../core/dom.js';

/** A map control button in the top-left group, drawn inline so it needs no icon font offline. */
export class CitiesControl {
  /** @param {() => void} onClick */
  constructor(onClick) {
    this.button = h('button', { type: 'button', class: 'cities-ctrl', testid: 'cities-button', i18nAria: 'cities.buttonTitle', i18nTitle: 'cities.buttonTitle', on: { click: onClick } });
    // Three buildings of a skyline.
    this.button.innerHTML = '<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" fill="currentColor">'
      + '<rect x="2" y="9" width="5" height="9" rx="0.5"/><rect x="8" y="3" width="5" height="15" rx="0.5"/><rect x="14" y="7" width="4" height="11" rx="0.5"/></svg>';
    this.container = h('div', { class: 'maplibregl-ctrl maplibregl-ctrl-group' }, this.button);
  }

  onAdd() { return this.container; }

  onRemove() { this.container.remove(); }
}
