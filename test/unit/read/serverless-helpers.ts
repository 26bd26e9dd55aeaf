// Test helpers for the serverless reader tests: read a fixture (with its includes) and look at what a user sees.
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import type { EdgeKind, FunctionFacts, PipelineEdge, PipelineModel, PipelineNode, ReadProblem, Span, TriggerFacts } from '../../../src/core/model';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import { readServerless } from '../../../src/core/read/serverless/index';

export const FIXTURES = join(__dirname, '../../fixtures/serverless');

export interface Read {
  text: string;
  model: PipelineModel;
  /** Paths the reader asked for through readFile. */
  requested: string[];
  spanText(span: Span | undefined): string;
  node(id: string): PipelineNode;
  fn(id: string): FunctionFacts;
  edge(from: string, to: string, kind: EdgeKind): PipelineEdge;
  trigger(from: string, to: string): TriggerFacts;
  hasEdge(from: string, to: string, kind: EdgeKind): boolean;
  problems(rule?: ReadProblem['rule']): ReadProblem[];
}

/** Files a test serves to the reader instead of the disk: path (relative to the analysed file) -> text. */
export type Files = Record<string, string>;

export function readFixture(name: string, files?: Files): Read {
  return readServerlessText(readFileSync(join(FIXTURES, name), 'utf8'), files, `${FIXTURES}/${name}`);
}

export function readServerlessText(text: string, files?: Files, path = `${FIXTURES}/serverless.yml`): Read {
  const requested: string[] = [];
  // As the adapters do: the path is relative to the analysed file.
  const readFile = (wanted: string) => {
    requested.push(wanted);
    if (files) return files[wanted];
    try {
      return readFileSync(join(dirname(path), wanted), 'utf8');
    } catch {
      return undefined;
    }
  };
  const model = readServerless({ parsed: parseYaml(text), path, readFile });
  const spanText = (span: Span | undefined) => (span ? text.slice(span.start, span.end) : '');
  const find = (from: string, to: string, kind: EdgeKind) => model.edges.find((e) => e.from === from && e.to === to && e.kind === kind);
  const read: Read = {
    text,
    model,
    requested,
    spanText,
    node(id) {
      const found = model.nodes.find((n) => n.id === id);
      assert.ok(found, `node ${id} not in ${model.nodes.map((n) => n.id).join(', ')}`);
      return found;
    },
    fn(id) {
      const facts = read.node(id).fn;
      assert.ok(facts, `${id} is not a function`);
      return facts;
    },
    edge(from, to, kind) {
      const found = find(from, to, kind);
      assert.ok(found, `edge ${kind} ${from} -> ${to} not in ${model.edges.map((e) => e.id).join(', ')}`);
      return found;
    },
    trigger(from, to) {
      const facts = read.edge(from, to, 'trigger').trigger;
      assert.ok(facts, `trigger ${from} -> ${to} has no facts`);
      return facts;
    },
    hasEdge: (from, to, kind) => find(from, to, kind) !== undefined,
    problems: (rule) => model.problems.filter((p) => rule === undefined || p.rule === rule),
  };
  return read;
}
