import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli } from './run';

const ROOT = join(__dirname, '../../fixtures/workspace');

describe('cli: check/graph <dir> --workspace', () => {
  it('check --workspace --format json keeps files[] (joined) and adds workspace nodes and cross-file edges', async () => {
    const run = await cli(['check', 'cf-output', '--workspace', '--format', 'json'], { cwd: ROOT });
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1, 'throughput-exceeds-concurrency is an error');
    const out = JSON.parse(run.stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path), ['cf-output/ingest/serverless.yml', 'cf-output/process/serverless.yml']);
    const process = out.files[1];
    assert.equal(process.functions[0].concurrency.cap, 4);
    const finding = process.findings.find((f: { rule: string }) => f.rule === 'throughput-exceeds-concurrency');
    assert.equal(finding.related[0].file, 'cf-output/ingest/serverless.yml');
    assert.equal(finding.related[0].range.start.line, 21, 'ShardCount: 4 in the producer');
    assert.ok(out.workspace.nodes.some((n: { id: string; file: string; kind: string }) => n.id === 'ClickStream' && n.file === 'cf-output/ingest/serverless.yml' && n.kind === 'stream'));
    assert.deepEqual(
      out.workspace.edges.filter((e: { via?: string }) => e.via),
      [
        { from: 'ClickStream', to: 'sessionize', kind: 'trigger', fromFile: 'cf-output/ingest/serverless.yml', toFile: 'cf-output/process/serverless.yml', via: 'cf-output' },
        { from: 'sessionize', to: 'SessionsTable', kind: 'read', fromFile: 'cf-output/process/serverless.yml', toFile: 'cf-output/ingest/serverless.yml', via: 'cf-output' },
      ],
    );
    assert.equal(out.workspace.pipelines[0].busiest.id, 'sessionize');
  });

  it('without --workspace the same folder is checked file by file (consumer capped by the account limit)', async () => {
    const run = await cli(['check', 'cf-output', '--format', 'json'], { cwd: ROOT });
    const out = JSON.parse(run.stdout);
    assert.equal(out.workspace, undefined);
    assert.equal(out.files[1].functions[0].concurrency.cap, 1000);
  });

  it('reads CDK stack names from cdk.out/manifest.json, so ${cf:shop-producer.X} joins the synthesized template', async () => {
    const run = await cli(['check', 'cdk', '--workspace', '--format', 'json'], { cwd: ROOT });
    const out = JSON.parse(run.stdout);
    const vias = out.workspace.joins.map((j: { via: string; file: string }) => `${j.via} ${j.file}`);
    assert.deepEqual(vias, ['export cdk/cdk.out/ConsumerStack.template.json', 'cf-output cdk/reporter/serverless.yml']);
    const reporter = out.files.find((f: { path: string }) => f.path === 'cdk/reporter/serverless.yml');
    assert.equal(reporter.functions[0].concurrency.cap, 2);
  });

  it('text output lists the joins and each pipeline with its cost per day and busiest stage', async () => {
    const run = await cli(['check', '.', '--workspace'], { cwd: join(ROOT, 'cf-output') });
    assert.match(run.stdout, /joined process\/serverless\.yml: \$\{cf:ingest-dev\.ClickStreamArn\} -> ingest\/serverless\.yml ClickStream \(cf-output\)/);
    assert.match(run.stdout, /pipeline 1: 2 file\(s\), 2 function\(s\), \$[\d.]+\/day \(\+1 function\(s\) with unknown load\); busiest: process\/serverless\.yml sessionize at 8\.333 of 4 concurrent/);
  });

  it('graph --workspace prints the joined graph as JSON (default), DOT or SVG', async () => {
    const json = await cli(['graph', 'exports', '--workspace'], { cwd: ROOT });
    assert.equal(json.code, 0, json.stderr);
    const graph = JSON.parse(json.stdout).workspace;
    assert.ok(graph.edges.some((e: { via?: string; fromFile: string; toFile: string }) => e.via === 'export' && e.fromFile === 'exports/orders/serverless.yml' && e.toFile === 'exports/fulfil/template.yaml'));
    const dot = await cli(['graph', 'exports', '--workspace', '--format', 'dot'], { cwd: ROOT });
    assert.match(dot.stdout, /exports\/orders\/serverless\.yml#OrdersQueue" -> "exports\/fulfil\/template\.yaml#Fulfil/);
    const svg = await cli(['graph', 'exports', '--workspace', '--format', 'svg'], { cwd: ROOT });
    assert.match(svg.stdout, /^<\?xml[\s\S]*<svg[\s\S]*OrdersQueue/);
  });

  it('usage: --stage needs --workspace; a missing folder exits 2', async () => {
    assert.equal((await cli(['check', 'x', '--stage', 'dev'])).code, 2);
    const missing = await cli(['check', 'nope', '--workspace'], { cwd: ROOT });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read/);
  });
});
