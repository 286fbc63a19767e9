// One floating tooltip for elements with a data-tip text, shown on hover and on keyboard focus
// (a title attribute never shows for keyboard users, and table cells clip absolute children).
export class Tooltip {
  constructor(root) {
    this.el = document.createElement('div');
    this.el.className = 'plan-tooltip';
    this.el.setAttribute('role', 'tooltip');
    this.el.id = 'plan-tooltip';
    this.el.hidden = true;
    document.body.append(this.el);
    this.target = null;
    const show = (e) => {
      const tgt = e.target instanceof Element ? e.target.closest('[data-tip]') : null;
      if (tgt && root.contains(tgt)) this.show(tgt);
    };
    const hide = (e) => {
      const tgt = e.target instanceof Element ? e.target.closest('[data-tip]') : null;
      if (tgt && tgt === this.target && !(e.relatedTarget instanceof Node && tgt.contains(e.relatedTarget))) this.hide();
    };
    root.addEventListener('mouseover', show);
    root.addEventListener('focusin', show);
    root.addEventListener('mouseout', hide);
    root.addEventListener('focusout', hide);
    root.addEventListener('scroll', () => this.hide(), true);
    // Capture: the first Esc only hides the tooltip, before the drawer sees it and closes.
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.el.hidden) { e.preventDefault(); e.stopPropagation(); this.hide(); }
    }, true);
  }

  show(target) {
    const text = target.dataset.tip;
    if (!text) return;
    this.target = target;
    this.el.textContent = text;
    this.el.hidden = false;
    const r = target.getBoundingClientRect();
    const w = this.el.offsetWidth, hgt = this.el.offsetHeight;
    const left = Math.max(8, Math.min(window.innerWidth - w - 8, r.left + r.width / 2 - w / 2));
    const below = r.bottom + 6 + hgt < window.innerHeight - 8;
    this.el.style.left = `${left}px`;
    this.el.style.top = `${below ? r.bottom + 6 : r.top - hgt - 6}px`;
  }

  hide() {
    this.target = null;
    this.el.hidden = true;
  }
}
