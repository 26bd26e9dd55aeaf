// Generated pipelines of a given size for layout tests and the layout benchmark: repeated stream -> function ->
// queue -> function -> table stages, with a DLQ per queue and some functions writing into a neighbour's table.
import type { PipelineModel } from '../../../src/core/model';
import type { GraphInput } from '../../../src/core/graph';
import { edge, fnNode, node } from './fixtures';

export function generatedPipeline(nodeCount: number): GraphInput {
  const model: PipelineModel = { format: 'cloudformation', nodes: [], edges: [], problems: [] };
  for (let group = 0; model.nodes.length < nodeCount; group++) {
    const id = (name: string) => `${name}${group}`;
    const stage = [
      node(id('Stream'), 'stream', 0, { stream: { shards: { value: 2, span: { start: 0, end: 1 } } } }),
      fnNode(id('enrich'), 0),
      node(id('Work'), 'queue', 0, { queue: { fifo: false, deadLetterFor: [] } }),
      fnNode(id('store'), 0),
      node(id('Table'), 'table', 0),
      node(id('WorkDlq'), 'queue', 0, { queue: { fifo: false, deadLetterFor: [id('Work')] } }),
    ].slice(0, nodeCount - model.nodes.length);
    model.nodes.push(...stage);
    const has = (name: string) => stage.some((n) => n.id === id(name));
    const link = (kind: Parameters<typeof edge>[0], from: string, to: string) => {
      if (has(from) && has(to)) model.edges.push(edge(kind, id(from), id(to)));
    };
    link('trigger', 'Stream', 'enrich');
    link('write', 'enrich', 'Work');
    link('trigger', 'Work', 'store');
    link('write', 'store', 'Table');
    link('dlq', 'Work', 'WorkDlq');
    if (group > 0 && group % 3 === 0 && has('store')) model.edges.push(edge('write', id('store'), `Table${group - 1}`));
  }
  return { model, findings: [], functions: [] };
}
