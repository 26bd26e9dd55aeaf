// The host's view of one finished analysis (no vscode): findings at once, the model and function reports parsed
// from their JSON only when a feature first reads them, and the text they were computed from.
import type { PipelineModel } from '../../core/model';
import type { FunctionReport } from '../../core/report';
import { epochMs, type AnalysisFacts, type AnalysisPayload } from './protocol';

export class AnalysisSnapshot implements AnalysisFacts {
  readonly uri: string;
  readonly version: number;
  readonly path?: string;
  readonly format: AnalysisFacts['format'];
  readonly findings: AnalysisFacts['findings'];
  readonly parsed: { text: string };
  readonly settings: AnalysisFacts['settings'];
  readonly analyzeMs: number;
  /** Where the time between request and result went (ms), for the typing figures. */
  readonly timing: { queuedMs: number; analyzeMs: number; serializeMs: number; transitMs: number };
  private modelValue: PipelineModel | undefined;
  private functionsValue: FunctionReport[] | undefined;

  /** `timed` is told how long parsing a part took (host time, counted per version by the cache). */
  constructor(private readonly payload: AnalysisPayload, text: string, private readonly timed: (ms: number) => void = () => undefined) {
    this.uri = payload.uri;
    this.version = payload.version;
    this.path = payload.path;
    this.format = payload.format;
    this.findings = payload.findings;
    this.analyzeMs = payload.analyzeMs;
    this.timing = { queuedMs: payload.queuedMs, analyzeMs: payload.analyzeMs, serializeMs: payload.serializeMs, transitMs: Math.max(0, epochMs() - payload.postedAt) };
    this.parsed = { text };
    this.settings = payload.settings;
  }

  get model(): PipelineModel {
    return (this.modelValue ??= this.parse<PipelineModel>(this.payload.modelJson));
  }

  get functions(): FunctionReport[] {
    return (this.functionsValue ??= this.parse<FunctionReport[]>(this.payload.functionsJson));
  }

  private parse<T>(json: string): T {
    const started = performance.now();
    const value = JSON.parse(json) as T;
    this.timed(performance.now() - started);
    return value;
  }
}
