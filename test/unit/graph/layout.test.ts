import { strict as assert } from 'node:assert';
import { buildStageGraph, layoutStageGraph, type Box, type LaidOutGraph } from '../../../src/core/graph';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { clickstream } from './fixtures';
import { generatedPipeline } from './generated';

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function assertNoOverlaps(graph: LaidOutGraph): void {
  for (let i = 0; i < graph.nodes.length; i++) {
    for (let j = i + 1; j < graph.nodes.length; j++) {
      const [a, b] = [graph.nodes[i], graph.nodes[j]];
      assert.ok(!overlaps(a, b), `${a.id} (${a.x},${a.y}) overlaps ${b.id} (${b.x},${b.y})`);
    }
  }
}

describe('layoutStageGraph', () => {
  it('places the clickstream pipeline left to right without overlapping nodes', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()));
    assertNoOverlaps(graph);
    const x = Object.fromEntries(graph.nodes.map((n) => [n.id, n.x]));
    assert.ok(x.ClickStream < x.sessionize && x.sessionize < x.SessionsTable, JSON.stringify(x));
    assert.ok(x.Uploads < x.ingest && x.ingest < x.Jobs && x.Jobs < x.JobsDlq, JSON.stringify(x));
    for (const n of graph.nodes) {
      assert.ok(n.x + n.width <= graph.width && n.y + n.height <= graph.height, `${n.id} lies outside the drawing`);
    }
  });

  it('routes every edge out of its source right side into its target left side, orthogonally', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()));
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const edge of graph.edges) {
      const points = edge.sections.flat();
      const [first, last] = [points[0], points[points.length - 1]];
      const source = byId.get(edge.from)!;
      const target = byId.get(edge.to)!;
      assert.equal(first.x, source.x + source.width, `${edge.id} leaves from the right side`);
      assert.ok(last.x >= target.x - 1 && last.x <= target.x + 1, `${edge.id} enters on the left side`);
      for (let i = 1; i < points.length; i++) {
        const straight = points[i].x === points[i - 1].x || points[i].y === points[i - 1].y;
        assert.ok(straight, `${edge.id} segment ${i} is not orthogonal`);
      }
    }
  });

  it('places the clickstream pipeline top to bottom when asked, each edge leaving a node at the bottom and entering the next at the top', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()), { direction: 'DOWN' });
    assertNoOverlaps(graph);
    const y = Object.fromEntries(graph.nodes.map((n) => [n.id, n.y]));
    assert.ok(y.ClickStream < y.sessionize && y.sessionize < y.SessionsTable, JSON.stringify(y));
    assert.ok(y.Uploads < y.ingest && y.ingest < y.Jobs && y.Jobs < y.JobsDlq, JSON.stringify(y));
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const edge of graph.edges) {
      const points = edge.sections.flat();
      const [first, last] = [points[0], points[points.length - 1]];
      const source = byId.get(edge.from)!;
      const target = byId.get(edge.to)!;
      assert.equal(first.y, source.y + source.height, `${edge.id} leaves from the bottom side`);
      assert.ok(last.y >= target.y - 1 && last.y <= target.y + 1, `${edge.id} enters on the top side`);
      for (let i = 1; i < points.length; i++) {
        assert.ok(points[i].x === points[i - 1].x || points[i].y === points[i - 1].y, `${edge.id} segment ${i} is not orthogonal`);
      }
    }
    for (const edge of graph.edges.filter((e) => e.label !== '')) {
      for (const n of graph.nodes) assert.ok(!overlaps(edge.labelBox!, n), `label of ${edge.id} covers ${n.id}`);
    }
  });

  it('makes the drawing taller than wide top to bottom, and wider than tall left to right', async () => {
    const stage = buildStageGraph(clickstream());
    const right = await layoutStageGraph(stage, { direction: 'RIGHT' });
    const down = await layoutStageGraph(stage, { direction: 'DOWN' });
    assert.ok(right.width > right.height, `RIGHT ${right.width} x ${right.height}`);
    assert.ok(down.height > down.width, `DOWN ${down.width} x ${down.height}`);
    assert.ok(down.width < right.width / 2, `DOWN ${down.width} wide, RIGHT ${right.width} wide`);
  });

  it('asks ELK for the direction and the port sides that follow it', async () => {
    const seen: { direction?: string | number | boolean; sides: string[] }[] = [];
    const recorder = {
      layout: async (input: ElkNode) => {
        const sides = (input.children ?? []).flatMap((c) => (c.ports ?? []).map((p) => String(p.layoutOptions?.['elk.port.side'])));
        seen.push({ direction: input.layoutOptions?.['elk.direction'], sides: [...new Set(sides)].sort() });
        return { ...input, width: 0, height: 0 };
      },
    };
    await layoutStageGraph(buildStageGraph(clickstream()), { elk: recorder });
    await layoutStageGraph(buildStageGraph(clickstream()), { elk: recorder, direction: 'DOWN' });
    assert.deepEqual(seen, [
      { direction: 'RIGHT', sides: ['EAST', 'WEST'] },
      { direction: 'DOWN', sides: ['NORTH', 'SOUTH'] },
    ]);
  });

  it('gives each labelled edge a label box that overlaps no node', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()));
    const labelled = graph.edges.filter((e) => e.label !== '');
    assert.equal(labelled.length, 3);
    assert.ok(graph.edges.every((e) => (e.labelBox !== undefined) === (e.label !== '')));
    for (const edge of labelled) {
      for (const n of graph.nodes) assert.ok(!overlaps(edge.labelBox!, n), `label of ${edge.id} covers ${n.id}`);
    }
  });

  it('lays out a generated 120-node pipeline with no overlapping nodes', async () => {
    const graph = await layoutStageGraph(buildStageGraph(generatedPipeline(120)));
    assert.equal(graph.nodes.length, 120);
    assertNoOverlaps(graph);
  });

  it('lays out an empty graph', async () => {
    const graph = await layoutStageGraph({ nodes: [], edges: [] });
    assert.deepEqual({ nodes: graph.nodes.length, edges: graph.edges.length }, { nodes: 0, edges: 0 });
  });

  it('uses an injected layouter (e.g. one in a worker thread) instead of its own', async () => {
    const seen: string[] = [];
    const graph = await layoutStageGraph(buildStageGraph(clickstream()), {
      elk: {
        layout: async (input) => {
          seen.push(...(input.children ?? []).map((c) => c.id));
          return { ...input, width: 10, height: 10, children: input.children?.map((c) => ({ ...c, x: 1, y: 2 })) };
        },
      },
    });
    assert.equal(seen.length, 7);
    assert.deepEqual([graph.nodes[0].x, graph.nodes[0].y, graph.width], [1, 2, 10]);
  });
});
