// The one message protocol between the extension host and the graph webview (no vscode, no DOM). The webview
// sends `ready` first; the host sends nothing before it. The webview only states intents; the host validates every
// incoming message with `parseWebviewMessage` before acting on it.
import type { LayoutDirection } from './core/graph/layout';
import type { LaidOutGraph, NodeDetails } from './core/graph/types';
import type { RuleId, Severity } from './core/findings';
import type { WhatIfOverrides } from './core/design/overrides';
import type { WhatIfMessage, WhatIfAppliedMessage } from './whatIfProtocol';
import { parseWhatIfMessage } from './whatIfProtocol';

export type { WhatIfMessage, WhatIfAppliedMessage } from './whatIfProtocol';

export const GRAPH_VIEW_TYPE = 'pipelineLens.graph';
export const OPEN_GRAPH_COMMAND = 'pipelineLens.openGraph';

/** A finding as the side panel shows it; `index` is its place in Analysis.findings for that graph version. */
export interface GraphFinding {
  index: number;
  rule: RuleId;
  severity: Severity;
  message: string;
  node?: string;
  edge?: string;
  /** 0-based line of the finding in the document. */
  line: number;
  docsUrl: string;
  fixes: { id: string; title: string; preferred: boolean }[];
}

/** The user's layout choice (remembered by the host): a fixed direction, or `auto` (top to bottom in a tall view). */
export type LayoutChoice = 'auto' | LayoutDirection;

export const LAYOUT_CHOICES: readonly LayoutChoice[] = ['auto', 'RIGHT', 'DOWN'];

export interface GraphMessage {
  type: 'graph';
  /** Document version the graph was built from; intents carry it back so a stale fix is refused. */
  version: number;
  /** Which document this graph shows; a new document resets the viewport, a new version keeps it. */
  documentUri: string;
  fileName: string;
  graph: LaidOutGraph;
  findings: GraphFinding[];
  details: Record<string, NodeDetails>;
  /** How the graph was laid out, and the choice that led there (the toolbar's toggle shows it). */
  layout: { direction: LayoutDirection; choice: LayoutChoice };
  /** The workspace graph only: each connected pipeline's totals, most expensive first. */
  pipelines?: PipelineSummary[];
}

/** One connected pipeline of the workspace, in words; `busiest.nodeId` selects its busiest stage. */
export interface PipelineSummary {
  title: string;
  cost: string;
  busiest?: { text: string; nodeId: string };
  /** The lowest concurrency cap, when it says more than `busiest` (the load is unknown, or another stage). */
  lowestCap?: { text: string; nodeId: string };
}

export type HostToWebview =
  | GraphMessage
  | { type: 'select'; nodeId: string | null }
  /** The document no longer parses (or analysis failed): the webview keeps its last good graph and says so. */
  | { type: 'error'; message: string }
  | { type: 'theme'; kind: ThemeKind }
  | WhatIfMessage
  | WhatIfAppliedMessage;

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export type WebviewToHost =
  | { type: 'ready' }
  /** Select the node's YAML in the editor; `focusEditor` moves keyboard focus there too (Enter), a click keeps it. */
  | { type: 'reveal'; nodeId: string; focusEditor?: boolean }
  | { type: 'revealEdge'; edgeId: string }
  | { type: 'selectionChanged'; nodeId: string | null }
  | { type: 'applyFix'; version: number; findingIndex: number; fixId: string }
  | { type: 'insertBufferQueue'; version: number; edgeId: string }
  /** `subject` names what is exported (the graph unless said): it picks the file name offered. */
  | { type: 'exportSvg'; svg: string; subject?: ExportSubject }
  /** A `data:image/png;base64,...` URL drawn by the webview from the SVG. */
  | { type: 'exportPng'; dataUrl: string; subject?: ExportSubject }
  /** The webview's size in CSS pixels (sent before `ready` and on resize): `auto` layout follows its shape. */
  | { type: 'viewSize'; width: number; height: number }
  /** The toolbar's direction toggle: the host remembers the choice and lays the graph out again. */
  | { type: 'setLayout'; choice: LayoutChoice }
  /** Compute the what-if reports for these overrides (`seq` comes back so the webview drops stale replies). */
  | { type: 'whatIf'; version: number; seq: number; target: string | null; overrides: WhatIfOverrides }
  /** Write the overrides into the file as one edit, refused when the document is no longer at `version`. */
  | { type: 'applyWhatIf'; version: number; overrides: WhatIfOverrides };

export type ExportSubject = 'graph' | 'chart';
const subjectOf = (v: unknown): { subject?: ExportSubject } => (v === 'chart' ? { subject: 'chart' } : {});

/** What the webview keeps across reloads (vscode.setState) and hands to the panel serializer. */
export interface WebviewState {
  documentUri?: string;
  selectedId?: string | null;
  viewport?: { x: number; y: number; scale: number };
}

const MAX_EXPORT_CHARS = 50_000_000;

const isString = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPixels = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100_000;
const isLayoutChoice = (v: unknown): v is LayoutChoice => typeof v === 'string' && (LAYOUT_CHOICES as readonly string[]).includes(v);

/** Checks a message from the webview; anything malformed is dropped (undefined) rather than trusted. */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isString(m.nodeId) ? { type: 'reveal', nodeId: m.nodeId, focusEditor: m.focusEditor === true } : undefined;
    case 'revealEdge':
      return isString(m.edgeId) ? { type: 'revealEdge', edgeId: m.edgeId } : undefined;
    case 'selectionChanged':
      return m.nodeId === null || isString(m.nodeId) ? { type: 'selectionChanged', nodeId: m.nodeId } : undefined;
    case 'applyFix':
      return isIndex(m.version) && isIndex(m.findingIndex) && isString(m.fixId, 200)
        ? { type: 'applyFix', version: m.version, findingIndex: m.findingIndex, fixId: m.fixId }
        : undefined;
    case 'insertBufferQueue':
      return isIndex(m.version) && isString(m.edgeId) ? { type: 'insertBufferQueue', version: m.version, edgeId: m.edgeId } : undefined;
    case 'exportSvg':
      return isString(m.svg, MAX_EXPORT_CHARS) && m.svg.trimStart().startsWith('<') ? { type: 'exportSvg', svg: m.svg, ...subjectOf(m.subject) } : undefined;
    case 'exportPng':
      return isString(m.dataUrl, MAX_EXPORT_CHARS) && m.dataUrl.startsWith('data:image/png;base64,')
        ? { type: 'exportPng', dataUrl: m.dataUrl, ...subjectOf(m.subject) }
        : undefined;
    case 'viewSize':
      return isPixels(m.width) && isPixels(m.height) ? { type: 'viewSize', width: m.width, height: m.height } : undefined;
    case 'setLayout':
      return isLayoutChoice(m.choice) ? { type: 'setLayout', choice: m.choice } : undefined;
    case 'whatIf':
    case 'applyWhatIf':
      return parseWhatIfMessage(m);
    default:
      return undefined;
  }
}
