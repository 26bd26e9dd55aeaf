// Every real template of the shared corpus (../shared/corpus, described by INDEX.tsv) is read without exception or
// parse error, with as many functions as INDEX says and at least the triggers it lists per kind. Data-driven: a
// row for a format whose reader is missing fails here rather than being skipped.
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyze, type Analysis } from '../../src/core/analyze';
import type { TriggerSource } from '../../src/core/model';
import { asMap, get, getIn, pairs } from '../../src/core/parse/nodes';
import { CORPUS_DIR, describeCorpus } from '../support/corpus';

const CORPUS = CORPUS_DIR;
const INDEX = join(CORPUS, 'INDEX.tsv');

/** INDEX.tsv trigger names (serverless event keys and SAM event types) -> the trigger source we read them as. */
const SOURCE_OF: Readonly<Record<string, TriggerSource>> = {
  'stream:kinesis': 'kinesis',
  'stream:dynamodb': 'dynamodb',
  http: 'api',
  httpApi: 'api',
  sqs: 'sqs',
  sns: 'sns',
  s3: 's3',
  schedule: 'schedule',
  cloudwatchEvent: 'eventbridge',
  eventBridge: 'eventbridge',
  cloudwatchLog: 'cloudwatch-logs',
  alb: 'alb',
  iot: 'iot',
  'lift-construct': 'sqs',
  Kinesis: 'kinesis',
  DynamoDB: 'dynamodb',
  SQS: 'sqs',
  SNS: 'sns',
  S3: 's3',
  Api: 'api',
  HttpApi: 'api',
  CloudWatchEvent: 'eventbridge',
  EventBridgeRule: 'eventbridge',
  Schedule: 'schedule',
  ScheduleV2: 'schedule',
  IoTRule: 'iot',
  CloudWatchLogs: 'cloudwatch-logs',
};

interface CorpusRow {
  file: string;
  kind: string;
  /** From INDEX's note `[fn=N]`; rows without one (multi/) are checked against the keys under `functions:`. */
  functions: number | undefined;
  triggers: Map<TriggerSource, number>;
  tokens: string;
}

/** How many functions the file writes under `functions:` (serverless), read from the YAML itself. */
function writtenFunctions(analysis: Analysis): number {
  return pairs(asMap(get(asMap(analysis.parsed.doc?.contents), 'functions', analysis.parsed.doc))).length;
}

function readIndex(): CorpusRow[] {
  const [header, ...lines] = readFileSync(INDEX, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const columns = header.split('\t');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split('\t').map((cell, i) => [columns[i], cell]));
    const triggers = new Map<TriggerSource, number>();
    for (const token of cells.triggers === '-' ? [] : cells.triggers.split(',')) {
      const match = /^(.*)x(\d+)$/.exec(token);
      assert.ok(match, `INDEX trigger token ${token}`);
      const source = SOURCE_OF[match[1]];
      assert.ok(source, `INDEX trigger name ${match[1]} has a mapping in SOURCE_OF`);
      triggers.set(source, (triggers.get(source) ?? 0) + Number(match[2]));
    }
    const fn = /\[fn=(\d+)/.exec(cells.notes ?? '');
    return { file: cells.file, kind: cells.kind, functions: fn ? Number(fn[1]) : undefined, triggers, tokens: cells.triggers };
  });
}

describeCorpus('corpus: real public templates', () => {
  for (const row of readIndex()) {
    it(`${row.file}: ${row.functions ?? 'every written'} function(s), triggers ${row.tokens}`, () => {
      const text = readFileSync(join(CORPUS, row.file), 'utf8');
      const analysis = analyze(text, { path: join(CORPUS, row.file), readFile: () => undefined });
      assert.equal(analysis.format, row.kind, 'format');
      const parseErrors = [...analysis.parsed.problems, ...analysis.model.problems].filter((p) => p.rule === 'parse-error');
      assert.deepEqual(parseErrors.map((p) => p.message), [], 'no parse errors');
      const { model } = analysis;
      const functions = model.nodes.filter((n) => n.kind === 'function' && n.defined);
      // INDEX counts `functions:` / function resources; a serverless-lift construct adds its own worker function.
      const constructWorkers = row.triggers.has('sqs') && row.tokens.includes('lift-construct') ? 1 : 0;
      assert.equal(functions.length, (row.functions ?? writtenFunctions(analysis)) + constructWorkers, `functions read: ${functions.map((n) => n.id).join(', ')}`);
      const functionIds = new Set(functions.map((n) => n.id));
      const ids = new Set(model.nodes.map((n) => n.id));
      for (const edge of model.edges) assert.ok(ids.has(edge.from) && ids.has(edge.to), `edge ${edge.id} has both ends`);
      for (const [source, expected] of row.triggers) {
        const found = model.edges.filter((e) => e.kind === 'trigger' && functionIds.has(e.to) && e.trigger?.source === source);
        assert.ok(found.length >= expected, `${source}: expected at least ${expected} trigger(s), read ${found.length}: ${found.map((e) => e.id).join(', ')}`);
      }
      if (analysis.format === 'sam') {
        // Each SAM function has at least one trigger per entry of its Events, pointing at the event's key.
        const resources = asMap(get(asMap(analysis.parsed.doc?.contents), 'Resources', analysis.parsed.doc));
        for (const fn of functions.filter((n) => n.resourceType === 'AWS::Serverless::Function')) {
          const events = pairs(asMap(getIn(asMap(get(resources, fn.id)), ['Properties', 'Events'])));
          const triggers = model.edges.filter((e) => e.kind === 'trigger' && e.to === fn.id);
          for (const event of events) {
            const name = String(event.key.value);
            assert.ok(triggers.some((e) => text.slice(e.span.start, e.span.end) === name), `${fn.id} event ${name} is read as a trigger`);
          }
        }
      }
      for (const fn of functions) {
        const key = text.slice(fn.span.start, fn.span.end);
        assert.ok(key === fn.id || (constructWorkers > 0 && key === 'worker'), `function ${fn.id} points at its key, not "${key}"`);
      }
    });
  }
});
