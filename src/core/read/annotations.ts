// Reads a Pipeline Lens annotation block (custom.pipelineLens.functions.X, Metadata.PipelineLens, a pipeline stage)
// into a LoadAnnotation. Malformed values become invalid-annotation problems, never exceptions.
import type { Document, Pair, YAMLMap } from 'yaml';
import type { LoadAnnotation, Span } from '../model';
import type { ModelBuilder } from './builder';
import { deref, items, keySpan, keyText, pairs, scalarBool, scalarNumber, scalarText, spanOf } from '../parse/nodes';
import { parseDuration, parseRate } from './quantities';

/** Keys an annotation may hold; other keys of the block are left to the caller (e.g. a stage's `from`). */
export const ANNOTATION_KEYS = ['rate', 'duration', 'stateful', 'stores', 'shards', 'source', 'measuredAt'] as const;

/** `2026-11-30`, `2026-11-30T18:00:00Z`, `2026-11-30T18:00:00.000+01:00`. */
const ISO_DATE = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;

export function readAnnotation(
  block: YAMLMap | undefined,
  span: Span,
  builder: ModelBuilder,
  doc?: Document,
  nodeId?: string,
): LoadAnnotation {
  const annotation: LoadAnnotation = { span, blockSpan: block ? spanOf(block) : undefined };
  for (const pair of pairs(block, doc)) {
    readKey(annotation, pair, builder, doc, nodeId);
  }
  return annotation;
}

function readKey(annotation: LoadAnnotation, pair: Pair, builder: ModelBuilder, doc: Document | undefined, nodeId?: string): void {
  const key = keyText(pair);
  const valueNode = deref(doc, pair.value);
  const span = spanOf(valueNode, keySpan(pair).end);
  const bad = (message: string) => builder.problem('invalid-annotation', message, span.end > span.start ? span : keySpan(pair), nodeId);
  switch (key) {
    case 'rate': {
      const parsed = parseRate(scalarText(valueNode));
      if (parsed.ok) annotation.rate = { value: parsed.value, span };
      else bad(`Pipeline Lens annotation: ${parsed.error}.`);
      break;
    }
    case 'duration': {
      const number = scalarNumber(valueNode);
      const parsed = parseDuration(number ?? scalarText(valueNode));
      if (parsed.ok) annotation.durationMs = { value: parsed.value, span };
      else bad(`Pipeline Lens annotation: ${parsed.error}.`);
      break;
    }
    case 'stateful': {
      const value = scalarBool(valueNode);
      if (value === undefined) bad('Pipeline Lens annotation: stateful must be true or false.');
      else annotation.stateful = { value, span };
      break;
    }
    case 'stores': {
      const names = items(valueNode, doc).map((n) => scalarText(n));
      if (names.some((n) => n === undefined)) bad('Pipeline Lens annotation: stores must be a list of logical ids or names.');
      else annotation.stores = { value: names as string[], span };
      break;
    }
    case 'shards': {
      const value = scalarNumber(valueNode);
      if (value === undefined || value < 1 || !Number.isInteger(value)) bad('Pipeline Lens annotation: shards must be a whole number of at least 1.');
      else annotation.shards = { value, span };
      break;
    }
    case 'source': {
      const value = scalarText(valueNode);
      if (value === 'measured' || value === 'declared') annotation.source = { value, span };
      else bad('Pipeline Lens annotation: source must be measured or declared.');
      break;
    }
    case 'measuredAt': {
      const value = scalarText(valueNode);
      if (value !== undefined && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) annotation.measuredAt = { value, span };
      else bad('Pipeline Lens annotation: measuredAt must be an ISO 8601 date, e.g. 2026-11-30 or 2026-11-30T18:00:00Z.');
      break;
    }
    default:
      break;
  }
}
