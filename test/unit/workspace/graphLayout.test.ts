import * as assert from 'node:assert/strict';
import { laidOutWorkspaceGraph, workspaceGraphSvg } from '../../../src/core/workspace/layout';
import { joinFixtures } from './load';

const PATHS = ['cf-output/ingest/serverless.yml', 'cf-output/process/serverless.yml', 'ssm/store/template.yaml'];

describe('workspace graph: one ELK group per file', () => {
  it('puts every node inside its file group, and labels cross-file edges with the join', async () => {
    const graph = await laidOutWorkspaceGraph(joinFixtures(PATHS));
    assert.deepEqual(graph.groups?.map((g) => g.label), PATHS);
    for (const node of graph.nodes) {
      const file = node.id.slice(0, node.id.indexOf('#'));
      const group = graph.groups!.find((g) => g.id === file)!;
      assert.ok(node.x >= group.x && node.y >= group.y, `${node.id} inside ${file}`);
      assert.ok(node.x + node.width <= group.x + group.width && node.y + node.height <= group.y + group.height, `${node.id} inside ${file}`);
    }
    const cross = graph.edges.find((e) => e.from === 'cf-output/ingest/serverless.yml#ClickStream' && e.to === 'cf-output/process/serverless.yml#sessionize')!;
    assert.match(cross.label, /via cf-output$/);
    assert.match(cross.joinedHow ?? '', /output ClickStreamArn of stack ingest-dev \(cf-output\/ingest\/serverless\.yml\)/);
    assert.equal(graph.edges.filter((e) => e.joinedHow).every((e) => e.from.split('#')[0] !== e.to.split('#')[0]), true, 'only cross-file edges say how they joined');
    assert.ok(cross.sections[0].length >= 2);
    const start = cross.sections[0][0];
    const source = graph.nodes.find((n) => n.id === cross.from)!;
    assert.ok(Math.abs(start.x - (source.x + source.width)) <= 1, `edge starts at its source's right side (${start.x} vs ${source.x + source.width})`);
  });

  it('lays a read of another file\'s store out store first (no cycle between the files), drawn from the reader to the store', async () => {
    const graph = await laidOutWorkspaceGraph(joinFixtures(PATHS.slice(0, 2)));
    const group = (file: string) => graph.groups!.find((g) => g.id === file)!;
    assert.ok(group(PATHS[0]).x + group(PATHS[0]).width <= group(PATHS[1]).x, 'the producer file left of the consumer file');
    const read = graph.edges.find((e) => e.from === `${PATHS[1]}#sessionize` && e.to === `${PATHS[0]}#SessionsTable`)!;
    assert.equal(read.kind, 'read');
    const points = read.sections.flat();
    const inside = (p: { x: number; y: number }, id: string) => {
      const n = graph.nodes.find((x) => x.id === id)!;
      return p.x >= n.x - 1 && p.x <= n.x + n.width + 1 && p.y >= n.y - 1 && p.y <= n.y + n.height + 1;
    };
    assert.ok(inside(points[0], read.from), `starts at the reader ${JSON.stringify(points[0])}`);
    assert.ok(inside(points[points.length - 1], read.to), `ends (arrow) at the store ${JSON.stringify(points[points.length - 1])}`);
    const left = Math.min(...points.map((p) => p.x));
    assert.ok(left >= group(PATHS[0]).x, 'not routed around the whole graph');
  });

  it('the SVG draws the groups with their file names', async () => {
    const svg = await workspaceGraphSvg(joinFixtures(PATHS));
    assert.equal((svg.match(/class="pl-group-box"/g) ?? []).length, 3);
    assert.match(svg, />cf-output\/process\/serverless\.yml</);
    assert.match(svg, /<title>[^<]*via cf-output\n\$\{cf:\} output ClickStreamArn of stack ingest-dev/, 'the edge tooltip says how it joined');
  });
});
