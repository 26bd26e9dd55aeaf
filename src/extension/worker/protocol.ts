// The messages between the extension host and the analysis worker (no vscode, no DOM): plain, structured-clone-able
// values. Every request about a document names its (uri, version); the worker answers for that version or says it
// no longer holds it ('stale'), so nothing computed for an old text is ever applied to a newer one.
import type { Format, PipelineModel } from '../../core/model';
import type { Finding, TextEdit } from '../../core/findings';
import type { FunctionReport } from '../../core/report';
import type { DeepPartial, Settings } from '../../core/settings';
import type { AnnotationSkeleton } from '../../core/edit/annotationSkeleton';
import type { GraphMessage } from '../../protocol';

/** What presentation code reads of an analysis: the facts, and the text they were computed from. */
export interface AnalysisFacts {
  path?: string;
  format: Format | null;
  parsed: { text: string };
  model: PipelineModel;
  findings: Finding[];
  functions: FunctionReport[];
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
export interface GraphRequest { kind: 'graph'; uri: string; version: number; fileName: string }
export interface ForgetRequest { kind: 'forget'; uri: string }

export type DocumentRequest = AnalyzeRequest | FixRequest | BufferQueueRequest | AnnotationRequest | GraphRequest;
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
  /** Time the worker spent in analyze() (ms), for the log and the benchmark. */
  analyzeMs: number;
  /** Where the rest of the time went (ms): waiting in the worker's queue, then turning the result into JSON. */
  queuedMs: number;
  serializeMs: number;
  /** When the reply was posted (epoch ms, comparable across threads), so the host can tell the transit time. */
  postedAt: number;
}

export interface FixResult { title: string; edits: TextEdit[] }

export interface ReplyValues {
  analyze: AnalysisPayload | null;
  fix: FixResult | null;
  bufferQueue: FixResult | null;
  annotation: AnnotationSkeleton | null;
  graph: GraphMessage;
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
