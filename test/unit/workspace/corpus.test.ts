// The workspace over real multi-service data: cncb (ten services sharing one 1-shard stream through
// `${cf:cncb-event-stream-${opt:stage}.streamArn}`) and the hello-retail pair (a consumer naming the stream's ARN).
import { formatPipelines } from '../../../src/cli/output/pipelines';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { Workspace } from '../../../src/core/workspace';
import { CORPUS_DIR as CORPUS, describeCorpus } from '../../support/corpus';

const CNCB = join(CORPUS, 'multi/cncb');

function workspaceOf(paths: string[]): ReturnType<Workspace['joined']> {
  const ws = new Workspace();
  for (const p of paths) ws.update(p, analyze(readFileSync(p, 'utf8'), { path: p, readFile: () => undefined }));
  return ws.joined();
}

describeCorpus('workspace: the public corpus', () => {
  it('cncb: every stream consumer is joined to the 1-shard stream of cncb-event-stream (stage taken as any)', () => {
    const services = readdirSync(CNCB).filter((d) => existsSync(join(CNCB, d, 'serverless.yml')));
    const joined = workspaceOf(services.map((d) => join(CNCB, d, 'serverless.yml')));
    const producer = join(CNCB, 'Chapter01_event-stream/serverless.yml');
    assert.ok(joined.joins.length >= 9, `${joined.joins.length} joins`);
    assert.ok(joined.joins.every((j) => j.via === 'cf-output' && j.to.file === producer && j.to.id === 'Stream'));
    assert.deepEqual(joined.ambiguities, []);
    const listeners = joined.files.flatMap((f) => f.analysis.functions.filter((r) => r.id === 'listener' && r.concurrency.capKind === 'shards'));
    assert.ok(listeners.length >= 5, `${listeners.length} listeners capped by the stream`);
    for (const l of listeners) assert.equal(l.concurrency.capReason, '1 shard x parallelization factor 1');
    assert.ok(joined.graph.edges.filter((e) => e.via === 'cf-output' && e.kind === 'trigger').length >= 5);
    assert.ok(joined.pipelines[0].files.includes(producer) && joined.pipelines[0].files.length >= 6);
    // cncb declares no load: no busiest stage, but the lowest cap still says where the pipeline falls behind first.
    const shared = joined.pipelines.find((p) => p.files.includes(producer))!;
    assert.equal(shared.busiest, undefined);
    assert.equal(shared.lowestCap?.capReason, '1 shard x parallelization factor 1');
    assert.match(formatPipelines(joined), /cost unknown \(no load declared\); lowest cap: \S+ \S+ at 1 concurrent \(1 shard x parallelization factor 1\)/);
  });

  it('hello-retail: the catalog builder is joined to the retail stream by its ARN, and gets its 1-shard cap', () => {
    const paths = ['hello-retail_retail-stream.yml', 'hello-retail_product-catalog-builder.yml'].map((f) => join(CORPUS, 'serverless', f));
    const joined = workspaceOf(paths);
    assert.deepEqual(joined.joins.map((j) => [j.via, j.to.id]), [['arn', 'RetailStream']]);
    const builder = joined.files.find((f) => f.path === paths[1])!.analysis;
    assert.equal(builder.functions[0].concurrency.capReason, '1 shard x parallelization factor 1');
  });
});
