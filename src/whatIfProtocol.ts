// The what-if part of the webview protocol (src/protocol.ts re-exports it): the reports the host computes for a
// set of overrides, and the checks on the overrides the webview sends (no vscode, no DOM).
import type { RuleId, Severity } from './core/findings';
import type { CompareSeries } from './core/design/compare';
import { FUNCTION_OVERRIDE_KEYS, isValidOverride, isValidRateScale, type FunctionOverrides, type WhatIfOverrides } from './core/design/overrides';
import type { FileValues } from './core/design/tunables';

/** Cost and concurrency of one function, as the file has it or with the tried values. */
export interface WhatIfFigures {
  perDayUsd: number | null;
  expected: number | null;
  cap: number;
  capReason: string;
  memoryMb: number;
  architecture: 'x86_64' | 'arm64';
}

export interface WhatIfFunctionView {
  id: string;
  label: string;
  /** The knobs this function has and their values in the file (null: the file does not say). */
  file: FileValues;
  before: WhatIfFigures;
  after: WhatIfFigures;
}

export interface WhatIfFindingView {
  rule: RuleId;
  severity: Severity;
  message: string;
  node?: string;
  /** 0-based line in the document. */
  line: number;
  /** `new`: only with the tried values; `kept`: also in the file; `settled`: in the file, gone with the tried values. */
  change: 'new' | 'kept' | 'settled';
}

export interface WhatIfMessage {
  type: 'whatIfResult';
  version: number;
  seq: number;
  target: string | null;
  region: { file: string; whatIf: string; choices: string[] };
  functions: WhatIfFunctionView[];
  pipelinePerDayUsd: { before: number | null; after: number | null };
  findings: WhatIfFindingView[];
  chart: CompareSeries;
}

export interface WhatIfAppliedMessage {
  type: 'whatIfApplied';
  ok: boolean;
  /** What was written, or why nothing was. */
  message: string;
  skipped: string[];
}

const MAX_FUNCTIONS = 2000;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Overrides from the webview, or undefined when any part is malformed (unknown keys, values AWS would refuse). */
export function parseOverrides(raw: unknown): WhatIfOverrides | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { region, functions, rateScale } = raw as Record<string, unknown>;
  if (region !== undefined && (typeof region !== 'string' || !REGION.test(region))) return undefined;
  if (rateScale !== undefined && !isValidRateScale(rateScale)) return undefined;
  if (typeof functions !== 'object' || functions === null || Array.isArray(functions)) return undefined;
  const entries = Object.entries(functions);
  if (entries.length > MAX_FUNCTIONS) return undefined;
  const out: WhatIfOverrides = { functions: {} };
  if (region !== undefined) out.region = region;
  if (rateScale !== undefined) out.rateScale = rateScale;
  for (const [id, values] of entries) {
    if (id.length > 1000 || typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
    const parsed: FunctionOverrides = {};
    for (const [key, value] of Object.entries(values)) {
      if (!(FUNCTION_OVERRIDE_KEYS as readonly string[]).includes(key)) return undefined;
      if (!isValidOverride(key as keyof FunctionOverrides, value)) return undefined;
      (parsed as Record<string, unknown>)[key] = value;
    }
    out.functions[id] = parsed;
  }
  return out;
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function parseWhatIfMessage(m: Record<string, unknown>):
  | { type: 'whatIf'; version: number; seq: number; target: string | null; overrides: WhatIfOverrides }
  | { type: 'applyWhatIf'; version: number; overrides: WhatIfOverrides }
  | undefined {
  const overrides = parseOverrides(m.overrides);
  if (!overrides || !isIndex(m.version)) return undefined;
  if (m.type === 'applyWhatIf') return { type: 'applyWhatIf', version: m.version, overrides };
  const target = m.target;
  if (!isIndex(m.seq) || !(target === null || (typeof target === 'string' && target.length <= 1000))) return undefined;
  return { type: 'whatIf', version: m.version, seq: m.seq, target, overrides };
}
