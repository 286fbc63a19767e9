// Wires drills into the page: a map button (top left, under tours and cities) opens the drills
// panel; a step's place flies the map there; a tour stop can start its drill.
import { DrillsControl } from './drills-control.js';
import { DrillsPanel } from './drills-panel.js';

/** @param {{stage: HTMLElement, twin: any}} options */
export function setupDrills({ stage, twin }) {
  const panel = new DrillsPanel(stage, {
    onShowPlace: (step) => twin.map.flyTo({
      center: [step.lon, step.lat], zoom: step.sourceKind === 'gu' ? 12 : step.sourceKind === 'dong' ? 13.5 : 15.5, duration: 1200,
    }),
  });
  return { panel, addControl: () => twin.map.addControl(new DrillsControl(() => panel.toggle()), 'top-left') };
}
