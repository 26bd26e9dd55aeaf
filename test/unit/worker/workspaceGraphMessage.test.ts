import * as assert from 'node:assert/strict';
import { buildWorkspaceGraphMessage, workspaceFindingAt } from '../../../src/extension/worker/workspaceGraphMessage';
import { joinFixtures } from '../workspace/load';

describe('extension: the workspace graph message', () => {
  it('numbers findings across files, points nodes at them, and maps an index back to its file', async () => {
    const joined = joinFixtures(['exports/orders/serverless.yml', 'exports/fulfil/template.yaml']);
    const message = await buildWorkspaceGraphMessage(joined, 7);
    assert.equal(message.version, 7);
    assert.match(message.fileName, /^Workspace \(2 files, 2 joins\)$/);
    const total = joined.files.reduce((n, f) => n + f.analysis.findings.length, 0);
    assert.equal(message.findings.length, total);
    message.findings.forEach((f, i) => assert.equal(f.index, i));
    const queue = message.graph.nodes.find((n) => n.id === 'exports/orders/serverless.yml#OrdersQueue')!;
    assert.deepEqual(queue.findingIndexes.map((i) => message.findings[i].rule).sort(), ['queue-without-dlq', 'visibility-timeout-too-short']);
    for (const i of queue.findingIndexes) {
      const at = workspaceFindingAt(joined, i)!;
      assert.equal(at.path, 'exports/orders/serverless.yml');
      assert.equal(joined.files[0].analysis.findings[at.findingIndex].node, 'OrdersQueue');
    }
    assert.equal(workspaceFindingAt(joined, total), undefined);
    assert.deepEqual(message.details['exports/orders/serverless.yml#OrdersQueue'].facts[0], { label: 'File', value: 'exports/orders/serverless.yml' });
  });

  it('lists each connected pipeline: the one across files first, with its cost per day and busiest stage', async () => {
    const joined = joinFixtures(['exports/orders/serverless.yml', 'cf-output/ingest/serverless.yml', 'cf-output/process/serverless.yml']);
    const message = await buildWorkspaceGraphMessage(joined, 1);
    const [first] = message.pipelines ?? [];
    assert.ok(first, 'pipelines listed');
    assert.equal(first.title, 'Pipeline 1 · 2 files, 2 functions');
    assert.match(first.cost, /^\$[\d.,]+\/day \(\+1 function\(s\) with unknown load\)$/);
    assert.equal(first.busiest?.text, 'Busiest: cf-output/process/serverless.yml sessionize at 8.333 of 4 concurrent (4 shards x parallelization factor 1)');
    assert.ok(message.graph.nodes.some((n) => n.id === first.busiest?.nodeId), first.busiest?.nodeId);
    assert.equal(first.lowestCap, undefined, 'the busiest stage is the lowest cap too: said once');
    assert.ok((message.pipelines ?? []).slice(1).every((p) => !p.title.includes('2 files')));
  });
});
