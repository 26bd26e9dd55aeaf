// The GitHub Action (action.yml) run as a runner would: its shell steps as bash scripts over copies of the
// examples, the CLI built from a copy of this checkout; the upload step is not run, but must get the SARIF file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULE_IDS } from '../../src/core/findings';
import { readAction, runAction, type StepRun } from './actionRunner';
import { repoCopy } from './checkout';
import { REPO } from './tools';

interface Sarif {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  }[];
}

describe('GitHub Action (action.yml)', function () {
  this.timeout(300_000);
  let actionPath: string;
  let workspace: string;
  const temps: string[] = [];

  before(() => {
    actionPath = repoCopy('pl-action-');
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-workspace-'));
    fs.cpSync(path.join(REPO, 'examples'), path.join(workspace, 'examples'), { recursive: true });
  });
  after(() => {
    for (const dir of [actionPath, workspace, ...temps]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string>): { steps: StepRun[]; temp: string } => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-runner-temp-'));
    temps.push(temp);
    return { steps: runAction(path.join(REPO, 'action.yml'), { actionPath, workspace, runnerTemp: temp, inputs }), temp };
  };
  const step = (steps: StepRun[], name: RegExp): StepRun => {
    const found = steps.find((s) => name.test(s.name));
    assert.ok(found, `a step named ${name}; steps: ${steps.map((s) => s.name).join(', ')}`);
    return found;
  };

  it('is a composite action that sets up Node 20 and uploads with codeql-action/upload-sarif', () => {
    const manifest = readAction(path.join(REPO, 'action.yml'));
    assert.equal(manifest.runs.using, 'composite');
    const setup = manifest.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    assert.equal(String(setup?.with?.['node-version']), '20');
    assert.ok(manifest.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')));
  });

  it('checks the examples, writes SARIF 2.1.0 with our rule ids, hands it to the upload, then fails on the error', () => {
    const { steps, temp } = run({ paths: 'examples/clickstream\nexamples/orders-queue', region: 'eu-west-1' });
    assert.equal(step(steps, /^Build/).status, 0, step(steps, /^Build/).output);
    const check = step(steps, /^Check$/);
    assert.equal(check.status, 0, check.output);
    assert.match(check.output ?? '', /^examples\/clickstream\/serverless\.yml:64:3 error throughput-exceeds-concurrency 'sessionize'/m);
    assert.match(check.output ?? '', /in eu-west-1/, 'the region input reaches the CLI');

    const sarifFile = path.join(temp, 'pipeline-lens.sarif');
    const upload = step(steps, /^Upload/);
    assert.equal(upload.runs, true);
    assert.equal(upload.with?.sarif_file, sarifFile);
    assert.equal(upload.with?.category, 'pipeline-lens');
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as Sarif;
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const [sarifRun] = sarif.runs;
    assert.equal(sarifRun.tool.driver.name, 'pipeline-lens');
    assert.deepEqual(sarifRun.tool.driver.rules.map((r) => r.id), [...RULE_IDS]);
    assert.equal(sarifRun.results.length, 5);
    for (const result of sarifRun.results) {
      assert.ok((RULE_IDS as readonly string[]).includes(result.ruleId), result.ruleId);
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'examples/clickstream/serverless.yml');
    }
    assert.deepEqual(sarifRun.results.filter((r) => r.level === 'error').map((r) => r.ruleId), ['throughput-exceeds-concurrency']);

    const fail = step(steps, /^Fail/);
    assert.equal(fail.status, 1);
    assert.match(fail.output ?? '', /::error::pipeline-lens found 1 finding\(s\) of severity error or higher/);
  });

  it('passes on a healthy pipeline, prints SARIF when asked, and skips the upload when upload is false', () => {
    const sarifFile = path.join(workspace, 'reports', 'out.sarif');
    const { steps } = run({ paths: 'examples/orders-queue', format: 'sarif', upload: 'false', 'sarif-file': sarifFile });
    for (const s of steps.filter((s) => s.status !== undefined)) assert.equal(s.status, 0, `${s.name}: ${s.output}`);
    assert.equal(step(steps, /^Upload/).runs, false);
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as Sarif;
    assert.equal(sarif.runs[0].results.length, 0);
    assert.match(step(steps, /^Check$/).output ?? '', /"version": "2\.1\.0"/);
  });

  it('fails on warnings only when fail-on is warning', () => {
    const lenient = run({ paths: 'examples/s3-ingest', upload: 'false' }).steps;
    assert.equal(step(lenient, /^Fail/).status, 0, step(lenient, /^Fail/).output);
    const strict = run({ paths: 'examples/s3-ingest', upload: 'false', 'fail-on': 'warning' }).steps;
    assert.equal(step(strict, /^Fail/).status, 1);
    assert.match(step(strict, /^Fail/).output ?? '', /found 2 finding\(s\) of severity warning or higher/);
  });

  it('stops at the check with the CLI message when a path does not exist or fail-on is unknown', () => {
    const missing = run({ paths: 'examples/nowhere', upload: 'false' }).steps;
    const check = step(missing, /^Check$/);
    assert.equal(check.status, 2);
    assert.match(check.output ?? '', /cannot read .*nowhere/);
    const typo = step(run({ 'fail-on': 'errors', upload: 'false' }).steps, /^Check$/);
    assert.equal(typo.status, 2);
    assert.match(typo.output ?? '', /fail-on must be error, warning, info or none/);
  });
});
