// The bundled binary as CI runs it: `node dist/cli.js` (built by `npm run build`, which `npm test` runs first).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.join(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

describe('cli: dist/cli.js as a process', function () {
  this.timeout(120_000);
  before(() => {
    if (!fs.existsSync(CLI)) {
      const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
  });

  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });

  it('starts with a node shebang (package bin pipeline-lens)', () => {
    assert.match(fs.readFileSync(CLI, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(pkg.bin['pipeline-lens'], './dist/cli.js');
  });

  it('exits 1 on the clickstream example (an error finding) and 0 on the healthy one, uncoloured off a TTY', () => {
    const bad = run(['check', 'examples/clickstream']);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /^examples\/clickstream\/serverless\.yml:\d+:\d+ error throughput-exceeds-concurrency /m);
    assert.doesNotMatch(bad.stdout, /\u001b\[/);
    const good = run(['check', 'examples/orders-queue', '--format', 'sarif']);
    assert.equal(good.status, 0, good.stderr);
    assert.equal(JSON.parse(good.stdout).runs[0].results.length, 0);
  });

  it('exits 2 with the message on stderr for a usage error', () => {
    const result = run(['check', '--format', 'xml', 'examples']);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /--format must be one of text, json, sarif/);
  });

  it('draws the graph with elkjs from dist/elk.js, and never loads it for check or --version', () => {
    // A preload that reports, at exit, whether the process loaded the layout engine's bundle.
    const probe = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pl-elk-')), 'probe.js');
    fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write(Object.keys(require.cache).some((f) => f.endsWith('elk.js')) ? 'elk loaded' : 'elk not loaded'));");
    const probed = (args: string[]) => spawnSync(process.execPath, ['--require', probe, CLI, ...args], { cwd: REPO, encoding: 'utf8' });
    const graph = probed(['graph', 'examples/orders-queue/serverless.yml', '--format', 'json']);
    assert.equal(graph.status, 0, graph.stderr);
    assert.ok(JSON.parse(graph.stdout).nodes.length > 0, 'a laid-out graph');
    assert.match(graph.stderr, /elk loaded/);
    for (const args of [['--version'], ['check', 'examples/orders-queue']]) {
      const result = probed(args);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /elk not loaded/, args.join(' '));
    }
  });

  it('prints the fix for the SAM example as a diff', () => {
    const result = run(['fix', 'examples/s3-ingest/template.yaml', '--rule', 'async-without-buffer']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^\+\s+Type: SQS$/m);
    assert.match(result.stdout, /^\+\s+QueueConfigurations:$/m);
  });
});
