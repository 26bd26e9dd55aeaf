import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unifiedDiff } from '../../../src/cli/diff';
import { cli } from './run';

const GOLDEN = path.join(__dirname, '..', '..', 'golden');

describe('cli: fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-cli-fix-'));
    fs.copyFileSync(path.join(GOLDEN, 'insert-buffer-queue', 'serverless-s3.input.yml'), path.join(dir, 'serverless.yml'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the preferred fix as a unified diff that patch applies to give the golden output', async () => {
    const run = await cli(['fix', 'serverless.yml', '--rule', 'async-without-buffer'], { cwd: dir });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^--- a\/serverless\.yml\n\+\+\+ b\/serverless\.yml\n@@ -11,12 \+11,9 @@/);
    assert.match(run.stdout, /^-      - s3:$/m);
    assert.match(run.stdout, /^\+      - sqs:$/m);
    assert.match(run.stderr, /would apply: Insert an SQS buffer queue \(with DLQ\) between S3BucketThumbnailsuploadsdev and resize \(resize\)/);
    fs.writeFileSync(path.join(dir, 'fix.diff'), run.stdout);
    const patch = spawnSync('patch', ['-p1', '-i', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
    assert.equal(patch.status, 0, patch.stderr + patch.stdout);
    const expected = fs.readFileSync(path.join(GOLDEN, 'insert-buffer-queue', 'serverless-s3.expected.yml'), 'utf8');
    assert.equal(fs.readFileSync(path.join(dir, 'serverless.yml'), 'utf8'), expected);
  });

  it('applies the fix with --write, after which check finds nothing', async () => {
    const run = await cli(['fix', 'serverless.yml', '--rule', 'async-without-buffer', '--write'], { cwd: dir });
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /applied: Insert an SQS buffer queue/);
    const check = await cli(['check', 'serverless.yml'], { cwd: dir });
    assert.equal(check.stdout, '1 file checked: 0 error(s), 0 warning(s), 0 info\n');
  });

  it('fixes every finding of the rule, one after the other', async () => {
    const text = fs.readFileSync(path.join(dir, 'serverless.yml'), 'utf8').replace(
      '  report:\n',
      '  archive:\n    handler: src/archive.handler\n    events:\n      - s3: thumbnails-archive\n  report:\n',
    );
    fs.writeFileSync(path.join(dir, 'serverless.yml'), text);
    assert.equal((await cli(['check', 'serverless.yml'], { cwd: dir })).stdout.match(/async-without-buffer/g)?.length, 2);
    const run = await cli(['fix', 'serverless.yml', '--rule', 'async-without-buffer', '--write'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr.match(/applied:/g)?.length, 2);
    const after = fs.readFileSync(path.join(dir, 'serverless.yml'), 'utf8');
    assert.match(after, /ArchiveBufferQueue:/);
    assert.match(after, /ResizeBufferQueue:/);
    assert.equal(after.match(/^resources:/gm)?.length, 1, 'one resources section');
    assert.equal((await cli(['check', 'serverless.yml'], { cwd: dir })).stdout, '1 file checked: 0 error(s), 0 warning(s), 0 info\n');
  });

  it('says so, prints nothing and exits 0 when the rule has no finding', async () => {
    const run = await cli(['fix', 'serverless.yml', '--rule', 'queue-without-dlq'], { cwd: dir });
    assert.deepEqual({ code: run.code, stdout: run.stdout }, { code: 0, stdout: '' });
    assert.match(run.stderr, /serverless\.yml has no queue-without-dlq finding/);
  });

  it('falls back to an on-failure destination where no buffer queue can be made (a bucket outside the stack)', async () => {
    const original = 'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.main\n    events:\n      - s3: { bucket: b, existing: true }\n';
    fs.writeFileSync(path.join(dir, 'serverless.yml'), original);
    const check = await cli(['check', 'serverless.yml', '--format', 'json'], { cwd: dir });
    const finding = JSON.parse(check.stdout).files[0].findings.find((f: { rule: string }) => f.rule === 'async-without-buffer');
    assert.ok(finding, 'the existing bucket still has the finding');
    const run = await cli(['fix', 'serverless.yml', '--rule', 'async-without-buffer', '--write'], { cwd: dir });
    assert.equal(run.code, 0, 'an on-failure destination is the fix offered instead');
    assert.match(fs.readFileSync(path.join(dir, 'serverless.yml'), 'utf8'), /destinations:\n      onFailure:/);
  });
});

describe('cli: fix without a safe fix', () => {
  it('exits 1, names the finding and leaves the file alone (flow-style stream event)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-cli-nofix-'));
    try {
      const original =
        'service: s\nprovider:\n  name: aws\nfunctions:\n  f:\n    handler: h.main\n    events:\n' +
        '      - stream: { type: kinesis, arn: "arn:aws:kinesis:us-east-1:123456789012:stream/s" }\n';
      fs.writeFileSync(path.join(dir, 'serverless.yml'), original);
      const run = await cli(['fix', 'serverless.yml', '--rule', 'stream-retry-unbounded', '--write'], { cwd: dir });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /no safe fix for stream-retry-unbounded at f/);
      assert.equal(fs.readFileSync(path.join(dir, 'serverless.yml'), 'utf8'), original);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: unified diff', () => {
  it('is empty for equal texts and numbers hunks like diff -u', () => {
    assert.equal(unifiedDiff('f', 'a\nb\n', 'a\nb\n'), '');
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 3\n', 'line 3\nnew\n').replace('line 18\n', '');
    assert.equal(
      unifiedDiff('f', before, after),
      '--- a/f\n+++ b/f\n@@ -1,6 +1,7 @@\n line 1\n line 2\n line 3\n+new\n line 4\n line 5\n line 6\n' +
        '@@ -15,6 +16,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n',
    );
  });
});
