import { strict as assert } from 'node:assert';
import { buildStageGraph, graphToJson, layoutStageGraph, toDot } from '../../../src/core/graph';
import { clickstream, node } from './fixtures';

describe('graph JSON and DOT', () => {
  it('writes laid-out nodes with coordinates and contract kinds, edges with their points', async () => {
    const json = graphToJson(await layoutStageGraph(buildStageGraph(clickstream()))) as {
      nodes: { id: string; kind: string; x: number; width: number; costPerDayUsd?: number }[];
      edges: { from: string; to: string; kind: string; label: string; points: { x: number; y: number }[][] }[];
    };
    const sessionize = json.nodes.find((n) => n.id === 'sessionize')!;
    assert.equal(sessionize.kind, 'function');
    assert.equal(sessionize.costPerDayUsd, 513.02);
    assert.ok(sessionize.width > 0);
    const dlq = json.edges.find((e) => e.kind === 'dlq')!;
    assert.deepEqual([dlq.from, dlq.to, dlq.label], ['Jobs', 'JobsDlq', 'DLQ after 5']);
    assert.ok(dlq.points[0].length >= 2);
  });

  it('writes DOT left to right with escaped names and labels', () => {
    const input = clickstream();
    input.model.nodes.push(node('Odd "name" \\ here', 'external', 900));
    const dot = toDot(buildStageGraph(input));
    assert.match(dot, /rankdir=LR/);
    assert.match(dot, /"ClickStream" -> "sessionize" \[label="batch 100 · 4 shards × PF 2"/);
    assert.ok(dot.includes('"Odd \\"name\\" \\\\ here"'));
    assert.match(dot, /"Uploads" -> "ingest" \[[^\]]*color=orange/);
  });
});
