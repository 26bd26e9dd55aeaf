// `npm pack` of a copy of this checkout, installed into an empty folder with npm offline (the package must need
// nothing from the registry): the `pipeline-lens` binary works there.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv, repoCopy } from './checkout';
import { REPO } from './tools';

describe('npm package: pack, install offline into an empty folder, run', function () {
  this.timeout(300_000);
  let checkout: string;
  let project: string;
  let bin: string;
  let tarball: string;

  before(() => {
    checkout = repoCopy('pl-pack-');
    const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', os.tmpdir()], { cwd: checkout, env: cleanEnv(), encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(os.tmpdir(), info.filename);
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-empty-'));
    const installed = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, env: cleanEnv(), encoding: 'utf8' });
    assert.equal(installed.status, 0, `npm install --offline of the tarball:\n${installed.stdout}${installed.stderr}`);
    bin = path.join(project, 'node_modules', '.bin', 'pipeline-lens');
  });
  after(() => {
    for (const dir of [checkout, project]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (tarball) fs.rmSync(tarball, { force: true });
  });

  const run = (command: string, args: string[]) =>
    spawnSync(command, args, { cwd: REPO, encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1' }) });

  it('holds the bundled binary, docs, schemas, README and LICENSE, and nothing to install besides', () => {
    const root = path.join(project, 'node_modules');
    assert.deepEqual(fs.readdirSync(root).filter((name) => !name.startsWith('.')), ['pipeline-lens'], 'no dependency was installed');
    const pkg = path.join(root, 'pipeline-lens');
    for (const file of ['dist/cli.js', 'docs/rules.md', 'docs/ci.md', 'schemas/annotations.schema.json', 'README.md', 'LICENSE', 'package.json']) {
      assert.ok(fs.existsSync(path.join(pkg, file)), `${file} is in the package`);
    }
    for (const absent of ['src', 'test', 'node_modules', 'dist/extension.js', 'dist/cli.js.map', 'examples']) {
      assert.ok(!fs.existsSync(path.join(pkg, absent)), `${absent} is not in the package`);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { dependencies?: object };
    assert.equal(manifest.dependencies, undefined, 'everything the CLI runs is bundled into dist/cli.js');
    assert.match(fs.readFileSync(path.join(pkg, 'dist/cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
    assert.ok((fs.statSync(path.join(pkg, 'dist/cli.js')).mode & 0o111) !== 0, 'dist/cli.js is executable');
  });

  it('prints its version and checks an example (exit 1 on the clickstream error)', () => {
    const version = run(bin, ['--version']);
    assert.equal(version.status, 0, version.stderr);
    const expected = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(version.stdout, `${expected}\n`);
    const check = run(bin, ['check', 'examples/clickstream/serverless.yml']);
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^examples\/clickstream\/serverless\.yml:64:3 error throughput-exceeds-concurrency 'sessionize' needs about 150 concurrent executions/m);
    assert.match(check.stdout, /^1 file checked: 1 error\(s\), 4 warning\(s\), 0 info$/m);
  });
});
