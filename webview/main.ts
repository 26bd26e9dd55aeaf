// The graph webview: draws what the host sends, keeps viewport and selection across updates, and sends intents
// (reveal, fix, buffer queue, export) back. It never parses YAML and never inserts markup.
import type { GraphMessage, HostToWebview } from '../src/protocol';
import { GraphView, type Selection } from './graphView';
import { exportPngDataUrl, exportSvgText } from './exportImage';
import { renderLegend } from './legend';
import { renderSidePanel, type SidePanelActions } from './sidePanel';
import { button, registerUi, text, textField } from './ui';
import { Viewport } from './viewport';
import { WhatIfPanel } from './whatIfPanel';
import { loadState, post, saveState } from './vscodeApi';

registerUi();

const app = document.getElementById('app') ?? document.body;
const toolbar = el('div', 'pl-toolbar', { role: 'toolbar', 'aria-label': 'Graph tools' });
const banner = el('div', 'pl-banner', { role: 'status', hidden: '' });
const main = el('div', 'pl-main');
const canvas = el('div', 'pl-canvas-host', { role: 'application', 'aria-label': 'Pipeline stage graph' });
const side = el('aside', 'pl-side', { 'aria-label': 'Selection details' });
const legend = el('div', 'pl-legend', { hidden: '' });
const whatIf = new WhatIfPanel();
main.append(canvas, side);
canvas.appendChild(legend);
app.append(toolbar, banner, main, whatIf.element);

/** The first view of a document never shrinks text below this; "Fit" shows everything. */
const READABLE_SCALE = 0.8;
const restored = loadState();
let message: GraphMessage | undefined;

const viewport = new Viewport(canvas, (state) => saveState({ viewport: state }));
const view = new GraphView(viewport, {
  selected(selection) {
    const nodeId = selection?.kind === 'node' ? selection.id : null;
    saveState({ selectedId: nodeId });
    post({ type: 'selectionChanged', nodeId });
    refreshSide();
    whatIf.selectionChanged(nodeId);
  },
  reveal(nodeId, focusEditor) {
    post({ type: 'reveal', nodeId, focusEditor });
  },
});

const actions: SidePanelActions = {
  reveal: (nodeId) => post({ type: 'reveal', nodeId, focusEditor: true }),
  revealEdge: (edgeId) => post({ type: 'revealEdge', edgeId }),
  applyFix: (findingIndex, fixId) => message && post({ type: 'applyFix', version: message.version, findingIndex, fixId }),
  insertBufferQueue: (edgeId) => message && post({ type: 'insertBufferQueue', version: message.version, edgeId }),
  selectNode: (nodeId) => {
    view.select({ kind: 'node', id: nodeId }, true);
    view.focusNode(nodeId);
  },
};

const matchCount = text('span', '', 'pl-match-count');
const search = textField(
  'Search stages',
  (value) => {
    const n = view.search(value);
    matchCount.textContent = value.trim() ? `${n} match${n === 1 ? '' : 'es'}` : '';
  },
  (_value, backwards) => view.nextMatch(backwards),
);
toolbar.append(
  search.element,
  matchCount,
  button('Fit', () => viewport.fit(), { title: 'Fit the graph to the view' }),
  button('−', () => viewport.zoomBy(1 / 1.25), { title: 'Zoom out' }),
  button('+', () => viewport.zoomBy(1.25), { title: 'Zoom in' }),
  button('Legend', () => legend.toggleAttribute('hidden'), { title: 'Show or hide the legend' }),
  button('Export SVG', () => exportSvg(), { title: 'Save the graph as an SVG file' }),
  button('Export PNG', () => void exportPng(), { title: 'Save the graph as a PNG image' }),
  button('What-if', () => whatIf.toggle(), { title: 'Try other memory, load, shards and concurrency, and compare costs' }),
);
renderLegend(legend);
refreshSide();

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'f') {
    event.preventDefault();
    search.focus();
  } else if (event.target === document.body && (event.key === '+' || event.key === '=')) viewport.zoomBy(1.25);
  else if (event.target === document.body && event.key === '-') viewport.zoomBy(1 / 1.25);
});
window.addEventListener('resize', () => {
  if (!viewport.touched) viewport.fit(READABLE_SCALE);
});
window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
post({ type: 'ready' });

function receive(data: HostToWebview): void {
  switch (data.type) {
    case 'graph':
      showGraph(data);
      break;
    case 'select':
      view.select(data.nodeId ? { kind: 'node', id: data.nodeId } : null, true);
      saveState({ selectedId: data.nodeId });
      refreshSide();
      whatIf.selectionChanged(data.nodeId);
      break;
    case 'error':
      banner.textContent = data.message;
      banner.removeAttribute('hidden');
      break;
    case 'theme':
      document.body.dataset.theme = data.kind;
      break;
    case 'whatIfResult':
    case 'whatIfApplied':
      whatIf.receive(data);
      break;
  }
}

function showGraph(next: GraphMessage): void {
  const sameDocument = message?.documentUri === next.documentUri;
  message = next;
  banner.setAttribute('hidden', '');
  banner.textContent = '';
  view.render(next.graph);
  if (!sameDocument) {
    const saved = restored.documentUri === next.documentUri ? restored : undefined;
    if (saved?.viewport) {
      viewport.set(saved.viewport);
      viewport.touched = true;
    } else {
      viewport.fit(READABLE_SCALE);
    }
    const selectedId = saved?.selectedId ?? null;
    view.select(selectedId ? { kind: 'node', id: selectedId } : null, false);
    saveState({ documentUri: next.documentUri });
  }
  const searchValue = search.value();
  if (searchValue) view.search(searchValue);
  refreshSide();
  whatIf.graphChanged(next);
  whatIf.selectionChanged(view.selected?.kind === 'node' ? view.selected.id : null);
  document.body.dataset.graphVersion = String(next.version);
}

function refreshSide(): void {
  renderSidePanel(side, message, view.selected as Selection, actions);
}

function exportSvg(): void {
  if (message) post({ type: 'exportSvg', svg: exportSvgText(message.graph) });
}

async function exportPng(): Promise<void> {
  if (!message) return;
  try {
    post({ type: 'exportPng', dataUrl: await exportPngDataUrl(message.graph) });
  } catch (error) {
    banner.textContent = `PNG export failed: ${error instanceof Error ? error.message : String(error)}`;
    banner.removeAttribute('hidden');
  }
}

function el(tag: string, className: string, attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
