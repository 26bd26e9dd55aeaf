// A file that joins nothing gets exactly the analysis it gets alone: same findings (with fixes), same reports.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { Workspace } from '../../../src/core/workspace';
import { analyzeFixture, FIXTURES, joinFixtures } from './load';

const EXAMPLES = join(__dirname, '../../../examples');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ya?ml|json)$/.test(name) ? [full] : [];
  });
}

describe('workspace: a file standing alone gives exactly the findings it had before', () => {
  const examples = files(EXAMPLES).filter((f) => analyze(readFileSync(f, 'utf8'), { path: f }).format !== null);

  it('every example, alone in a workspace and all together, matches analyze()', () => {
    assert.ok(examples.length >= 3, `examples found: ${examples.length}`);
    const together = new Workspace();
    for (const file of examples) {
      const alone = analyze(readFileSync(file, 'utf8'), { path: file });
      const single = new Workspace();
      single.update(file, alone);
      together.update(file, alone);
      const joined = single.joined().files[0].analysis;
      assert.deepEqual(joined.findings, alone.findings, relative(EXAMPLES, file));
      assert.deepEqual(joined.functions, alone.functions, relative(EXAMPLES, file));
    }
    const all = together.joined();
    for (const { path, analysis } of all.files) {
      const alone = analyze(readFileSync(path, 'utf8'), { path });
      if (all.joins.some((j) => j.from.file === path || j.to.file === path)) continue;
      assert.deepEqual(analysis.findings, alone.findings, relative(EXAMPLES, path));
      assert.deepEqual(analysis.functions, alone.functions, relative(EXAMPLES, path));
    }
  });

  it('every workspace fixture alone matches analyze(); beside unrelated files too', () => {
    const paths = files(FIXTURES).map((f) => relative(FIXTURES, f)).filter((p) => !p.endsWith('manifest.json'));
    for (const path of paths) {
      const alone = analyzeFixture(path);
      const joined = joinFixtures([path]).files[0].analysis;
      assert.deepEqual(joined.findings, alone.findings, path);
      assert.deepEqual(joined.functions, alone.functions, path);
    }
    const unrelated = joinFixtures(['cf-output/process/serverless.yml', 'ssm/store/template.yaml', 'names/billing/serverless.yml']);
    for (const { path, analysis } of unrelated.files) assert.deepEqual(analysis.findings, analyzeFixture(path).findings, path);
  });
});
