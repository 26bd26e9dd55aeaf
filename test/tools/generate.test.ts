// What `pipeline-lens generate` writes must pass the real tools: serverless@3 (`print` and `package` with
// configValidationMode: error) for serverless.yml, cfn-lint (no error or warning) for SAM templates; for every
// example design and our fixtures. The packaged CloudFormation must hold the functions, queues and roles.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { declaredResources } from './cases';
import { cfnLint, cfnLintPath, ensureServerless, pool, serverless, type RunResult } from './tools';
import { designCases, generated, type DesignCase } from '../unit/generate/designs';

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

describe('real tool: serverless@3 accepts generated serverless.yml files', function () {
  const designs = designCases();
  const dirs = new Map<string, string>();
  const runs = new Map<string, RunResult[]>();
  before(async function () {
    this.timeout(1_200_000);
    ensureServerless();
    const results = await pool(designs, 3, async (design: DesignCase) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pl-gen-sls-${design.name}-`));
      fs.writeFileSync(path.join(dir, 'serverless.yml'), `configValidationMode: error\n${generated(design, 'serverless')}`);
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src', 'handler.js'), 'exports.handler = async () => {};\n');
      const out: RunResult[] = [];
      for (const args of [['print'], ['package']]) {
        const result = await serverless(args, dir);
        out.push(result);
        if (result.status !== 0) break;
      }
      return { dir, out };
    });
    designs.forEach((d, i) => {
      dirs.set(d.name, results[i].dir);
      runs.set(d.name, results[i].out);
    });
  });
  after(() => {
    for (const dir of dirs.values()) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const design of designs) {
    it(`${design.name}: print and package pass, and the package holds every resource and a role per function`, function () {
      const results = runs.get(design.name) ?? [];
      assert.equal(results.length, 2, `print and package both ran:\n${results.map((r) => r.output).join('\n')}`);
      for (const result of results) {
        assert.equal(result.status, 0, result.output);
        assert.doesNotMatch(result.output, /Configuration error|Warning:/i, result.output);
      }
      const template = JSON.parse(fs.readFileSync(path.join(dirs.get(design.name)!, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
      for (const [id, type] of declaredResources(generated(design, 'serverless'), true)) assert.equal(template.Resources[id]?.Type, type, id);
      const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
      assert.ok(functions.length > 0);
      for (const fn of functions) {
        const role = (fn.Properties?.Role as { 'Fn::GetAtt'?: string[] } | undefined)?.['Fn::GetAtt']?.[0];
        assert.equal(template.Resources[role ?? '']?.Type, 'AWS::IAM::Role', 'the function runs under its own role');
      }
    });
  }
});

describe('real tool: cfn-lint accepts generated SAM templates', function () {
  const designs = designCases();
  const present = cfnLintPath() !== undefined;
  if (!present) console.log('    cfn-lint is NOT installed: generated SAM templates are NOT checked by a real tool (pip install cfn-lint)');
  let dir = '';
  let lines: string[] = [];
  let status: number | null = null;
  before(function () {
    if (!present) return;
    this.timeout(600_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-gen-sam-'));
    const files = designs.map((d) => {
      const file = path.join(dir, `${d.name}.template.yaml`);
      fs.writeFileSync(file, generated(d, 'sam'));
      return file;
    });
    const result = cfnLint(files);
    status = result.status;
    lines = result.stdout.split('\n').filter((l) => l.trim() !== '');
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ran cfn-lint to completion', function () {
    if (!present) this.skip(); // reason printed above: cfn-lint is not installed on this machine
    assert.ok(status !== null && (status & 1) === 0, `cfn-lint exit status ${status}`);
  });

  for (const design of designs) {
    it(`${design.name}: no error or warning`, function () {
      if (!present) this.skip(); // reason printed above: cfn-lint is not installed on this machine
      const mine = lines.filter((l) => l.startsWith(path.join(dir, `${design.name}.template.yaml`) + ':') && !/:I\d{4}:/.test(l));
      assert.deepEqual(mine, []);
    });
  }
});
