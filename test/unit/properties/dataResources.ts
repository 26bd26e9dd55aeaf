// Data safety as a checkable property: a fix never changes the logical id of an existing bucket, table, stream or
// queue, on any stage, nor a property whose change makes CloudFormation replace it (its name, key schema, FIFO).
// Serverless files are also read as deployed to another stage, since the framework derives some ids from names.
import * as assert from 'node:assert/strict';
import { isMap } from 'yaml';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { applyEdits, editContext, mapAtPath, setKey } from '../../../src/core/edit';
import type { NodeKind } from '../../../src/core/model';
import { parseYaml } from '../../../src/core/parse/parseYaml';

export const DATA_KINDS: readonly NodeKind[] = ['bucket', 'table', 'stream', 'queue'];

/** Properties whose change replaces the resource (CloudFormation "Update requires: Replacement"). */
const REPLACING: Record<string, string[]> = {
  'AWS::S3::Bucket': ['BucketName'],
  'AWS::SQS::Queue': ['QueueName', 'FifoQueue'],
  'AWS::DynamoDB::Table': ['TableName', 'KeySchema', 'LocalSecondaryIndexes'],
  'AWS::DynamoDB::GlobalTable': ['TableName', 'KeySchema', 'LocalSecondaryIndexes'],
  'AWS::Kinesis::Stream': ['Name'],
};

/** Data nodes the file defines or the framework creates for it: id -> kind. */
export function dataNodes(analysis: Analysis): Map<string, NodeKind> {
  return new Map(analysis.model.nodes.filter((n) => n.defined && DATA_KINDS.includes(n.kind)).map((n) => [n.id, n.kind]));
}

/** The same serverless file deployed to `stage` (provider.stage set), or undefined when it cannot be rewritten. */
export function onStage(text: string, stage: string): string | undefined {
  const parsed = parseYaml(text);
  const ctx = editContext(parsed);
  const provider = ctx && mapAtPath(ctx.doc.contents, ['provider']);
  if (!ctx || !isMap(provider) || provider.flow) return undefined;
  const edits = setKey(ctx, provider, 'stage', stage);
  return edits ? applyEdits(text, edits) : undefined;
}

/** Type and replacing properties of every resource written in the file, as JSON, by logical id. */
function replacingProperties(text: string): Map<string, string> | undefined {
  const { doc } = parseYaml(text);
  let js: unknown;
  try {
    js = doc?.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined; // an alias bomb or the like: the id checks still run
  }
  const root = (js ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const resources = (root.Resources ?? (root.resources as Record<string, unknown> | undefined)?.Resources ?? {}) as Record<string, { Type?: unknown; Properties?: Record<string, unknown> } | null>;
  const out = new Map<string, string>();
  for (const [id, resource] of Object.entries(resources ?? {})) {
    const type = typeof resource?.Type === 'string' ? resource.Type : undefined;
    if (!type || !REPLACING[type]) continue;
    out.set(id, JSON.stringify([type, ...REPLACING[type].map((p) => resource?.Properties?.[p] ?? null)]));
  }
  return out;
}

export interface DataSnapshot {
  asWritten: Map<string, NodeKind>;
  /** Serverless files only: the data nodes when deployed to stage `prod`. */
  onProd?: Map<string, NodeKind>;
  properties?: Map<string, string>;
}

/** What a fix must keep, taken once per file (before any fix). */
export function dataSnapshot(text: string, analysis: Analysis = analyze(text)): DataSnapshot {
  const prod = analysis.format === 'serverless' ? onStage(text, 'prod') : undefined;
  return { asWritten: dataNodes(analysis), onProd: prod === undefined ? undefined : dataNodes(analyze(prod)), properties: replacingProperties(text) };
}

/** Asserts that `after` keeps every data resource of `before`: same ids (as written and on stage `prod`), same replacing properties. */
export function assertDataResourcesKept(what: string, before: DataSnapshot | string, after: string, afterAnalysis: Analysis = analyze(after)): void {
  const snapshot = typeof before === 'string' ? dataSnapshot(before) : before;
  const checks: [string, Map<string, NodeKind>, () => Map<string, NodeKind> | undefined][] = [['as written', snapshot.asWritten, () => dataNodes(afterAnalysis)]];
  if (snapshot.onProd) {
    const onProd = snapshot.onProd;
    checks.push(['on stage prod', onProd, () => {
      const prod = onStage(after, 'prod');
      return prod === undefined ? undefined : dataNodes(analyze(prod));
    }]);
  }
  for (const [stage, expected, actual] of checks) {
    if (expected.size === 0) continue;
    const kept = actual();
    assert.ok(kept, `${what}: the fixed file can be read ${stage}`);
    for (const [id, kind] of expected) assert.equal(kept.get(id), kind, `${what}: the ${kind} ${id} keeps its logical id ${stage}\n${after}`);
  }
  if (!snapshot.properties || snapshot.properties.size === 0) return;
  const propsAfter = replacingProperties(after);
  if (!propsAfter) return;
  for (const [id, props] of snapshot.properties) assert.equal(propsAfter.get(id), props, `${what}: ${id} keeps its type, name and keys (no replacement)\n${after}`);
}
