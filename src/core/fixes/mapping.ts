// Where an event source mapping's settings are written, per format: the serverless event's settings mapping
// (`- stream: {...}`), the SAM event's `Properties`, or the AWS::Lambda::EventSourceMapping's `Properties`.
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { ancestorsAt, insertPairs, ownPair, rangeOf, replaceScalar, seqItemAt, type YamlValue } from '../edit';
import type { TextEdit } from '../findings';
import type { PipelineEdge, Span } from '../model';
import { samEventAt } from './buffer/samS3';
import type { FixContext } from './context';

export interface MappingSettings {
  map: YAMLMap;
  /** Key spelling: serverless writes `parallelizationFactor`, CloudFormation `ParallelizationFactor`. */
  key: (camel: string) => string;
}

const pascal = (camel: string) => camel.charAt(0).toUpperCase() + camel.slice(1);

/** Only the analysis and the edit context are read (the what-if apply has no finding). */
export type MappingContext = Pick<FixContext, 'analysis' | 'edit'>;

export function mappingSettings(ctx: MappingContext, edge: PipelineEdge): MappingSettings | undefined {
  const span = edge.trigger?.eventSpan;
  if (!span) return undefined;
  let map: unknown;
  if (ctx.analysis.format === 'serverless') {
    const item = seqItemAt(ctx.edit.doc, span.start)?.item;
    map = isMap(item) && item.items.length === 1 ? item.items[0].value : undefined;
  } else if (ctx.analysis.format === 'sam') {
    const event = samEventAt(ctx, span.start);
    map = event ? ownPair(event, 'Properties')?.value : undefined;
  } else {
    const chain = ancestorsAt(ctx.edit.doc, span.start);
    const resource = chain.find((n) => isMap(n) && rangeOf(n)?.[0] === span.start && ownPair(n as YAMLMap, 'Properties'));
    map = resource ? ownPair(resource as YAMLMap, 'Properties')?.value : undefined;
  }
  if (!isMap(map) || (map.flow && !ctx.edit.json)) return undefined;
  return { map, key: ctx.analysis.format === 'serverless' ? (k) => k : pascal };
}

/** Replaces the plain number written at `span`, or undefined when something else is written there. */
export function replaceNumberAt(ctx: FixContext, span: Span, value: number): TextEdit[] | undefined {
  const chain = ancestorsAt(ctx.edit.doc, span.start);
  const node = chain[chain.length - 1];
  if (!isScalar(node) || node.tag || typeof node.value !== 'number' || rangeOf(node)?.[0] !== span.start) return undefined;
  return replaceScalar(ctx.edit, node, value);
}

/** Sets a numeric mapping setting: replaces its literal, or adds the key. */
export function setMappingNumber(ctx: FixContext, settings: MappingSettings, camel: string, value: YamlValue): TextEdit[] | undefined {
  const key = settings.key(camel);
  const current = ownPair(settings.map, key)?.value;
  if (current === undefined) return insertPairs(ctx.edit, settings.map, { [key]: value });
  if (!isScalar(current) || current.tag || typeof current.value !== 'number') return undefined;
  return replaceScalar(ctx.edit, current, value);
}
