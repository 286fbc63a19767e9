// Field-visit sites as HTML markers (map text needs glyphs, which are not available offline).
// Labels that would overlap a more important one are hidden until the user zooms in.
import { label, localName, onLanguageChange } from '../core/i18n.js';
import { maplibregl } from './map.js';

export class SiteMarkers {
  /**
   * @param {maplibregl.Map} map
   * @param {object} collection GeoJSON FeatureCollection of sites
   * @param {(site: object) => void} onSelect
   */
  constructor(map, collection, onSelect) {
    this.map = map;
    this.visible = true;
    this.pending = false;
    this.sites = (collection?.features ?? [])
      .filter(f => f.geometry?.type === 'Point')
      .map((f, i) => {
        const p = f.properties ?? {};
        const site = { ...p, id: p.id ?? `site-${i}`, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] };
        const el = document.createElement('button');
        el.type = 'button';
        el.className = 'site-marker';
        el.dataset.siteId = site.id;
        el.dataset.testid = 'site-marker';
        el.innerHTML = '<span class="site-pin" aria-hidden="true"></span><span class="site-label"></span>';
        el.addEventListener('click', e => { e.stopPropagation(); onSelect(site); });
        const marker = new maplibregl.Marker({ element: el, anchor: 'center' }).setLngLat([site.lon, site.lat]).addTo(map);
        return { site, el, marker, labelEl: el.querySelector('.site-label') };
      });
    this.render();
    onLanguageChange(() => this.render());
    map.on('move', () => this.schedule());
    map.on('resize', () => this.schedule());
  }

  render() {
    for (const s of this.sites) {
      const name = localName(s.site);
      s.labelEl.textContent = name;
      s.el.setAttribute('aria-label', `${name} — ${label('site', s.site.kind)}`);
      s.el.title = `${name}\n${label('site', s.site.kind)}`;
    }
    this.layout();
  }

  setVisible(visible) {
    this.visible = visible;
    for (const s of this.sites) s.el.hidden = !visible;
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.layout(); });
  }

  /** Greedy label placement in list order (the pack lists the most important sites first); a label never hides another site's pin. */
  layout() {
    const pins = this.sites.map(s => {
      const p = this.map.project([s.site.lon, s.site.lat]);
      return { s, p, box: { x0: p.x - 8, y0: p.y - 8, x1: p.x + 8, y1: p.y + 8 } };
    });
    const overlaps = (a, b) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
    const placed = [];
    for (const { s, p } of pins) {
      const w = s.labelEl.offsetWidth || 8 * s.labelEl.textContent.length;
      const box = { x0: p.x + 8, y0: p.y - 10, x1: p.x + 20 + w, y1: p.y + 10 };
      const clash = placed.some(b => overlaps(box, b)) || pins.some(o => o.s !== s && overlaps(box, o.box));
      s.el.classList.toggle('label-hidden', clash);
      // A shown label sits above the other markers.
      s.el.style.zIndex = clash ? '1' : '2';
      if (!clash) placed.push(box);
    }
  }
}
