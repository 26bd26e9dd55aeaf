// `custom.pipelineLens` (CONTRACT.md section 1): load annotations per function key, per source node, and region.
import type { YAMLMap } from 'yaml';
import type { ServerlessContext } from './context';
import { readAnnotation } from '../annotations';
import { asMap } from '../../parse/nodes';
import { pinSpans } from './spans';
import type { Entry, View } from '../../resolve/view';

export function readPipelineLensBlock(context: ServerlessContext, block: View | undefined): void {
  if (!block) return;
  const { resolver, builder } = context;
  for (const entry of resolver.entries(resolver.get(block, 'functions'))) {
    const node = builder.getNode(entry.key);
    if (!node?.fn) {
      builder.problem('invalid-annotation', `Pipeline Lens annotation: there is no function "${entry.key}" under functions:.`, entry.keySpan);
      continue;
    }
    node.fn.annotation = annotationOf(context, entry, node.id);
  }
  for (const entry of resolver.entries(resolver.get(block, 'sources'))) {
    const node = builder.getNode(entry.key) ?? builder.allNodes().find((n) => n.label === entry.key && n.kind !== 'function');
    if (!node) {
      builder.problem('invalid-annotation', `Pipeline Lens annotation: no source "${entry.key}" in this file (use a logical id or the ARN written in the event).`, entry.keySpan);
      continue;
    }
    node.annotation = annotationOf(context, entry, node.id);
  }
}

function annotationOf(context: ServerlessContext, entry: Entry, nodeId: string) {
  const before = context.builder.problems.length;
  const map = asMap(entry.value.node) as YAMLMap | undefined;
  if (!map) {
    context.builder.problem('invalid-annotation', `Pipeline Lens annotation: "${entry.key}" must be a mapping of rate, duration, stateful, stores, shards.`, entry.keySpan, nodeId);
  }
  const annotation = readAnnotation(map, entry.keySpan, context.builder, entry.value.doc, nodeId);
  if (entry.value.included) {
    pinSpans(annotation, entry.value.included);
    for (const problem of context.builder.problems.slice(before)) problem.span = { ...entry.value.included };
  }
  return annotation;
}
