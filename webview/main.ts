// The graph webview: draws what the host sends, keeps viewport and selection across updates, and sends intents
// (reveal, fix, buffer queue, export) back. It never parses YAML and never inserts markup.
import type { GraphMessage, HostToWebview, LayoutChoice } from '../src/protocol';
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

/**
 * Neither the first view nor "Fit" shrinks the drawing below this: its 12 px stage names stay above 10 px on screen.
 * A drawing too big for the view at this scale is shown from its start and the user scrolls (wheel) or drags.
 */
const READABLE_SCALE = 0.85;
/** The layout toggle steps through these; the host remembers the choice for the workspace. */
const NEXT_LAYOUT: Record<LayoutChoice, LayoutChoice> = { auto: 'RIGHT', RIGHT: 'DOWN', DOWN: 'auto' };
const LAYOUT_LABEL: Record<LayoutChoice, string> = { auto: 'Layout: auto', RIGHT: 'Layout: →', DOWN: 'Layout: ↓' };
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
const layoutToggle = button(LAYOUT_LABEL.auto, () => {
  const choice = NEXT_LAYOUT[message?.layout.choice ?? 'auto'];
  showLayoutChoice(choice, message?.layout.direction);
  post({ type: 'setLayout', choice });
}, { title: layoutTitle('auto', undefined), className: 'pl-layout-toggle' });
toolbar.append(
  search.element,
  matchCount,
  button('Fit', () => viewport.fit(READABLE_SCALE), { title: 'Fit the graph to the view (never below a readable size: scroll for the rest)' }),
  button('−', () => viewport.zoomBy(1 / 1.25), { title: 'Zoom out' }),
  button('+', () => viewport.zoomBy(1.25), { title: 'Zoom in' }),
  layoutToggle,
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
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
// The canvas changes size with the window and with the side panel's content (below the canvas when narrow).
new ResizeObserver(() => {
  if (!viewport.touched) viewport.fit(READABLE_SCALE);
}).observe(canvas);
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(postViewSize, 200);
});
window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
postViewSize();
post({ type: 'ready' });

/** The host picks the auto layout direction from the view's shape. */
function postViewSize(): void {
  post({ type: 'viewSize', width: window.innerWidth, height: window.innerHeight });
}

function showLayoutChoice(choice: LayoutChoice, direction: GraphMessage['layout']['direction'] | undefined): void {
  layoutToggle.textContent = choice === 'auto' && direction ? `${LAYOUT_LABEL.auto} ${direction === 'DOWN' ? '↓' : '→'}` : LAYOUT_LABEL[choice];
  layoutToggle.setAttribute('title', layoutTitle(choice, direction));
  layoutToggle.setAttribute('aria-label', layoutTitle(choice, direction));
  layoutToggle.dataset.choice = choice;
}

function layoutTitle(choice: LayoutChoice, direction: GraphMessage['layout']['direction'] | undefined): string {
  const now = choice === 'auto' ? `automatic (${direction === 'DOWN' ? 'top to bottom' : 'left to right'}: it follows the panel's shape)` : choice === 'DOWN' ? 'top to bottom' : 'left to right';
  const next = { auto: 'left to right', RIGHT: 'top to bottom', DOWN: 'automatic' }[choice];
  return `Layout direction: ${now}. Click for ${next}.`;
}

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
  const turned = sameDocument && message?.layout.direction !== next.layout.direction;
  message = next;
  showLayoutChoice(next.layout.choice, next.layout.direction);
  document.body.dataset.layout = next.layout.direction;
  banner.setAttribute('hidden', '');
  banner.textContent = '';
  view.render(next.graph);
  // The side panel first: in a narrow panel it sits below the canvas, and its height decides the canvas's.
  refreshSide();
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
  } else if (turned) {
    viewport.fit(READABLE_SCALE);
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
