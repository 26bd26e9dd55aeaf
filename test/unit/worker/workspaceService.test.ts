// The workspace model in the analysis worker, driven through the worker's request handler the way the editor's
// workspace graph drives it: files in, the joined view (problems, join hovers, graph) and fixes out.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/core/edit/apply';
import { AnalysisService } from '../../../src/extension/worker/analysisService';
import { RequestFailed } from '../../../src/extension/worker/protocol';
import type { WorkspaceFix, WorkspaceUpdateRequest, WorkspaceView } from '../../../src/extension/worker/workspaceProtocol';
import { FIXTURES } from '../workspace/load';

const INGEST = 'cf-output/ingest/serverless.yml';
const PROCESS = 'cf-output/process/serverless.yml';

function updateRequest(path: string, text = readFileSync(join(FIXTURES, path), 'utf8')): WorkspaceUpdateRequest {
  return { kind: 'workspaceUpdate', path, fsPath: join(FIXTURES, path), onDisk: true, text };
}

async function loaded(...paths: string[]): Promise<AnalysisService> {
  const service = new AnalysisService();
  for (const path of paths) assert.equal(await service.handle(updateRequest(path)), true, path);
  return service;
}

const view = async (service: AnalysisService, draw = false) =>
  (await service.handle({ kind: 'workspaceView', draw, direction: 'RIGHT', maxNodes: 800 })) as WorkspaceView;

const problemsOf = (v: WorkspaceView, path: string) => v.problems.find((p) => p.path === path)?.problems ?? [];

describe('analysis worker: the workspace model', () => {
  it('joins the files it is sent and says what only the joined model finds, with the other file as related location', async () => {
    const v = structuredClone(await view(await loaded(INGEST, PROCESS)));
    assert.deepEqual(v.files, [INGEST, PROCESS]);
    const throughput = problemsOf(v, PROCESS).find((p) => p.rule === 'throughput-exceeds-concurrency');
    assert.ok(throughput, JSON.stringify(v.problems));
    assert.equal(readFileSync(join(FIXTURES, PROCESS), 'utf8').split('\n')[throughput.range.start.line].trim(), 'sessionize:');
    const cap = throughput.related.find((r) => r.message.startsWith('cap: 4 shards'));
    assert.ok(cap, JSON.stringify(throughput.related));
    assert.equal(cap.path, INGEST);
    assert.equal(cap.range.start.line, 21, 'ShardCount: 4');
    const spot = v.joinSpots.find((j) => j.path === PROCESS && j.toId === 'ClickStream');
    assert.ok(spot, JSON.stringify(v.joinSpots));
    assert.equal(spot.via, 'cf-output');
    assert.equal(readFileSync(join(FIXTURES, PROCESS), 'utf8').slice(spot.start, spot.end), '${cf:ingest-dev.ClickStreamArn}');
    assert.equal(v.graph, undefined, 'not drawn until asked');
    const resolved = v.problems.find((p) => p.path === PROCESS)?.resolved ?? [];
    assert.ok(resolved.some((k) => k.startsWith('unresolved-reference|') && k.includes('${cf:ingest-dev.ClickStreamArn}')), JSON.stringify(resolved));
    assert.ok(!resolved.some((k) => k.startsWith('throughput-exceeds-concurrency|')), 'nothing the joined model still finds');
    const sessionize = v.caps.find((c) => c.path === PROCESS)?.functions.sessionize;
    assert.deepEqual({ cap: sessionize?.cap, capReason: sessionize?.capReason }, { cap: 4, capReason: '4 shards x parallelization factor 1' });
    assert.equal(v.caps.find((c) => c.path === INGEST), undefined, 'the producer\'s own functions keep their caps');
  });

  it('a file standing alone adds nothing: its own diagnostics already say it all', async () => {
    const v = await view(await loaded(PROCESS));
    assert.deepEqual(v.problems, []);
    assert.deepEqual(v.joinSpots, []);
  });

  it('re-joins when one file changes or goes, without being sent the others again', async () => {
    const service = await loaded(INGEST, PROCESS);
    const ingest = readFileSync(join(FIXTURES, INGEST), 'utf8');
    assert.equal(await service.handle(updateRequest(INGEST, ingest.replace('ShardCount: 4', 'ShardCount: 64'))), true);
    const runs = service.runs;
    const wider = await view(service);
    assert.equal(problemsOf(wider, PROCESS).some((p) => p.rule === 'throughput-exceeds-concurrency'), false, JSON.stringify(wider.problems));
    await service.handle({ kind: 'workspaceRemove', path: INGEST });
    const alone = await view(service);
    assert.deepEqual(alone.files, [PROCESS]);
    assert.deepEqual(alone.joinSpots, []);
    assert.equal(service.runs, runs, 'the open-document analyses are not touched');
  });

  it('leaves out YAML that is not a pipeline file, and keeps going past a broken one', async () => {
    const service = await loaded(INGEST);
    assert.equal(await service.handle({ ...updateRequest('ci/workflow.yml', 'name: ci\non: push\njobs: {}\n') }), false);
    await service.handle(updateRequest('broken/serverless.yml', 'service: broken\nfunctions:\n  a: [\n'));
    const v = await view(service);
    assert.ok(!v.files.includes('ci/workflow.yml'));
    assert.ok(v.files.includes(INGEST));
  });

  it('draws the graph on request, with each stage locatable in its file', async () => {
    const service = await loaded(INGEST, PROCESS);
    const v = await view(service, true);
    assert.ok(v.graph);
    assert.equal(v.graph.version, 1);
    assert.match(v.graph.fileName, /^Workspace \(2 files, \d+ joins?\)$/);
    const id = `${PROCESS}#sessionize`;
    assert.ok(v.graph.graph.nodes.some((n) => n.id === id));
    const span = v.nodeSpans[id];
    assert.ok(readFileSync(join(FIXTURES, PROCESS), 'utf8').slice(span.start, span.end).startsWith('sessionize'));
    assert.equal((await view(service, true)).graph?.version, 2);
  });

  it('says when there are too many stages to draw, and still gives the problems', async () => {
    const service = await loaded(INGEST, PROCESS);
    const v = (await service.handle({ kind: 'workspaceView', draw: true, direction: 'RIGHT', maxNodes: 2 })) as WorkspaceView;
    assert.equal(v.graph, undefined);
    assert.match(v.notDrawn ?? '', /stages in 2 files are too many to draw here; `pipeline-lens graph <dir> --workspace --format svg` draws them/);
    assert.ok(problemsOf(v, PROCESS).length > 0);
  });

  it('makes a fix from the drawn graph in the finding\'s own file, and refuses one from an older graph', async () => {
    const service = await loaded(INGEST, PROCESS);
    const first = await view(service, true);
    const index = first.graph!.findings.findIndex((f) => f.fixes.length > 0);
    assert.ok(index >= 0, JSON.stringify(first.graph!.findings.map((f) => f.rule)));
    const finding = first.graph!.findings[index];
    const fix = (await service.handle({ kind: 'workspaceFix', version: 1, findingIndex: index, fixId: finding.fixes[0].id })) as WorkspaceFix;
    assert.ok(finding.message.startsWith(`${fix.path}: `), `${finding.message} vs ${fix.path}`);
    assert.equal(fix.text, readFileSync(join(FIXTURES, fix.path), 'utf8'));
    assert.notEqual(applyEdits(fix.text, fix.edits), fix.text);
    await view(service, true);
    await assert.rejects(
      service.handle({ kind: 'workspaceFix', version: 1, findingIndex: index, fixId: finding.fixes[0].id }),
      (error) => error instanceof RequestFailed && error.reason === 'stale',
    );
  });

  it('analyses the files again with new settings', async () => {
    const service = await loaded(INGEST, PROCESS);
    assert.equal(problemsOf(await view(service), PROCESS).find((p) => p.rule === 'throughput-exceeds-concurrency')?.severity, 'error');
    await service.handle({ kind: 'configure', settings: { severities: { 'throughput-exceeds-concurrency': 'warning' } }, workspaceFolders: [] });
    assert.equal(problemsOf(await view(service), PROCESS).find((p) => p.rule === 'throughput-exceeds-concurrency')?.severity, 'warning');
  });

  it('names a SAM template\'s stack from the samconfig the host sends beside it, and joins ${cf:} to it', async () => {
    const service = new AnalysisService();
    const samConfig = { text: readFileSync(join(FIXTURES, 'samconfig/orders/samconfig.toml'), 'utf8'), format: 'toml' as const };
    await service.handle({ ...updateRequest('samconfig/orders/template.yaml'), samConfig });
    await service.handle(updateRequest('samconfig/billing/serverless.yml'));
    const v = await view(service);
    assert.deepEqual(v.joinSpots.map((j) => [j.path, j.toFile, j.toId]), [['samconfig/billing/serverless.yml', 'samconfig/orders/template.yaml', 'OrdersQueue']]);
  });

  it('reuses the workspace scan\'s analysis of the same text instead of analysing the file again', async () => {
    const service = new AnalysisService();
    const request = updateRequest(INGEST);
    const scan = { kind: 'analyze' as const, uri: `file://${request.fsPath}`, version: 0, path: request.fsPath, onDisk: true, openTexts: {}, keep: false };
    await service.handle({ ...scan, text: request.text });
    await service.handle(updateRequest(PROCESS, readFileSync(join(FIXTURES, PROCESS), 'utf8')));
    await service.handle(request);
    assert.equal(service.workspaceRuns, 1, 'only the file the scan had not analysed');
    assert.ok(problemsOf(await view(service), PROCESS).some((p) => p.rule === 'throughput-exceeds-concurrency'), 'joined as before');
    await service.handle({ ...scan, text: request.text + '\n# edited on disk since\n' });
    await service.handle(request);
    assert.equal(service.workspaceRuns, 2, 'another text is analysed');
  });

  it('reuses the open document\'s analysis when the join is sent the text being edited', async () => {
    const service = new AnalysisService();
    const request = updateRequest(PROCESS);
    const typed = request.text.replace('rate: 50/minute', 'rate: 60/minute');
    await service.handle({ kind: 'analyze', uri: 'file:///x/process.yml', version: 7, path: request.fsPath, onDisk: true, text: typed, openTexts: {}, keep: true });
    await service.handle({ ...request, text: typed });
    assert.equal(service.workspaceRuns, 0);
    await service.handle({ ...request, text: typed + '\n' });
    assert.equal(service.workspaceRuns, 1, 'a text the editor has not analysed is analysed');
  });

  it('starts over on reset', async () => {
    const service = await loaded(INGEST, PROCESS);
    await service.handle({ kind: 'workspaceReset' });
    assert.deepEqual((await view(service)).files, []);
  });
});
