// The workspace model's messages between the extension host and the analysis worker (no vscode): the host finds
// and reads the files, the worker analyses and joins them and answers with what the editor shows (the graph, the
// findings only the joined model has, the joins under the cursor), all plain structured-clone-able values.
import type { RuleId, Severity, TextEdit } from '../../core/findings';
import type { ConcurrencyEstimate } from '../../core/report';
import type { Range } from '../../core/text/lines';
import type { SamConfigFormat } from '../../core/workspace/samConfigNames';
import type { GraphMessage, PipelineSummary } from '../../protocol';

/** Adds or replaces one file (by workspace-relative `path`); the reply says whether it takes part. */
export interface WorkspaceUpdateRequest {
  kind: 'workspaceUpdate';
  path: string;
  /** File-system path (file: URIs) or the URI's path: the analysis resolves `${file()}` includes against it. */
  fsPath: string;
  onDisk: boolean;
  text: string;
  /** The deployed stack's name when the deployment says it (CDK manifest.json). */
  stackName?: string;
  /** The SAM config beside a template (`samconfig.toml`/`.yaml`), which names its stack. */
  samConfig?: { text: string; format: SamConfigFormat };
}
export interface WorkspaceRemoveRequest { kind: 'workspaceRemove'; path: string }
/** Starts over (the graph was opened again): every file is sent anew. */
export interface WorkspaceResetRequest { kind: 'workspaceReset' }
/** The joined workspace as the editor shows it; `draw` lays out the graph too (the panel is ready for it). */
export interface WorkspaceViewRequest { kind: 'workspaceView'; draw: boolean; direction: 'RIGHT' | 'DOWN'; maxNodes: number }
/** A fix for a finding of the graph drawn as `version` (findings numbered as in its message). */
export interface WorkspaceFixRequest { kind: 'workspaceFix'; version: number; findingIndex: number; fixId: string }

export type WorkspaceRequest = WorkspaceUpdateRequest | WorkspaceRemoveRequest | WorkspaceResetRequest | WorkspaceViewRequest | WorkspaceFixRequest;

/** A finding only the joined model has, placed in its own file, with related locations in the others. */
export interface WorkspaceProblem {
  rule: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  related: { path: string; range: Range; message: string }[];
}

/** A reference joined to another file: where it is (offsets in the file as analysed) and what it joined to. */
export interface WorkspaceJoinSpot {
  path: string;
  start: number;
  end: number;
  toId: string;
  toFile: string;
  via: string;
  how: string;
}

export interface WorkspaceView {
  /** Differs when the worker restarted and lost the files it was sent: the host sends them again. */
  session: string;
  /** Workspace paths of the files taking part. */
  files: string[];
  joins: number;
  /** The drawn graph (its `version` is what fix requests name), or why it is not drawn. */
  graph?: GraphMessage;
  notDrawn?: string;
  /** Per file: the findings only the joined model has, and (`rule|message`) those of the file alone it resolved. */
  problems: { path: string; problems: WorkspaceProblem[]; resolved: string[] }[];
  joinSpots: WorkspaceJoinSpot[];
  /** Per file, the functions whose concurrency cap the joined model knows better (a producer's shards in another
   * file): hints and hovers show this cap instead of the one the file alone gives. */
  caps: { path: string; functions: Record<string, JoinedCap> }[];
  /** Each connected pipeline's totals in words (the graph's side panel and the exported report show them). */
  pipelines: PipelineSummary[];
  /** Graph node id (`file#id`) -> the node's span in its file, for revealing a clicked stage. */
  nodeSpans: Record<string, { start: number; end: number }>;
}

/** How a finding of a file alone is matched against the joined one, on both sides of the thread boundary: by rule
 * and words, not position (the editor's text may have moved on since the join). */
export function resolvedFindingKey(rule: string, message: string): string {
  return `${rule}|${message}`;
}

export type JoinedCap = Pick<ConcurrencyEstimate, 'cap' | 'capReason' | 'capKind' | 'unknowns'>;

/** A fix's edits, in `path`, valid only while the file's text is still `text`. */
export interface WorkspaceFix { path: string; text: string; title: string; edits: TextEdit[] }

export interface WorkspaceReplyValues {
  workspaceUpdate: boolean;
  workspaceRemove: null;
  workspaceReset: null;
  workspaceView: WorkspaceView;
  workspaceFix: WorkspaceFix | null;
}
