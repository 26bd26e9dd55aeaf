// Test helpers for the SAM/CloudFormation/pipeline reader tests: read a fixture and look at what a user sees.
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { EdgeKind, PipelineEdge, PipelineModel, PipelineNode, Span } from '../../../src/core/model';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import type { ReadContext } from '../../../src/core/read/index';

export interface ReadResult {
  text: string;
  model: PipelineModel;
  node(id: string): PipelineNode;
  edge(from: string, to: string, kind: EdgeKind): PipelineEdge;
  hasEdge(from: string, to: string, kind: EdgeKind): boolean;
  textOf(span: Span | undefined): string;
  triggersInto(id: string): PipelineEdge[];
}

export function fixture(path: string): string {
  return readFileSync(join(__dirname, '../../fixtures', path), 'utf8');
}

export function readText(text: string, reader: (context: ReadContext) => PipelineModel): ReadResult {
  const model = reader({ parsed: parseYaml(text) });
  const textOf = (span: Span | undefined) => (span ? text.slice(span.start, span.end) : '');
  return {
    text,
    model,
    textOf,
    node(id) {
      const found = model.nodes.find((n) => n.id === id);
      assert.ok(found, `node ${id} in ${model.nodes.map((n) => n.id).join(', ')}`);
      return found;
    },
    edge(from, to, kind) {
      const found = model.edges.find((e) => e.from === from && e.to === to && e.kind === kind);
      assert.ok(found, `edge ${kind} ${from} -> ${to} in ${model.edges.map((e) => e.id).join(', ')}`);
      return found;
    },
    hasEdge: (from, to, kind) => model.edges.some((e) => e.from === from && e.to === to && e.kind === kind),
    triggersInto: (id) => model.edges.filter((e) => e.kind === 'trigger' && e.to === id),
  };
}
