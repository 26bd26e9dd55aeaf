import { strict as assert } from 'node:assert';
import { buildStageGraph, nodeDetails } from '../../../src/core/graph';
import { clickstream, edge, finding, fnNode, node, report } from './fixtures';

describe('buildStageGraph', () => {
  it('keeps every edge pointing the way data flows: source -> function -> sink', () => {
    const graph = buildStageGraph(clickstream());
    const pairs = graph.edges.map((e) => `${e.from} -> ${e.to}`);
    assert.deepEqual(pairs, [
      'ClickStream -> sessionize',
      'sessionize -> SessionsTable',
      'Uploads -> ingest',
      'ingest -> Jobs',
      'Jobs -> JobsDlq',
    ]);
  });

  it('labels edges with what matters: batch and shards x PF, async retries, DLQ receive count', () => {
    const labels = Object.fromEntries(buildStageGraph(clickstream()).edges.map((e) => [e.id, e.label]));
    assert.equal(labels['trigger:ClickStream->sessionize'], 'batch 100 · 4 shards × PF 2');
    assert.equal(labels['trigger:Uploads->ingest'], 'async · 2 retries');
    assert.equal(labels['dlq:Jobs->JobsDlq'], 'DLQ after 5');
    assert.equal(labels['write:sessionize->SessionsTable'], '', 'a write edge is told by its dotted line, not a label');
  });

  it('uses the function own async retry setting and says when the shard count is unknown', () => {
    const input = clickstream();
    const ingest = input.model.nodes.find((n) => n.id === 'ingest');
    ingest!.fn!.async.maximumRetryAttempts = { value: 0, span: { start: 0, end: 1 } };
    input.model.nodes.find((n) => n.id === 'ClickStream')!.stream = {};
    const labels = Object.fromEntries(buildStageGraph(input).edges.map((e) => [e.id, e.label]));
    assert.equal(labels['trigger:Uploads->ingest'], 'async · 0 retries');
    assert.equal(labels['trigger:ClickStream->sessionize'], 'batch 100 · ? shards × PF 2');
  });

  it('shows cost per day and expected/cap concurrency on function nodes, "?" when unknown', () => {
    const graph = buildStageGraph(clickstream());
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('sessionize')!.subtitle, '$513/day · conc 150/8');
    assert.deepEqual(
      { cost: byId.get('sessionize')!.fn!.costPerDayUsd, expected: byId.get('sessionize')!.fn!.concurrencyExpected },
      { cost: 513.02, expected: 150 },
    );
    assert.equal(byId.get('ingest')!.subtitle, '$0.0042/day · conc ?/1,000');
    assert.equal(byId.get('ClickStream')!.subtitle, 'Kinesis stream · 4 shards');
    assert.equal(byId.get('JobsDlq')!.subtitle, 'SQS queue · DLQ');
  });

  it('says "load unknown" with the cap on a function whose load is unknown, instead of "cost ?"', () => {
    const input = clickstream();
    input.functions = input.functions.map((f) => (f.id === 'ingest' ? report('ingest', null, null, 1000) : f));
    const byId = new Map(buildStageGraph(input).nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('ingest')!.subtitle, 'load unknown · cap 1,000');
    assert.equal(byId.get('sessionize')!.subtitle, '$513/day · conc 150/8');
  });

  it('counts findings per node and per edge, with the worst severity', () => {
    const graph = buildStageGraph(clickstream());
    const sessionize = graph.nodes.find((n) => n.id === 'sessionize')!;
    assert.deepEqual(sessionize.findings, { error: 1, warning: 0, info: 1 });
    assert.equal(sessionize.worst, 'error');
    assert.deepEqual(sessionize.findingIndexes, [0, 2]);
    const ingest = graph.nodes.find((n) => n.id === 'ingest')!;
    assert.equal(ingest.worst, 'warning');
    const trigger = graph.edges.find((e) => e.id === 'trigger:Uploads->ingest')!;
    assert.equal(trigger.worst, 'warning');
    assert.deepEqual(trigger.findingIndexes, [1]);
    assert.equal(graph.nodes.find((n) => n.id === 'Jobs')!.worst, undefined);
  });

  it('marks only async triggers into a function as places for a buffer queue', () => {
    const graph = buildStageGraph(clickstream());
    const bufferable = graph.edges.filter((e) => e.bufferable).map((e) => e.id);
    assert.deepEqual(bufferable, ['trigger:Uploads->ingest']);
  });

  it('flags edges that exist only under a CloudFormation condition, directly or through an end', () => {
    const graph = buildStageGraph({
      model: {
        format: 'cloudformation',
        nodes: [node('Topic', 'topic', 0, { condition: 'IsProd' }), fnNode('alert', 10), node('Archive', 'bucket', 20)],
        edges: [edge('trigger', 'Topic', 'alert'), edge('write', 'alert', 'Archive', { condition: 'HasArchive' })],
        problems: [],
      },
      findings: [],
      functions: [report('alert', 1, 1, 10)],
    });
    assert.deepEqual(
      graph.edges.map((e) => e.conditional),
      [true, true],
    );
    assert.equal(graph.nodes.find((n) => n.id === 'Topic')!.conditional, true);
    assert.equal(graph.nodes.find((n) => n.id === 'alert')!.conditional, false);
  });

  it('drops an edge whose end is not in the model instead of drawing it to nowhere', () => {
    const graph = buildStageGraph({
      model: { format: 'pipeline', nodes: [fnNode('a', 0)], edges: [edge('write', 'a', 'Missing')], problems: [] },
      findings: [finding('queue-without-dlq', 'warning', { node: 'Missing' })],
      functions: [],
    });
    assert.equal(graph.edges.length, 0);
    assert.equal(graph.nodes[0].subtitle, 'cost ? · concurrency ?');
  });

  it('sizes nodes wide enough for their text', () => {
    const graph = buildStageGraph({
      model: { format: 'pipeline', nodes: [node('a-rather-long-logical-id-for-a-queue', 'queue', 0), node('q', 'queue', 1)], edges: [], problems: [] },
      findings: [],
      functions: [],
    });
    assert.ok(graph.nodes[0].width > graph.nodes[1].width);
    assert.ok(graph.nodes[1].width >= 150);
  });
});

describe('nodeDetails', () => {
  it('lists a function facts, cost and concurrency with the cap reason, and warns when over the cap', () => {
    const details = nodeDetails(clickstream()).sessionize;
    const facts = Object.fromEntries(details.facts.map((f) => [f.label, f.value]));
    assert.equal(facts.Memory, '1024 MB');
    assert.equal(facts.Cost, '$513/day · $15,596/month');
    assert.equal(facts.Concurrency, '150 expected / 8 cap');
    assert.equal(facts.Cap, '8 shards x parallelization factor 1');
    assert.ok(details.hints.some((h) => h.includes('exceeds the cap of 8')));
  });

  it('says how to declare a missing load or shard count instead of guessing', () => {
    const input = clickstream();
    input.model.nodes.find((n) => n.id === 'ClickStream')!.stream = {};
    input.functions = [input.functions[0], report('ingest', null, null, 1000)];
    const details = nodeDetails(input);
    assert.ok(details.ingest.hints.some((h) => h.startsWith('Load unknown: declare `rate` and `duration`')));
    assert.equal(details.ClickStream.facts.find((f) => f.label === 'Shards')!.value, 'unknown');
    assert.ok(details.ClickStream.hints[0].startsWith('Shard count unknown'));
  });

  it('shows a queue redrive target and receive count', () => {
    const facts = nodeDetails(clickstream()).Jobs.facts;
    assert.deepEqual(facts.find((f) => f.label === 'Dead-letter queue'), { label: 'Dead-letter queue', value: 'JobsDlq after 5 receives' });
    assert.equal(facts.find((f) => f.label === 'Visibility timeout')!.value, '30 s (AWS default)');
  });
});
