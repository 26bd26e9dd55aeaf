// New Pipeline: a starting design (*.pipeline.yaml) from a few choices. Steps are joined by queues with DLQs, not
// by direct hand-offs, and failures have somewhere to go, so the sketch starts without warnings.
import { parseRate } from '../read/quantities';
import { kebab } from './names';

export const SCAFFOLD_SOURCES = ['kinesis', 'dynamodb-stream', 'sqs', 's3', 'sns', 'eventbridge', 'schedule', 'api'] as const;
export type ScaffoldSource = (typeof SCAFFOLD_SOURCES)[number];

export interface ScaffoldChoices {
  name: string;
  source: ScaffoldSource;
  /** Step names in order (at least one). */
  steps: string[];
  /** The last step keeps state (sessions, windows, aggregates): it gets a DynamoDB table. */
  stateful: boolean;
  /** Expected invocations of the first step, e.g. `100/s`. */
  rate: string;
}

const SOURCE_LINE: Readonly<Record<ScaffoldSource, string>> = {
  kinesis: '{ type: kinesis, shards: 2 }',
  'dynamodb-stream': '{ type: dynamodb-stream, table: items, shards: 2 }',
  sqs: '{ type: sqs, visibilityTimeout: 180, dlq: true, maxReceiveCount: 5 }',
  s3: '{ type: s3 }',
  sns: '{ type: sns }',
  eventbridge: '{ type: eventbridge }',
  schedule: '{ type: schedule, schedule: rate(5 minutes) }',
  api: '{ type: api }',
};

const STREAMS = new Set<ScaffoldSource>(['kinesis', 'dynamodb-stream']);
const ASYNC = new Set<ScaffoldSource>(['s3', 'sns', 'eventbridge']);

/** Step names as ids: lowercase words joined by hyphens, unique, never empty. */
export function stepIds(steps: string[]): string[] {
  const out: string[] = [];
  for (const step of steps.map((s) => kebab(s)).filter((s) => s !== 'component')) {
    let id = step;
    for (let n = 2; out.includes(id); n++) id = `${step}-${n}`;
    out.push(id);
  }
  return out.length > 0 ? out : ['process'];
}

/** The design text, or an error message for a rate that cannot be read. */
export function scaffoldDesign(choices: ScaffoldChoices): { ok: true; text: string } | { ok: false; error: string } {
  const rate = parseRate(choices.rate.trim());
  if (!rate.ok) return { ok: false, error: `Expected rate: ${rate.error}` };
  const name = kebab(choices.name);
  const steps = stepIds(choices.steps).filter((s) => !['events', 'failed', 'state', 'items'].includes(s));
  if (steps.length === 0) steps.push('process');
  const lines = [
    `# ${name}: a pipeline sketched with Pipeline Lens (New Pipeline). Edit it: the graph, costs and findings follow.`,
    '# Format: docs/pipeline-format.md. Generate a deployment file: Pipeline Lens: Generate Deployment File from Design.',
    'pipeline:',
    `  name: ${name}`,
    '  region: us-east-1',
    '  defaults:',
    '    architecture: arm64',
    '    memory: 512',
    '    timeout: 30s',
    '  sources:',
    `    events: ${SOURCE_LINE[choices.source]}`,
  ];
  // Queues between the steps feed the next step, so they are sources; each has a DLQ for messages that keep failing.
  for (const step of steps.slice(0, -1)) lines.push(`    ${step}-out: { type: sqs, visibilityTimeout: 180, dlq: true, maxReceiveCount: 5 }`);
  lines.push('  stages:');
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    const from = i === 0 ? 'events' : `${steps[i - 1]}-out`;
    lines.push(`    ${step}:`, `      from: ${from}`, `      rate: ${choices.rate.trim()}`, '      duration: 200ms');
    if (i === 0 && STREAMS.has(choices.source)) lines.push('      batchSize: 100', '      maximumRetryAttempts: 3', '      bisectOnError: true', '      onFailure: failed');
    if (i === 0 && ASYNC.has(choices.source)) lines.push('      onFailure: failed');
    if (last && choices.stateful) lines.push('      stateful: true', '      stores: [state]');
    if (!last) lines.push(`      to: [${step}-out]`);
  });
  const stores = [
    ...(choices.stateful ? ['    state: { type: dynamodb }'] : []),
    ...(choices.source === 'dynamodb-stream' ? ['    items: { type: dynamodb }'] : []),
  ];
  if (stores.length > 0) lines.push('  stores:', ...stores);
  if (STREAMS.has(choices.source) || ASYNC.has(choices.source)) lines.push('  sinks:', '    failed: { type: sqs }');
  return { ok: true, text: `${lines.join('\n')}\n` };
}
