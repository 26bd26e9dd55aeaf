import { strict as assert } from 'node:assert';
import {
  buildStageGraph,
  el,
  graphSvg,
  layoutStageGraph,
  renderGraphTree,
  serializeSvg,
  type SvgElement,
} from '../../../src/core/graph';
import { clickstream, edge, fnNode, node } from './fixtures';

const XSS = '<img src=x onerror=alert(1)>';

function find(tree: SvgElement, keep: (e: SvgElement) => boolean): SvgElement[] {
  const out: SvgElement[] = keep(tree) ? [tree] : [];
  for (const child of tree.children) if (typeof child !== 'string') out.push(...find(child, keep));
  return out;
}

function textOf(tree: SvgElement): string {
  return tree.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

describe('renderGraphTree and serializeSvg', () => {
  it('writes a resource named like markup as escaped text, never as an element', async () => {
    const svg = await graphSvg({
      model: {
        format: 'cloudformation',
        nodes: [node(XSS, 'queue', 0), fnNode('worker', 10)],
        edges: [edge('trigger', XSS, 'worker')],
        problems: [],
      },
      findings: [],
      functions: [],
    });
    assert.ok(!svg.includes('<img'), 'no <img element in the SVG');
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the name appears as text');
    assert.ok(svg.includes('data-node-id="&lt;img src=x onerror=alert(1)&gt;"'), 'the id is an escaped attribute');
  });

  it('escapes quotes in attributes so a name cannot close one', () => {
    const out = serializeSvg(el('g', { 'data-node-id': `a" onload="x` }, ['t & <u>']));
    assert.equal(out, '<g data-node-id="a&quot; onload=&quot;x">t &amp; &lt;u&gt;</g>');
  });

  it('refuses tag or attribute names that are not plain names', () => {
    assert.throws(() => serializeSvg(el('g', { 'on load': 'x' })), /attribute name/);
    assert.throws(() => serializeSvg(el('script src=x')), /tag name/);
  });

  it('draws one group per node and edge, tagged with their ids, severities and selection', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()));
    const tree = renderGraphTree(graph, { selectedId: 'ingest' });
    const nodes = find(tree, (e) => e.attrs['data-node-id'] !== undefined && e.tag === 'g' && String(e.attrs.class).startsWith('pl-node'));
    assert.equal(nodes.length, 7);
    const classOf = (id: string) => String(nodes.find((n) => n.attrs['data-node-id'] === id)!.attrs.class);
    assert.match(classOf('sessionize'), /pl-sev-error/);
    assert.match(classOf('ingest'), /pl-selected/);
    assert.doesNotMatch(classOf('sessionize'), /pl-selected/);
    const edges = find(tree, (e) => String(e.attrs.class ?? '').startsWith('pl-edge pl-edge-'));
    assert.equal(edges.length, 5);
    const asyncEdge = edges.find((e) => e.attrs['data-edge-id'] === 'trigger:Uploads->ingest')!;
    assert.match(String(asyncEdge.attrs.class), /pl-sev-warning/);
  });

  it('shows the name, the cost line, the finding count and a tooltip with the full name', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()));
    const tree = renderGraphTree(graph);
    const sessionize = find(tree, (e) => e.attrs['data-node-id'] === 'sessionize' && e.tag === 'g')[0];
    const text = textOf(sessionize);
    assert.ok(text.includes('sessionize'));
    assert.ok(text.includes('$513/day · conc 150/8'));
    const badge = find(sessionize, (e) => String(e.attrs.class ?? '').startsWith('pl-badge'))[0];
    assert.equal(textOf(badge), '2');
    const over = find(sessionize, (e) => e.attrs.class === 'pl-subtitle pl-over');
    assert.equal(over.length, 1, 'expected concurrency above the cap is flagged');
  });

  it('shortens a long name on the node and keeps it whole in the tooltip', async () => {
    const long = 'ThisIsAVeryLongLogicalIdForAQueueThatGoesOnAndOn';
    const graph = await layoutStageGraph(
      buildStageGraph({ model: { format: 'sam', nodes: [node(long, 'queue', 0)], edges: [], problems: [] }, findings: [], functions: [] }),
    );
    const group = find(renderGraphTree(graph), (e) => e.attrs['data-node-id'] === long)[0];
    const label = find(group, (e) => e.attrs.class === 'pl-label')[0];
    assert.equal(textOf(label), 'ThisIsAVeryLongLogicalIdForAQ…');
    assert.ok(textOf(find(group, (e) => e.tag === 'title')[0]).startsWith(long));
  });

  it('embeds the stylesheet only in standalone output', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()));
    assert.equal(find(renderGraphTree(graph), (e) => e.tag === 'style').length, 0);
    const style = find(renderGraphTree(graph, { standalone: true }), (e) => e.tag === 'style');
    assert.equal(style.length, 1);
    assert.match(textOf(style[0]), /var\(--vscode-editorError-foreground, #e51400\)/);
  });

  it('says so when the file has no stages', async () => {
    const tree = renderGraphTree(await layoutStageGraph({ nodes: [], edges: [] }));
    assert.ok(textOf(tree).includes('No pipeline stages found'));
  });
});

describe('interactive rendering', () => {
  it('adds a wide invisible hit path per edge only when asked', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()));
    const hits = (tree: SvgElement) => find(tree, (e) => e.attrs.class === 'pl-edge-hit').length;
    assert.equal(hits(renderGraphTree(graph)), 0);
    assert.equal(hits(renderGraphTree(graph, { interactive: true })), 5);
  });
});

describe('edge label wrapping', () => {
  it('stacks a long label at its separators, one line per tspan', async () => {
    const graph = await layoutStageGraph(buildStageGraph(clickstream()));
    const tree = renderGraphTree(graph);
    const group = find(tree, (e) => e.attrs.class === 'pl-edge-label-group' && e.attrs['data-edge-id'] === 'trigger:ClickStream->sessionize')[0];
    const lines = find(group, (e) => e.tag === 'tspan').map(textOf);
    assert.deepEqual(lines, ['batch 100', '4 shards × PF 2']);
    const box = graph.edges.find((e) => e.id === 'trigger:ClickStream->sessionize')!.labelBox!;
    assert.ok(box.height >= 28, `two lines fit in the label box (height ${box.height})`);
  });
});
