// The legend: one icon per node kind, and what edge strokes and colours mean.
import { KIND_ICONS } from '../src/core/graph/icons';
import { kindWords } from '../src/core/graph/labels';
import { el } from '../src/core/graph/svgTree';
import type { NodeKind } from '../src/core/model';
import { buildSvg } from './svgDom';
import { text } from './ui';

const EDGE_STYLES: [string, string][] = [
  ['pl-edge-trigger', 'triggers (solid)'],
  ['pl-edge-write', 'writes / reads (dotted)'],
  ['pl-edge-on-failure', 'on failure, DLQ (dashed)'],
  ['pl-edge pl-conditional', 'only under a condition'],
];

const SEVERITIES: [string, string][] = [
  ['error', 'error'],
  ['warning', 'warning'],
  ['info', 'info'],
];

export function renderLegend(host: HTMLElement): void {
  const list = document.createElement('ul');
  list.className = 'pl-legend-list';
  for (const kind of Object.keys(KIND_ICONS) as NodeKind[]) {
    const icon = buildSvg(el('svg', { width: 16, height: 16, viewBox: '0 0 16 16', class: `pl-kind-${kind}`, 'aria-hidden': 'true' }, [el('path', { class: 'pl-icon', d: KIND_ICONS[kind] })]));
    const item = document.createElement('li');
    item.append(icon, text('span', kindWords(kind)));
    list.appendChild(item);
  }
  for (const [classes, words] of EDGE_STYLES) {
    const sample = buildSvg(el('svg', { width: 28, height: 10, 'aria-hidden': 'true' }, [el('g', { class: `pl-edge ${classes}` }, [el('path', { class: 'pl-edge-line', d: 'M1 5L27 5' })])]));
    const item = document.createElement('li');
    item.append(sample, text('span', words));
    list.appendChild(item);
  }
  for (const [severity, words] of SEVERITIES) {
    const sample = buildSvg(el('svg', { width: 16, height: 16, 'aria-hidden': 'true' }, [el('g', { class: `pl-badge pl-sev-${severity}`, transform: 'translate(8 8)' }, [el('circle', { r: 6 })])]));
    const item = document.createElement('li');
    item.append(sample, text('span', `finding: ${words}`));
    list.appendChild(item);
  }
  host.replaceChildren(text('h3', 'Legend'), list);
}
