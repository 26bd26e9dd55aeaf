import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ANNOTATION_KEYS } from '../../../src/core/read/annotations';
import { readPipeline } from '../../../src/core/read/pipeline/index';
import { COMPONENT_TYPES } from '../../../src/core/read/pipeline/types';
import { detectFormat } from '../../../src/core/parse/detectFormat';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import { fixture, readText } from './cloudformation-helpers';

const root = join(__dirname, '../../..');

describe('pipeline design reader', () => {
  describe('the clickstream example', () => {
    const text = readFileSync(join(root, 'examples/design/clickstream.pipeline.yaml'), 'utf8');
    const read = () => readText(text, readPipeline);

    it('is recognised as the pipeline format and names the pipeline and region', () => {
      assert.equal(detectFormat(parseYaml(text).doc), 'pipeline');
      const r = read();
      assert.deepEqual([r.model.format, r.model.name, r.model.region], ['pipeline', 'clickstream', 'eu-west-1']);
      assert.deepEqual(r.model.problems, []);
    });

    it('draws source, stage, store and sinks with their kinds', () => {
      const r = read();
      assert.deepEqual(r.model.nodes.map((n) => [n.id, n.kind]), [
        ['clicks', 'stream'], ['sessions', 'table'], ['enriched', 'store'], ['failed-sessions', 'queue'], ['sessionize', 'function'],
      ]);
      assert.equal(r.textOf(r.node('sessionize').span), 'sessionize');
      assert.equal(r.node('clicks').stream?.shards?.value, 4);
    });

    it('reads the stage: sizes, defaults, annotation keys and stream mapping facts', () => {
      const r = read();
      const fn = r.node('sessionize').fn!;
      assert.deepEqual([fn.memoryMb, fn.timeoutS, fn.architecture, fn.runtime], [2432, 300, 'arm64', undefined]);
      assert.equal(fn.annotation?.rate?.value, 50 / 60);
      assert.equal(fn.annotation?.durationMs?.value, 180000);
      assert.equal(fn.annotation?.stateful?.value, true);
      assert.deepEqual(fn.annotation?.stores?.value, ['sessions']);
      const trigger = r.edge('clicks', 'sessionize', 'trigger').trigger!;
      assert.deepEqual([trigger.source, trigger.invocation, trigger.batchSize?.value, trigger.parallelizationFactor?.value, trigger.maximumRetryAttempts?.value],
        ['kinesis', 'stream', 100, 1, 3]);
      assert.equal(trigger.onFailure?.target, 'failed-sessions');
      assert.equal(r.textOf(trigger.batchSize?.span), '100');
    });

    it('draws the data flow: writes to store and sink, failures to the queue', () => {
      const r = read();
      r.edge('sessionize', 'sessions', 'write');
      r.edge('sessionize', 'enriched', 'write');
      r.edge('sessionize', 'failed-sessions', 'on-failure');
    });
  });

  describe('a pipeline with every kind of link and some mistakes', () => {
    const read = () => readText(fixture('pipeline/orders.pipeline.yaml'), readPipeline);

    it('maps short and long component forms to node kinds', () => {
      const r = read();
      const kinds = Object.fromEntries(r.model.nodes.map((n) => [n.id, n.kind]));
      assert.deepEqual(
        [kinds['orders-api'], kinds.uploads, kinds.nightly, kinds['order-queue'], kinds['order-changes'], kinds['orders-table'], kinds.catalog, kinds.audit],
        ['api', 'bucket', 'schedule', 'queue', 'table-stream', 'table', 'store', 'topic'],
      );
      assert.equal(r.node('nightly').label, 'rate(1 day)');
      assert.equal(r.node('orders-table').table?.billingMode, 'PROVISIONED');
    });

    it('uses the AWS invocation mode of each source', () => {
      const r = read();
      const mode = (from: string, to: string) => r.edge(from, to, 'trigger').trigger?.invocation;
      assert.deepEqual(
        [mode('orders-api', 'accept'), mode('uploads', 'ingest'), mode('nightly', 'ingest'), mode('order-queue', 'process'), mode('order-changes', 'project'), mode('project', 'chained')],
        ['sync', 'async', 'async', 'poll', 'stream', 'async'],
      );
      assert.equal(r.edge('project', 'chained', 'trigger').trigger?.source, 'other');
      assert.deepEqual([r.edge('partner-events', 'misfed', 'trigger').trigger?.source, mode('partner-events', 'misfed')], ['kafka', 'stream']);
    });

    it('applies defaults and reads times with units (bare numbers are seconds)', () => {
      const r = read();
      assert.deepEqual([r.node('accept').fn?.memoryMb, r.node('accept').fn?.timeoutS], [512, 30]);
      assert.deepEqual([r.node('ingest').fn?.memoryMb, r.node('ingest').fn?.timeoutS], [512, 120]);
      assert.equal(r.node('process').fn?.memoryMb, 1024);
      assert.equal(r.edge('order-changes', 'project', 'trigger').trigger?.tumblingWindowInSeconds?.value, 60);
      const sqs = r.edge('order-queue', 'process', 'trigger').trigger!;
      assert.deepEqual([sqs.batchSize?.value, sqs.maximumBatchingWindowInSeconds?.value, sqs.maximumConcurrency?.value], [10, 5, 20]);
      assert.equal(r.node('process').fn?.reservedConcurrency?.value, 20);
    });

    it('puts async failure handling on the function and stream failure handling on the trigger', () => {
      const r = read();
      const async = r.node('ingest').fn!.async;
      assert.deepEqual([async.maximumRetryAttempts?.value, async.maximumEventAgeInSeconds?.value, async.onFailure?.target, async.onSuccess?.target], [1, 3600, 'failed', 'audit']);
      r.edge('ingest', 'failed', 'on-failure');
      r.edge('ingest', 'audit', 'on-success');
      assert.equal(r.edge('order-changes', 'project', 'trigger').trigger?.onFailure?.target, 'failed');
      assert.equal(r.node('project').fn?.async.onFailure, undefined);
    });

    it('reads queue facts and the dead-letter link', () => {
      const r = read();
      const queue = r.node('order-queue').queue!;
      assert.deepEqual([queue.visibilityTimeoutS?.value, queue.redrive?.target, queue.redrive?.maxReceiveCount], [180, 'order-dlq', 5]);
      r.edge('order-queue', 'order-dlq', 'dlq');
      assert.deepEqual(r.node('order-dlq').queue?.deadLetterFor, ['order-queue']);
      r.edge('orders-table', 'order-changes', 'notify');
    });

    it('draws writes and reads', () => {
      const r = read();
      r.edge('accept', 'order-queue', 'write');
      r.edge('process', 'orders-table', 'write');
      r.edge('process', 'catalog', 'read');
      r.edge('project', 'report', 'write');
    });

    it('reports bad values, unknown types and undeclared ids as problems, never exceptions', () => {
      const r = read();
      const messages = r.model.problems.map((p) => `${p.rule}: ${r.textOf(p.span)}`);
      assert.deepEqual(messages.sort(), [
        'invalid-annotation: lots',
        'invalid-annotation: orders-table',
        'invalid-annotation: soon',
        'invalid-annotation: teleporter',
        'invalid-annotation: yes-please',
        'unresolved-reference: nowhere',
      ]);
      assert.match(r.model.problems.find((p) => r.textOf(p.span) === 'teleporter')!.message, /unknown type "teleporter"; use one of kinesis/);
      assert.equal(r.node('mystery').kind, 'external');
      const misfed = r.model.problems.find((p) => r.textOf(p.span) === 'orders-table')!;
      assert.match(misfed.message, /"orders-table" is a dynamodb store and cannot invoke a stage; to consume its changes declare a source \{ type: dynamodb-stream, table: orders-table \}/);
      assert.equal(misfed.node, 'misfed');
    });

    it('reports an id declared twice at its second use', () => {
    const text = 'pipeline:\n  sources:\n    clicks: kinesis\n  stages:\n    clicks:\n      from: clicks\n';
    const r = readText(text, readPipeline);
    assert.equal(r.model.problems.length, 1);
    assert.match(r.model.problems[0].message, /"clicks" is declared twice in this pipeline/);
    assert.equal(r.model.problems[0].span.start, text.indexOf('clicks:\n      from'));
    assert.equal(r.node('clicks').kind, 'stream');
  });

  it('keeps going when pipeline: is not a mapping', () => {
      const r = readText('pipeline: just a string\n', readPipeline);
      assert.equal(r.model.problems[0].rule, 'invalid-annotation');
      assert.equal(r.textOf(r.model.problems[0].span), 'pipeline');
    });
  });

  describe('schemas', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas/pipeline.schema.json'), 'utf8'));
    const annotations = JSON.parse(readFileSync(join(root, 'schemas/annotations.schema.json'), 'utf8'));
    const pipeline = schema.properties.pipeline;

    it('lists exactly the component types the reader knows', () => {
      const enumOf = (section: string) => pipeline.properties[section].additionalProperties.oneOf[0].enum as string[];
      const listed = new Set([...enumOf('sources'), ...enumOf('stores'), ...enumOf('sinks')]);
      assert.deepEqual([...listed].sort(), Object.keys(COMPONENT_TYPES).sort());
    });

    it('describes every field, in both schemas', () => {
      const undescribed: string[] = [];
      const walk = (node: unknown, path: string) => {
        if (!node || typeof node !== 'object') return;
        const record = node as Record<string, unknown>;
        for (const [key, value] of Object.entries((record.properties as Record<string, unknown>) ?? {})) {
          if (!(value as { description?: string }).description) undescribed.push(`${path}.${key}`);
          walk(value, `${path}.${key}`);
        }
        for (const key of ['additionalProperties', 'definitions', 'items']) walk(record[key], `${path}.${key}`);
        for (const value of Object.values((record.definitions as Record<string, unknown>) ?? {})) walk(value, path);
        for (const value of (record.oneOf as unknown[]) ?? []) walk(value, path);
      };
      walk(schema, 'pipeline.schema');
      walk(annotations, 'annotations.schema');
      assert.deepEqual(undescribed, []);
    });

    it('accepts every key the example and fixtures use, and rejects unknown stage keys', () => {
      const stageKeys = Object.keys(pipeline.properties.stages.additionalProperties.properties);
      const componentKeys = Object.keys(pipeline.properties.sources.additionalProperties.oneOf[1].properties);
      for (const file of [join(root, 'examples/design/clickstream.pipeline.yaml'), join(__dirname, '../../fixtures/pipeline/orders.pipeline.yaml')]) {
        const doc = parseYaml(readFileSync(file, 'utf8')).doc!.toJS() as { pipeline: Record<string, Record<string, unknown>> };
        for (const stage of Object.values(doc.pipeline.stages)) {
          for (const key of Object.keys(stage as object)) assert.ok(stageKeys.includes(key), `stage key ${key}`);
        }
        for (const section of ['sources', 'stores', 'sinks']) {
          for (const component of Object.values(doc.pipeline[section] ?? {})) {
            if (typeof component === 'object') for (const key of Object.keys(component as object)) assert.ok(componentKeys.includes(key), `${section} key ${key}`);
          }
        }
      }
      assert.equal(pipeline.properties.stages.additionalProperties.additionalProperties, false);
    });

    it('annotation keys match what the annotation reader accepts', () => {
      const keys = Object.keys(annotations.definitions.annotation.properties).sort();
      assert.deepEqual(keys, [...ANNOTATION_KEYS].sort());
      assert.deepEqual(keys, ['duration', 'measuredAt', 'rate', 'shards', 'source', 'stateful', 'stores']);
    });
  });
});
