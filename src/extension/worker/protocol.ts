// The messages between the extension host and the analysis worker (no vscode, no DOM): plain, structured-clone-able
// values. Every request about a document names its (uri, version); the worker answers for that version or says it
// no longer holds it ('stale'), so nothing computed for an old text is ever applied to a newer one.
import type { Format, PipelineModel } from '../../core/model';
import type { Finding, TextEdit } from '../../core/findings';
import type { FunctionReport } from '../../core/report';
import type { DeepPartial, Settings } from '../../core/settings';
import type { AnnotationSkeleton } from '../../core/edit/annotationSkeleton';
import type { GraphMessage } from '../../protocol';
import type { WhatIfMessage } from '../../whatIfProtocol';
import type { WhatIfOverrides } from '../../core/design/overrides';
import type { WhatIfEdits } from '../../core/design/applyWhatIf';
import type { WorkspaceReplyValues, WorkspaceRequest } from './workspaceProtocol';

export type GraphLayout = GraphMessage['layout'];

/** What presentation code reads of an analysis: the facts, and the text they were computed from. */
export interface AnalysisFacts {
  path?: string;
  format: Format | null;
  parsed: { text: string };
  model: PipelineModel;
  findings: Finding[];
  functions: FunctionReport[];
  /** The settings the analysis ran with (prices, region): hints price what-ifs like "per 1M calls" with them. */
  settings: Settings;
}

export interface ConfigureRequest {
  kind: 'configure';
  settings: DeepPartial<Settings>;
  /** Absolute paths of the workspace folders: `${file()}` includes are read from disk only inside them. */
  workspaceFolders: string[];
}

export interface AnalyzeRequest {
  kind: 'analyze';
  uri: string;
  version: number;
  /** File-system path for file: URIs, the URI's path otherwise (the readers resolve includes against it). */
  path: string;
  /** True when `path` is on the local disk (file: URI): includes may be read from disk. */
  onDisk: boolean;
  text: string;
  /** Texts of other open documents whose editor text differs from the disk (or is not on disk), by path. */
  openTexts: Record<string, string>;
  /** Keep the analysis for later fix/graph requests (open documents); false for the workspace scan. */
  keep: boolean;
}

export interface FixRequest { kind: 'fix'; uri: string; version: number; findingIndex: number; fixId: string }
export interface BufferQueueRequest { kind: 'bufferQueue'; uri: string; version: number; edgeId: string }
export interface AnnotationRequest { kind: 'annotation'; uri: string; version: number; functionId: string }
/** `layout`: the direction the panel asked for (its shape or the user's choice), echoed in the graph message. */
export interface GraphRequest { kind: 'graph'; uri: string; version: number; fileName: string; layout?: GraphLayout }
export interface ForgetRequest { kind: 'forget'; uri: string }
/** The what-if panel: reports for tried values, and the edits that write them (core/design). */
export interface WhatIfRequest { kind: 'whatIf'; uri: string; version: number; seq: number; target: string | null; overrides: WhatIfOverrides }
export interface WhatIfEditsRequest { kind: 'whatIfEdits'; uri: string; version: number; overrides: WhatIfOverrides }
/** Every buffer-queue fix the file's asynchronous triggers can take (command Insert Buffer Queue). */
export interface BufferOffersRequest { kind: 'bufferOffers'; uri: string; version: number }
/** Measured load (CloudWatch or Power Tuning JSON text) written into the held version's annotations. */
export interface ImportLoadRequest { kind: 'importLoad'; uri: string; version: number; measurements: string; functionId?: string; now: string }

/** A deployment file from a design's text (the design need not be open or held). */
export interface GenerateRequest { kind: 'generate'; text: string; target: 'serverless' | 'sam'; designFile: string }

export interface BufferOffer { edgeId: string; from: string; to: string; fix: FixResult }
export type ImportLoadResult =
  | { ok: false; error: string; functionIds: string[] }
  | { ok: true; edit: TextEdit | null; applied: string[]; skipped: string[]; notes: string[] };

export type DocumentRequest =
  | AnalyzeRequest
  | FixRequest
  | BufferQueueRequest
  | AnnotationRequest
  | GraphRequest
  | WhatIfRequest
  | WhatIfEditsRequest
  | BufferOffersRequest
  | ImportLoadRequest
  | GenerateRequest
  | WorkspaceRequest;
export type WorkerRequest = ConfigureRequest | ForgetRequest | DocumentRequest;

/** The analysis as it crosses the thread boundary. The big parts travel as JSON text: copying a string costs the
 * host almost nothing, and it parses them only when a feature reads them (hover, graph selection, lenses). */
export interface AnalysisPayload {
  uri: string;
  version: number;
  path?: string;
  format: Format | null;
  findings: Finding[];
  functionsJson: string;
  modelJson: string;
  settings: Settings;
  /** Time the worker spent in analyze() (ms), for the log and the benchmark. */
  analyzeMs: number;
  /** Where the rest of the time went (ms): waiting in the worker's queue, then turning the result into JSON. */
  queuedMs: number;
  serializeMs: number;
  /** When the reply was posted (epoch ms, comparable across threads), so the host can tell the transit time. */
  postedAt: number;
}

export interface FixResult { title: string; edits: TextEdit[] }

export interface ReplyValues extends WorkspaceReplyValues {
  analyze: AnalysisPayload | null;
  fix: FixResult | null;
  bufferQueue: FixResult | null;
  annotation: AnnotationSkeleton | null;
  graph: GraphMessage;
  whatIf: WhatIfMessage;
  whatIfEdits: WhatIfEdits | null;
  bufferOffers: BufferOffer[];
  importLoad: ImportLoadResult;
  generate: { ok: true; text: string } | { ok: false; error: string };
}

/** Why a request has no value: a newer version of the document replaced it, the worker no longer holds the
 * version asked about, or the computation failed (message says how). */
export type FailureReason = 'superseded' | 'stale' | 'error';

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; reason: FailureReason; message?: string };

/** A request with its correlation id, as posted to the worker; `sentAt` is epoch ms (see `epochMs`). */
export type Envelope = WorkerRequest & { id: number; sentAt?: number };

/** Milliseconds since the epoch with sub-millisecond precision, comparable between threads. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}

export class RequestFailed extends Error {
  constructor(readonly reason: FailureReason, message?: string) {
    super(message ?? reason);
  }
}
