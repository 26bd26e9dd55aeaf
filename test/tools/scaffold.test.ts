// New Pipeline scaffolds, one per source type, generated for both targets, pass the real tools too
// (the scaffolds are not golden-tested: test/unit/generate/scaffold.test.ts checks them through analyze()).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generate, type Target } from '../../src/core/generate';
import { SCAFFOLD_SOURCES, scaffoldDesign } from '../../src/core/generate/scaffold';
import { cfnLint, cfnLintPath, ensureServerless, pool, serverless, type RunResult } from './tools';

function generatedScaffold(source: (typeof SCAFFOLD_SOURCES)[number], target: Target): string {
  const design = scaffoldDesign({ name: `new-${source}`, source, steps: ['parse', 'store'], stateful: true, rate: '5/s' });
  if (!design.ok) throw new Error(design.error);
  const result = generate(design.text, target, `new-${source}.pipeline.yaml`);
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe('real tools: generated files of every New Pipeline scaffold', function () {
  const present = cfnLintPath() !== undefined;
  if (!present) console.log('    cfn-lint is NOT installed: scaffold SAM templates are NOT checked by a real tool (pip install cfn-lint)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-scaffold-'));
  let lint: string[] = [];
  let status: number | null = null;
  const runs = new Map<string, RunResult>();
  before(async function () {
    this.timeout(1_200_000);
    const templates = SCAFFOLD_SOURCES.map((source) => {
      const file = path.join(dir, `${source}.template.yaml`);
      fs.writeFileSync(file, generatedScaffold(source, 'sam'));
      return file;
    });
    if (present) {
      const result = cfnLint(templates);
      status = result.status;
      lint = result.stdout.split('\n').filter((l) => l.trim() !== '' && !/:I\d{4}:/.test(l));
    }
    ensureServerless();
    const results = await pool([...SCAFFOLD_SOURCES], 3, async (source) => {
      const project = path.join(dir, source);
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'serverless.yml'), `configValidationMode: error\n${generatedScaffold(source, 'serverless')}`);
      return serverless(['print'], project);
    });
    SCAFFOLD_SOURCES.forEach((source, i) => runs.set(source, results[i]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ran cfn-lint to completion', function () {
    if (!present) this.skip(); // reason printed above: cfn-lint is not installed on this machine
    assert.ok(status !== null && (status & 1) === 0, `cfn-lint exit status ${status}`);
  });

  for (const source of SCAFFOLD_SOURCES) {
    it(`${source}: cfn-lint finds nothing in the SAM template`, function () {
      if (!present) this.skip(); // reason printed above: cfn-lint is not installed on this machine
      assert.deepEqual(lint.filter((l) => l.startsWith(path.join(dir, `${source}.template.yaml:`))), []);
    });
    it(`${source}: serverless print accepts the serverless.yml`, () => {
      const run = runs.get(source);
      assert.equal(run?.status, 0, run?.output);
      assert.doesNotMatch(run?.output ?? '', /Configuration error|Warning:/i);
    });
  }
});
