// `custom.pipelineLens` (CONTRACT.md section 1): load annotations per function key, per source node, and region.
import { isScalar, Pair, Scalar, YAMLMap } from 'yaml';
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

/**
 * The annotation block with variables resolved (`rate: ${self:custom.rate}`), so readAnnotation sees values;
 * a value that stays unresolved is reported as such and left out rather than called malformed.
 */
function resolvedBlock(context: ServerlessContext, entry: Entry, nodeId: string): YAMLMap | undefined {
  const original = asMap(entry.value.node);
  if (!original) return undefined;
  const copy = new YAMLMap();
  copy.range = original.range;
  for (const value of context.resolver.entries(entry.value)) {
    if (value.value.unresolved.length > 0) {
      context.unresolved(value.value, `The Pipeline Lens annotation ${value.key} of ${entry.key}`, nodeId);
      continue;
    }
    const key = new Scalar(value.key);
    key.range = [value.keySpan.start, value.keySpan.end, value.keySpan.end];
    const scalar = isScalar(value.value.node) || value.value.node === undefined ? new Scalar(value.value.text) : undefined;
    if (scalar) scalar.range = [value.value.span.start, value.value.span.end, value.value.span.end];
    copy.items.push(new Pair(key, scalar ?? value.value.node));
  }
  return copy;
}

function annotationOf(context: ServerlessContext, entry: Entry, nodeId: string) {
  const before = context.builder.problems.length;
  const map = resolvedBlock(context, entry, nodeId);
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
