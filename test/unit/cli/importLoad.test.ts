// `pipeline-lens import-load`: a diff by default, the file rewritten with --write, clear errors otherwise.
import { strict as assert } from 'assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cli } from './run';

const REPO = join(__dirname, '..', '..', '..');
const CLOUDWATCH = 'test/fixtures/measured/cloudwatch-clickstream.json';
const TUNING = 'test/fixtures/measured/power-tuning-ingest.json';

describe('cli: import-load', () => {
  it('prints the CloudWatch import as a diff and says what it matched, leaving the file alone', async () => {
    const before = readFileSync(join(REPO, 'examples/clickstream/serverless.yml'), 'utf8');
    const run = await cli(['import-load', 'examples/clickstream/serverless.yml', '--cloudwatch', CLOUDWATCH], { cwd: REPO });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        '--- a/examples/clickstream/serverless.yml',
        '+++ b/examples/clickstream/serverless.yml',
        '@@ -26,11 +26,15 @@',
        '     functions:',
        '       enrich:',
        '         rate: 10/second       # batches of up to 500 clicks from 2 shards',
        '-        duration: 120ms',
        '+        duration: 120.2ms',
        '+        source: measured',
        "+        measuredAt: '2026-11-30T18:00:00Z'",
        '       sessionize:',
        '         rate: 50/minute',
        '-        duration: 180s',
        '+        duration: 150.4s',
        '         stateful: true        # builds user sessions across batches',
        '+        source: measured',
        "+        measuredAt: '2026-11-30T18:00:00Z'",
        '       notify:',
        '         rate: 50/minute',
        '         duration: 400ms',
        '',
      ].join('\n'),
    );
    assert.match(run.stderr, /^pipeline-lens: series invocations_backfill names no function of this file; skipped$/m);
    assert.match(run.stderr, /^pipeline-lens: would write: sessionize: rate 50\/minute, duration 150\.4s \(measured 2026-11-30T18:00:00Z\)$/m);
    assert.equal(readFileSync(join(REPO, 'examples/clickstream/serverless.yml'), 'utf8'), before);
  });

  it('writes the Power Tuning result with --write, at the given --measured-at', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-import-'));
    try {
      copyFileSync(join(REPO, 'examples/s3-ingest/template.yaml'), join(dir, 'template.yaml'));
      copyFileSync(join(REPO, TUNING), join(dir, 'tuning.json'));
      const run = await cli(['import-load', 'template.yaml', '--power-tuning', 'tuning.json', '--measured-at', '2026-12-01T09:30:00Z', '--write'], { cwd: dir });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^pipeline-lens: wrote: IngestFunction: duration 1780ms, memory 512 MB \(measured 2026-12-01T09:30:00Z\)$/m);
      const written = readFileSync(join(dir, 'template.yaml'), 'utf8');
      assert.match(written, /        rate: 2000\/hour          # one invocation per uploaded file\n        duration: 1780ms\n        source: measured\n        measuredAt: '2026-12-01T09:30:00Z'\n/);
      assert.match(written, /                    Value: \.csv\n      MemorySize: 512\n/);
      const check = await cli(['check', 'template.yaml', '--format', 'json'], { cwd: dir });
      const load = JSON.parse(check.stdout).files[0].functions[0].load;
      assert.deepEqual(load, { ratePerSecond: 0.5556, durationMs: 1780, declared: true, source: 'measured', measuredAt: '2026-12-01T09:30:00Z' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with the reason when the measurements match nothing or are not measurements', async () => {
    const none = await cli(['import-load', 'examples/orders-queue/serverless.yml', '--cloudwatch', CLOUDWATCH], { cwd: REPO });
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /^pipeline-lens: test\/fixtures\/measured\/cloudwatch-clickstream\.json: no series matched a function of this file/);
    const wrong = await cli(['import-load', 'examples/clickstream/serverless.yml', '--power-tuning', CLOUDWATCH], { cwd: REPO });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /no power and duration: expected the output of the Lambda Power Tuning state machine/);
    const missing = await cli(['import-load', 'examples/clickstream/serverless.yml', '--cloudwatch', 'nowhere.json'], { cwd: REPO });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nowhere\.json: no such file/);
  });

  it('is a usage error without exactly one measurement file or with a bad number', async () => {
    for (const [args, message] of [
      [['import-load', 'a.yml'], 'import-load needs one of --cloudwatch <file> or --power-tuning <file>'],
      [['import-load', 'a.yml', '--cloudwatch', 'm.json', '--power-tuning', 'r.json'], 'import-load needs one of --cloudwatch <file> or --power-tuning <file>'],
      [['import-load', 'a.yml', '--power-tuning', 'r.json', '--memory', '1.5'], '--memory must be a positive whole number'],
      [['import-load', 'a.yml', '--cloudwatch', 'm.json', '--measured-at', 'today'], '--measured-at must be an ISO 8601 date, e.g. 2026-11-30T18:00:00Z'],
    ] as const) {
      const run = await cli([...args], { cwd: REPO });
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`^pipeline-lens: ${message.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\n`));
    }
  });
});
