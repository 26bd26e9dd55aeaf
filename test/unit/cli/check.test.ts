import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULE_IDS } from '../../../src/core/findings';
import { cli } from './run';

const FIXTURES = path.join(__dirname, 'fixtures');
const REPO = path.join(__dirname, '..', '..', '..');

/** A copy of the fixture project with the folders `check` must skip, each holding a file that would warn. */
function projectWithSkippedFolders(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-cli-'));
  fs.cpSync(path.join(FIXTURES, 'project'), dir, { recursive: true });
  for (const skipped of ['node_modules/dep', '.serverless', '.aws-sam/build']) {
    fs.mkdirSync(path.join(dir, skipped), { recursive: true });
    fs.copyFileSync(path.join(dir, 'serverless.yml'), path.join(dir, skipped, 'serverless.yml'));
  }
  return dir;
}

describe('cli: check', () => {
  let project: string;
  before(() => {
    project = projectWithSkippedFolders();
  });
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  it('walks directories, skips node_modules/.serverless/.aws-sam and unrecognised files, prints compiler-style lines', async () => {
    const run = await cli(['check', '.'], { cwd: project });
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.slice(0, -1).map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        'nested/template.yaml:4:3 warning queue-without-dlq',
        'nested/template.yaml:7:26 error visibility-timeout-too-short',
        'serverless.yml:14:9 warning async-without-buffer',
      ],
    );
    assert.equal(lines[lines.length - 1], '2 files checked: 1 error(s), 2 warning(s), 0 info');
    assert.match(lines[1], /visibility timeout of 5 s but its consumer 'Worker' may run for 30 s/);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1, 'an error-severity finding exits 1');
  });

  it('exits 0 when only warnings are found, and says when a named file is not a pipeline file', async () => {
    const run = await cli(['check', 'serverless.yml', 'nested/notes.yaml'], { cwd: project });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^serverless\.yml:14:9 warning async-without-buffer /);
    assert.match(run.stderr, /nested\/notes\.yaml is not a serverless, SAM, CloudFormation or pipeline file; skipped/);
  });

  it('reports broken YAML in a named file as a parse-error with exit 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-cli-broken-'));
    try {
      fs.writeFileSync(path.join(dir, 'broken.yml'), 'service: x\nprovider: [\n');
      const run = await cli(['check', 'broken.yml'], { cwd: dir });
      assert.equal(run.code, 1);
      assert.match(run.stdout, /^broken\.yml:\d+:\d+ error parse-error /m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('colours only when asked (a TTY without NO_COLOR)', async () => {
    const plain = await cli(['check', 'serverless.yml'], { cwd: project });
    const coloured = await cli(['check', 'serverless.yml'], { cwd: project, colour: true });
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
    assert.match(coloured.stdout, /\u001b\[33mwarning\u001b\[0m/);
  });

  it('writes the JSON of CONTRACT.md section 4 with 0-based ranges and fix titles', async () => {
    const run = await cli(['check', '.', '--format', 'json'], { cwd: project });
    const json = JSON.parse(run.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.files.map((f: { path: string; format: string }) => [f.path, f.format]), [
      ['nested/template.yaml', 'sam'],
      ['serverless.yml', 'serverless'],
    ]);
    const sls = json.files[1];
    const resize = sls.functions.find((f: { id: string }) => f.id === 'resize');
    assert.deepEqual(Object.keys(resize), ['id', 'name', 'memoryMb', 'timeoutS', 'architecture', 'load', 'cost', 'concurrency', 'range']);
    assert.deepEqual(resize.load, { ratePerSecond: 0.1667, durationMs: 2000, declared: true });
    assert.equal(resize.timeoutS, 30);
    assert.deepEqual(Object.keys(resize.cost), ['perInvocationUsd', 'perDayUsd', 'perMonthUsd']);
    assert.deepEqual(Object.keys(resize.concurrency), ['expected', 'cap', 'capReason']);
    assert.deepEqual(resize.range.start, { line: 9, character: 2 });
    const finding = sls.findings.find((f: { rule: string }) => f.rule === 'async-without-buffer');
    assert.deepEqual(Object.keys(finding), ['rule', 'severity', 'message', 'node', 'range', 'fixes']);
    assert.deepEqual(finding.range.start, { line: 13, character: 8 }, 'text output 14:9 is this range, 1-based');
    assert.equal(finding.node, 'resize');
    assert.match(finding.fixes[0], /^Insert an SQS buffer queue/);
    assert.ok(finding.fixes.some((t: string) => /pipeline-lens-ignore/.test(t)));
    assert.ok(sls.nodes.some((n: { id: string; kind: string }) => n.id === 'S3BucketThumbnailsuploadsdev' && n.kind === 'bucket'));
    assert.ok(sls.edges.some((e: { from: string; to: string; kind: string }) => e.from === 'S3BucketThumbnailsuploadsdev' && e.to === 'resize' && e.kind === 'trigger'));
    assert.equal(run.code, 1);
  });

  it('prices in the --region given when the file names none', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-cli-region-'));
    try {
      const busy = 'service: busy\nprovider:\n  name: aws\nfunctions:\n  crunch:\n    handler: h.main\n    memorySize: 4096\n' +
        'custom:\n  pipelineLens:\n    functions:\n      crunch:\n        rate: 20/second\n        duration: 5s\n';
      fs.writeFileSync(path.join(dir, 'serverless.yml'), busy);
      const run = await cli(['check', 'serverless.yml', '--region', 'ap-south-1', '--format', 'json'], { cwd: dir });
      const cost = JSON.parse(run.stdout).files[0].findings.find((f: { rule: string }) => f.rule === 'cost-above-cluster');
      assert.match(cost.message, /in ap-south-1/);
      const fallback = await cli(['check', 'serverless.yml', '--format', 'json'], { cwd: dir });
      assert.match(JSON.parse(fallback.stdout).files[0].findings.find((f: { rule: string }) => f.rule === 'cost-above-cluster').message, /in us-east-1/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes SARIF 2.1.0 with every rule and each finding as a result with its ruleId and 1-based region', async () => {
    const run = await cli(['check', '.', '--format', 'sarif'], { cwd: project });
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.name, 'pipeline-lens');
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), [...RULE_IDS]);
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((r: { ruleId: string; level: string }) => `${r.ruleId}:${r.level}`), [
      'queue-without-dlq:warning',
      'visibility-timeout-too-short:error',
      'async-without-buffer:warning',
    ]);
    const last = results[2];
    assert.equal(driver.rules[last.ruleIndex].id, 'async-without-buffer');
    assert.equal(last.locations[0].physicalLocation.artifactLocation.uri, 'serverless.yml');
    assert.deepEqual(
      { line: last.locations[0].physicalLocation.region.startLine, column: last.locations[0].physicalLocation.region.startColumn },
      { line: 14, column: 9 },
    );
  });

  it('checks the examples: the healthy queue is clean, the clickstream has an error', async () => {
    const healthy = await cli(['check', path.join(REPO, 'examples', 'orders-queue')]);
    assert.equal(healthy.code, 0);
    assert.match(healthy.stdout, /^1 file checked: 0 error\(s\), 0 warning\(s\), 0 info\n$/);
    const clickstream = await cli(['check', path.join(REPO, 'examples', 'clickstream'), '--format', 'json']);
    assert.equal(clickstream.code, 1);
    const findings = JSON.parse(clickstream.stdout).files[0].findings.map((f: { rule: string }) => f.rule);
    assert.ok(findings.includes('throughput-exceeds-concurrency'), findings.join(', '));
    assert.ok(findings.includes('stream-retry-unbounded'), findings.join(', '));
  });
});
