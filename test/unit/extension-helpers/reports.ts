// Builders of FunctionReport / Analysis values for the extension helper tests (the figures of RULES.md's check).
import { analyze, type Analysis } from '../../../src/core/analyze';
import type { PipelineModel } from '../../../src/core/model';
import type { FunctionReport } from '../../../src/core/report';

export function sessionizeReport(overrides: Partial<FunctionReport> = {}): FunctionReport {
  return {
    id: 'sessionize',
    name: 'sessionize',
    memoryMb: 2432,
    timeoutS: 300,
    architecture: 'x86_64',
    load: { ratePerSecond: 50 / 60, durationMs: 180_000, declared: true },
    cost: {
      perInvocationUsd: 0.0071252,
      perDayUsd: 513.02,
      perMonthUsd: 15604.2,
      breakdown: {
        region: 'us-east-1',
        architecture: 'x86_64',
        gbSecondsPerInvocation: 427.5,
        durationPricePerGbSecond: 0.0000166667,
        requestPrice: 0.0000002,
        durationUsdPerInvocation: 0.007125,
        requestUsdPerInvocation: 0.0000002,
        ephemeralUsdPerInvocation: 0,
        tier: 'first tier (up to 6B GB-s a month)',
        pricesAsOf: '2026-11-01',
        freeTierSubtracted: false,
      },
    },
    concurrency: { expected: 150, cap: 4, capReason: '4 shards x parallelization factor 1', capKind: 'shards' },
    span: { start: 0, end: 10 },
    ...overrides,
  };
}

/** A real parse of `text` with a hand-built model (the readers are tested elsewhere). */
export function analysisOf(text: string, model: Partial<PipelineModel>, functions: FunctionReport[] = []): Analysis {
  const base = analyze(text);
  return {
    ...base,
    format: model.format ?? 'serverless',
    model: { format: 'serverless', nodes: [], edges: [], problems: [], ...model },
    functions,
  };
}
