import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnalysisService } from '../../../src/extension/worker/analysisService';
import { RequestFailed, type AnalysisPayload, type AnalyzeRequest, type FixResult } from '../../../src/extension/worker/protocol';
import type { GraphMessage } from '../../../src/protocol';

const examples = path.join(__dirname, '..', '..', '..', 'examples');
const clickstreamPath = path.join(examples, 'clickstream', 'serverless.yml');
const clickstream = fs.readFileSync(clickstreamPath, 'utf8');

function analyzeRequest(version: number, text = clickstream, more: Partial<AnalyzeRequest> = {}): AnalyzeRequest {
  return { kind: 'analyze', uri: 'file:///x/serverless.yml', version, path: clickstreamPath, onDisk: true, text, openTexts: {}, keep: true, ...more };
}

async function rejection(promise: Promise<unknown>): Promise<RequestFailed> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RequestFailed, String(error));
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('analysis service (worker side)', () => {
  it('answers with plain data that survives a structured clone: findings with fix offers, reports and model as JSON', async () => {
    const service = new AnalysisService();
    const payload = (await service.handle(analyzeRequest(1))) as AnalysisPayload;
    assert.equal(payload.format, 'serverless');
    assert.equal(payload.version, 1);
    const copy = structuredClone(payload);
    assert.ok(copy.findings.some((f) => f.rule === 'stream-retry-unbounded' && f.fixes.some((o) => o.preferred)), JSON.stringify(copy.findings.map((f) => f.rule)));
    assert.ok((JSON.parse(copy.functionsJson) as { id: string }[]).some((r) => r.id === 'sessionize'));
    assert.ok((JSON.parse(copy.modelJson) as { nodes: unknown[] }).nodes.length > 0);
  });

  it('says null for YAML that is not a pipeline file', async () => {
    const service = new AnalysisService();
    assert.equal(await service.handle(analyzeRequest(1, 'name: ci\non: push\njobs: {}\n', { path: '/x/ci.yml', uri: 'file:///x/ci.yml' })), null);
  });

  it('computes a fix for the version it holds, and refuses one for a version it no longer holds', async () => {
    const service = new AnalysisService();
    const payload = (await service.handle(analyzeRequest(1))) as AnalysisPayload;
    const index = payload.findings.findIndex((f) => f.rule === 'stream-retry-unbounded');
    const offer = payload.findings[index].fixes[0];
    const fix = (await service.handle({ kind: 'fix', uri: payload.uri, version: 1, findingIndex: index, fixId: offer.id })) as FixResult;
    assert.ok(fix.edits.length > 0);
    await service.handle(analyzeRequest(2, clickstream + '\n'));
    const stale = await rejection(service.handle({ kind: 'fix', uri: payload.uri, version: 1, findingIndex: index, fixId: offer.id }));
    assert.equal(stale.reason, 'stale');
  });

  it('lays out the graph for a held version (elkjs loaded there, on demand)', async () => {
    const service = new AnalysisService();
    await service.handle(analyzeRequest(4));
    const message = (await service.handle({ kind: 'graph', uri: 'file:///x/serverless.yml', version: 4, fileName: 'serverless.yml' })) as GraphMessage;
    assert.equal(message.version, 4);
    assert.ok(message.graph.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y)));
  });

  it('reads ${file()} includes from disk only inside a workspace folder, and prefers the editor text of a changed one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-include-'));
    const main = path.join(dir, 'serverless.yml');
    fs.writeFileSync(path.join(dir, 'fns.yml'), 'a:\n  handler: a.handler\n');
    const text = 'service: s\nprovider:\n  name: aws\nfunctions: ${file(./fns.yml)}\n';
    const request = (more: Partial<AnalyzeRequest>) => analyzeRequest(1, text, { uri: 'file://' + main, path: main, ...more });
    const functionIds = (payload: unknown) => (JSON.parse((payload as AnalysisPayload).functionsJson) as { id: string }[]).map((r) => r.id);
    const service = new AnalysisService();
    assert.deepEqual(functionIds(await service.handle(request({}))), [], 'no workspace folder: nothing read');
    await service.handle({ kind: 'configure', settings: {}, workspaceFolders: [dir] });
    assert.deepEqual(functionIds(await service.handle(request({}))), ['a']);
    assert.deepEqual(functionIds(await service.handle(request({ openTexts: { [path.join(dir, 'fns.yml')]: 'b:\n  handler: b.handler\n' } }))), ['b']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
