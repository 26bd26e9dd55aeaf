// Hand-built models for the graph tests: a Kinesis -> sessionize -> DynamoDB pipeline, an S3 bucket invoking a
// function asynchronously, and an SQS queue with its DLQ.
import type { PipelineEdge, PipelineModel, PipelineNode, Span } from '../../../src/core/model';
import type { Finding } from '../../../src/core/findings';
import type { FunctionReport } from '../../../src/core/report';
import type { GraphInput } from '../../../src/core/graph';

const at = (start: number): Span => ({ start, end: start + 5 });

export function fnNode(id: string, start: number, extra: Partial<PipelineNode> = {}): PipelineNode {
  return {
    id,
    kind: 'function',
    label: id,
    span: at(start),
    defined: true,
    fn: {
      name: id,
      memoryMb: 1024,
      timeoutS: 30,
      architecture: 'x86_64',
      ephemeralStorageMb: 512,
      environment: [],
      iamStatements: [],
      async: {},
    },
    ...extra,
  };
}

export function node(id: string, kind: PipelineNode['kind'], start: number, extra: Partial<PipelineNode> = {}): PipelineNode {
  return { id, kind, label: id, span: at(start), defined: true, ...extra };
}

export function edge(kind: PipelineEdge['kind'], from: string, to: string, extra: Partial<PipelineEdge> = {}): PipelineEdge {
  return { id: `${kind}:${from}->${to}`, kind, from, to, span: at(0), ...extra };
}

export function report(id: string, perDayUsd: number | null, expected: number | null, cap: number): FunctionReport {
  return {
    id,
    name: id,
    memoryMb: 1024,
    timeoutS: 30,
    architecture: 'x86_64',
    load: { ratePerSecond: 1, durationMs: 100, declared: true },
    cost:
      perDayUsd === null
        ? null
        : {
            perInvocationUsd: perDayUsd / 86400,
            perDayUsd,
            perMonthUsd: perDayUsd * 30.4,
            breakdown: {
              region: 'us-east-1',
              architecture: 'x86_64',
              gbSecondsPerInvocation: 0.1,
              durationPricePerGbSecond: 0.0000166667,
              requestPrice: 0.0000002,
              durationUsdPerInvocation: 0,
              requestUsdPerInvocation: 0,
              ephemeralUsdPerInvocation: 0,
              tier: 'first 6 billion GB-seconds',
              pricesAsOf: '2025-01-01',
              freeTierSubtracted: false,
            },
          },
    concurrency: { expected, cap, capReason: `${cap} shards x parallelization factor 1`, capKind: 'shards' },
    span: at(0),
  };
}

export function finding(rule: Finding['rule'], severity: Finding['severity'], where: { node?: string; edge?: string }): Finding {
  return { rule, severity, message: `${rule} here`, span: at(0), related: [], fixes: [], ...where };
}

/** Clicks -> sessionize (stream, batch 100, 4 shards, PF 2) -> Sessions table; Uploads bucket -> ingest (async). */
export function clickstream(): GraphInput {
  const model: PipelineModel = {
    format: 'serverless',
    nodes: [
      node('ClickStream', 'stream', 10, { stream: { shards: { value: 4, span: at(12) } } }),
      fnNode('sessionize', 100),
      node('SessionsTable', 'table', 200, { table: { billingMode: 'PAY_PER_REQUEST', streamEnabled: false } }),
      node('Uploads', 'bucket', 300),
      fnNode('ingest', 400),
      node('Jobs', 'queue', 500, { queue: { fifo: false, redrive: { target: 'JobsDlq', maxReceiveCount: 5, span: at(510) }, deadLetterFor: [] } }),
      node('JobsDlq', 'queue', 600, { queue: { fifo: false, deadLetterFor: ['Jobs'] } }),
    ],
    edges: [
      edge('trigger', 'ClickStream', 'sessionize', {
        trigger: {
          source: 'kinesis',
          invocation: 'stream',
          batchSize: { value: 100, span: at(120) },
          parallelizationFactor: { value: 2, span: at(130) },
          eventSpan: at(110),
        },
      }),
      edge('write', 'sessionize', 'SessionsTable'),
      edge('trigger', 'Uploads', 'ingest', { trigger: { source: 's3', invocation: 'async', eventSpan: at(410) } }),
      edge('write', 'ingest', 'Jobs'),
      edge('dlq', 'Jobs', 'JobsDlq'),
    ],
    problems: [],
  };
  return {
    model,
    findings: [
      finding('throughput-exceeds-concurrency', 'error', { node: 'sessionize' }),
      finding('async-without-buffer', 'warning', { node: 'ingest', edge: 'trigger:Uploads->ingest' }),
      finding('stateful-without-store', 'info', { node: 'sessionize' }),
    ],
    functions: [report('sessionize', 513.02, 150, 8), report('ingest', 0.0042, null, 1000)],
  };
}
