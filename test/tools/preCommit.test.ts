// The pre-commit hook (.pre-commit-hooks.yaml) run as pre-commit runs it: its entry script from a fresh copy of
// the repository (no dist/), with the staged files that match its `files` pattern as arguments.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { cleanEnv, repoCopy } from './checkout';
import { REPO } from './tools';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial?: boolean;
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(300_000);
  const [hook] = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
  const matches = (file: string) => new RegExp(hook.files).test(file);
  const tracked = spawnSync('git', ['ls-files', 'examples'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const staged = (folder: string) => tracked.filter((file) => file.startsWith(folder) && matches(file));
  let clone: string;

  before(() => {
    clone = repoCopy('pl-hook-');
  });
  after(() => {
    if (clone) fs.rmSync(clone, { recursive: true, force: true });
  });

  /** language: script: the entry's first word is a path in the hook repository, run in the user's repository. */
  const runHook = (files: string[]) => {
    const [script, ...args] = hook.entry.split(/\s+/);
    return spawnSync(path.join(clone, script), [...args, ...files], { cwd: REPO, encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1' }) });
  };

  it('is a script hook named pipeline-lens whose entry is executable and gets the file names', () => {
    assert.equal(hook.id, 'pipeline-lens');
    assert.equal(hook.language, 'script');
    assert.equal(hook.pass_filenames, true);
    assert.equal(hook.require_serial, true, 'one process builds the CLI on first use');
    const mode = spawnSync('git', ['ls-files', '-s', hook.entry], { cwd: REPO, encoding: 'utf8' }).stdout;
    assert.match(mode, /^100755 /, 'git records the entry as executable');
  });

  it('matches serverless, SAM template and design files, and no other YAML', () => {
    for (const file of ['serverless.yml', 'svc/serverless.yaml', 'template.yaml', 'sam/template.yml', 'examples/design/clickstream.pipeline.yaml', 'a.pipeline.yml']) {
      assert.ok(matches(file), file);
    }
    for (const file of ['.github/workflows/ci.yml', 'my-serverless.yml', 'template.json', 'pipeline.yaml', 'docker-compose.yaml']) {
      assert.ok(!matches(file), file);
    }
  });

  it('builds the CLI on first use, then fails the commit on examples/clickstream (an error finding)', () => {
    assert.ok(!fs.existsSync(path.join(clone, 'dist', 'cli.js')), 'a fresh clone has no bundle');
    assert.deepEqual(staged('examples/clickstream/'), ['examples/clickstream/serverless.yml']);
    const bad = runHook(staged('examples/clickstream/'));
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stderr, /^pipeline-lens: building the CLI in .* \(once\)$/m);
    assert.match(bad.stdout, /^examples\/clickstream\/serverless\.yml:64:3 error throughput-exceeds-concurrency /m);
  });

  it('passes examples/orders-queue without building again', () => {
    const good = runHook(staged('examples/orders-queue/'));
    assert.equal(good.status, 0, `${good.stdout}${good.stderr}`);
    assert.doesNotMatch(good.stderr, /building/);
    assert.match(good.stdout, /^1 file checked: 0 error\(s\), 0 warning\(s\), 0 info$/m);
  });
});
