// Measured load into the file: which function each measurement belongs to, and the exact text written (existing
// keys replaced in place, comments and everything else kept), then what the analysis makes of it.
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyze } from '../../../src/core/analyze';
import { detectMeasuredFormat, loadsFromCloudWatch, loadsFromPowerTuning } from '../../../src/core/design/measured/importLoad';
import { applyMeasuredLoads, durationText, rateText, spanningEdit } from '../../../src/core/design/measured/loadEdits';
import { applyEdits } from '../../../src/core/edit/apply';
import { functionHint } from '../../../src/extension/present/hintText';
import { costLines } from '../../../src/extension/present/hoverText';

const root = join(__dirname, '../../..');
const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/measured', name), 'utf8');
const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');
const NOW = new Date('2026-12-01T09:30:00Z');

function imported(text: string, plan: ReturnType<typeof loadsFromCloudWatch>) {
  assert.ok(plan.ok, plan.ok ? '' : plan.error);
  const result = applyMeasuredLoads(text, plan.value.loads, (t) => analyze(t));
  assert.deepEqual(result.skipped, []);
  return { ...result, notes: plan.value.notes };
}

describe('measured load: import into the file', () => {
  it('tells the two formats apart by their keys', () => {
    assert.equal(detectMeasuredFormat(fixture('cloudwatch-clickstream.json')), 'cloudwatch');
    assert.equal(detectMeasuredFormat(fixture('power-tuning-ingest.json')), 'power-tuning');
    assert.equal(detectMeasuredFormat(fixture('power-tuning-describe-execution.json')), 'power-tuning');
    assert.equal(detectMeasuredFormat('{"Datapoints": []}'), undefined);
    assert.equal(detectMeasuredFormat('rate: 5/s'), undefined);
  });

  it('writes rates and durations in the annotation grammar, 4 significant digits', () => {
    assert.equal(rateText(10), '10/second');
    assert.equal(rateText(3000 / 3600), '50/minute');
    assert.equal(rateText(0.00123), '4.428/hour');
    assert.equal(rateText(1 / 86400 / 2), '15.21/month');
    assert.equal(durationText(120.1884), '120.2ms');
    assert.equal(durationText(150435.2279), '150.4s');
  });

  it('CloudWatch into serverless.yml: replaces rate and duration in place, adds source and measuredAt, keeps comments', () => {
    const text = example('clickstream/serverless.yml');
    const { text: out, applied, notes } = imported(text, loadsFromCloudWatch(analyze(text), fixture('cloudwatch-clickstream.json')));
    const before = text.slice(text.indexOf('custom:'), text.indexOf('functions:\n  enrich'));
    const after = out.slice(out.indexOf('custom:'), out.indexOf('functions:\n  enrich'));
    assert.equal(before, 'custom:\n  pipelineLens:\n    functions:\n      enrich:\n        rate: 10/second       # batches of up to 500 clicks from 2 shards\n        duration: 120ms\n      sessionize:\n        rate: 50/minute\n        duration: 180s\n        stateful: true        # builds user sessions across batches\n      notify:\n        rate: 50/minute\n        duration: 400ms\n\n');
    assert.equal(
      after,
      'custom:\n  pipelineLens:\n    functions:\n      enrich:\n        rate: 10/second       # batches of up to 500 clicks from 2 shards\n        duration: 120.2ms\n' +
        "        source: measured\n        measuredAt: '2026-11-30T18:00:00Z'\n" +
        '      sessionize:\n        rate: 50/minute\n        duration: 150.4s\n        stateful: true        # builds user sessions across batches\n' +
        "        source: measured\n        measuredAt: '2026-11-30T18:00:00Z'\n" +
        '      notify:\n        rate: 50/minute\n        duration: 400ms\n\n',
    );
    assert.equal(out.slice(out.indexOf('functions:\n  enrich')), text.slice(text.indexOf('functions:\n  enrich')), 'the rest of the file is untouched');
    assert.deepEqual(applied, ['enrich: rate 10/second, duration 120.2ms (measured 2026-11-30T18:00:00Z)', 'sessionize: rate 50/minute, duration 150.4s (measured 2026-11-30T18:00:00Z)']);
    assert.ok(notes.includes('series invocations_backfill names no function of this file; skipped'));

    const analysis = analyze(out);
    assert.deepEqual(analysis.findings.filter((f) => f.rule === 'invalid-annotation'), []);
    const sessionize = analysis.functions.find((f) => f.id === 'sessionize')!;
    assert.deepEqual(sessionize.load, { ratePerSecond: 0.8333, durationMs: 150400, declared: true, source: 'measured', measuredAt: '2026-11-30T18:00:00Z' });
    const notify = analysis.functions.find((f) => f.id === 'notify')!;
    assert.equal(notify.load.source, undefined, 'a function without measurements stays declared');
    assert.match(functionHint(sessionize).text, / · measured 2026-11-30$/);
    assert.doesNotMatch(functionHint(notify).text, /measured/);
    assert.match(costLines(sessionize)[1], /^- load \(measured 2026-11-30, imported\): /);
    assert.match(costLines(notify)[1], /^- load \(declared\): /);
  });

  it('creates the annotation block where a serverless file has none, once for several functions', () => {
    const text = 'service: shop\nprovider:\n  name: aws\n  stage: prod\nfunctions:\n  enrich: # first step\n    handler: a.run\n  sessionize:\n    handler: b.run\n';
    const cloudwatch = fixture('cloudwatch-clickstream.json').replace(/clickstream-dev-/g, 'shop-prod-');
    const { text: out } = imported(text, loadsFromCloudWatch(analyze(text), cloudwatch));
    assert.equal(
      out,
      text +
        "custom:\n  pipelineLens:\n    functions:\n      enrich:\n        rate: 10/second\n        duration: 120.2ms\n        source: measured\n        measuredAt: '2026-11-30T18:00:00Z'\n" +
        "      sessionize:\n        rate: 50/minute\n        duration: 150.4s\n        source: measured\n        measuredAt: '2026-11-30T18:00:00Z'\n",
    );
  });

  it('matches by the longest name, so `orders-aggregate` is not taken for `aggregate`', () => {
    const text = 'service: s\nprovider:\n  name: aws\nfunctions:\n  aggregate:\n    handler: a.run\n  ordersAggregate:\n    name: orders-aggregate\n    handler: b.run\n';
    const json = JSON.stringify({
      MetricDataResults: [
        { Id: 'inv_orders_aggregate', Label: 'orders-aggregate Invocations', Timestamps: ['2026-11-30T17:05:00Z', '2026-11-30T17:00:00Z'], Values: [600, 600], StatusCode: 'Complete' },
        { Id: 'inv_aggregate', Label: 's-dev-aggregate Invocations', Timestamps: ['2026-11-30T17:05:00Z', '2026-11-30T17:00:00Z'], Values: [60, 60], StatusCode: 'Complete' },
      ],
    });
    const plan = loadsFromCloudWatch(analyze(text), json);
    assert.ok(plan.ok);
    assert.deepEqual(plan.value.loads.map((l) => [l.functionId, l.ratePerSecond]), [['ordersAggregate', 2], ['aggregate', 0.2]]);
  });

  it('says why nothing was imported: no matching function, an unknown --function, one data point without a period', () => {
    const text = example('orders-queue/serverless.yml');
    const none = loadsFromCloudWatch(analyze(text), fixture('cloudwatch-clickstream.json'));
    assert.equal(none.ok, false);
    assert.match(none.ok ? '' : none.error, /^no series matched a function of this file \(functions: /);
    const clickstream = analyze(example('clickstream/serverless.yml'));
    assert.deepEqual(loadsFromCloudWatch(clickstream, fixture('cloudwatch-clickstream.json'), { functionId: 'nope' }), { ok: false, error: 'no function "nope" in this file' });
    const single = JSON.stringify({ MetricDataResults: [{ Id: 'invocations_enrich', Label: 'x', Timestamps: ['2026-11-30T17:00:00Z'], Values: [300], StatusCode: 'Complete' }] });
    assert.match((loadsFromCloudWatch(clickstream, single) as { error: string }).error, /--period/);
    const withPeriod = loadsFromCloudWatch(clickstream, single, { periodSeconds: 60 });
    assert.ok(withPeriod.ok);
    assert.equal(withPeriod.value.loads[0].ratePerSecond, 5);
  });

  it('Power Tuning into SAM: the optimal duration in Metadata.PipelineLens and MemorySize on the function', () => {
    const text = example('s3-ingest/template.yaml');
    const { text: out, notes } = imported(text, loadsFromPowerTuning(analyze(text), fixture('power-tuning-ingest.json'), { now: NOW }));
    assert.ok(notes.includes('IngestFunction: its rate stays as declared, but the block will say source: measured (Power Tuning measures duration only)'), notes.join('\n'));
    assert.equal(
      out,
      text
        .replace('        duration: 4s\n', "        duration: 1780ms\n        source: measured\n        measuredAt: '2026-12-01T09:30:00Z'\n")
        .replace('                    Value: .csv\n', '                    Value: .csv\n      MemorySize: 512\n'),
    );
    const fn = analyze(out).functions[0];
    assert.equal(fn.memoryMb, 512);
    assert.equal(fn.load.durationMs, 1780);
    assert.equal(fn.load.source, 'measured');
  });

  it('Power Tuning: a chosen configuration instead of the optimal one; memorySize added to the function', () => {
    const text = example('clickstream/serverless.yml');
    const plan = loadsFromPowerTuning(analyze(text), fixture('power-tuning-describe-execution.json'), { now: NOW, memoryMb: 1024 });
    assert.ok(plan.ok);
    assert.equal(plan.value.loads[0].functionId, 'notify', 'the describe-execution input names clickstream-dev-notify');
    const { text: out } = imported(text, plan);
    assert.equal(
      out,
      text
        .replace('      notify:\n        rate: 50/minute\n        duration: 400ms\n', "      notify:\n        rate: 50/minute\n        duration: 1.906ms\n        source: measured\n        measuredAt: '2026-12-01T09:30:00Z'\n")
        .replace('          topicName: clickstream-sessions\n', '          topicName: clickstream-sessions\n    memorySize: 1024\n'),
    );
    assert.equal(analyze(out).model.nodes.find((n) => n.id === 'notify')?.fn?.memoryMb, 1024);
    const missing = loadsFromPowerTuning(analyze(text), fixture('power-tuning-describe-execution.json'), { now: NOW, memoryMb: 3008 });
    assert.deepEqual(missing, { ok: false, error: 'no configuration with 3008 MB in the result (tested: 128, 256, 512, 1024)' });
  });

  it('Power Tuning into a design file: the stage gets memory and the measured duration', () => {
    const text = example('design/clickstream.pipeline.yaml');
    const plan = loadsFromPowerTuning(analyze(text), fixture('power-tuning-ingest.json'), { now: NOW, functionId: 'sessionize' });
    const { text: out } = imported(text, plan);
    const stage = analyze(out).model.nodes.find((n) => n.id === 'sessionize')!;
    assert.equal(stage.fn?.memoryMb, 512);
    assert.equal(stage.fn?.annotation?.durationMs?.value, 1780);
    assert.equal(stage.fn?.annotation?.source?.value, 'measured');
    assert.equal(out.split('\n').filter((l) => /^#/.test(l)).length, text.split('\n').filter((l) => /^#/.test(l)).length, 'comments kept');
    const several = analyze(example('clickstream/serverless.yml'));
    assert.deepEqual(loadsFromPowerTuning(several, fixture('power-tuning-ingest.json'), { now: NOW }), { ok: false, error: 'say which function was tuned (--function; one of enrich, sessionize, notify)' });
  });

  it('the annotation reader flags a source or measuredAt it cannot read', () => {
    const text = 'service: s\nprovider:\n  name: aws\ncustom:\n  pipelineLens:\n    functions:\n      f:\n        rate: 5/s\n        source: guessed\n        measuredAt: yesterday\nfunctions:\n  f:\n    handler: h.run\n';
    const messages = analyze(text).findings.filter((f) => f.rule === 'invalid-annotation').map((f) => f.message);
    assert.deepEqual(messages, [
      'Pipeline Lens annotation: source must be measured or declared.',
      'Pipeline Lens annotation: measuredAt must be an ISO 8601 date, e.g. 2026-11-30 or 2026-11-30T18:00:00Z.',
    ]);
    const good = analyze(text.replace('guessed', 'measured').replace('yesterday', '2026-11-30'));
    assert.deepEqual(good.findings.filter((f) => f.rule === 'invalid-annotation'), []);
    assert.deepEqual(good.functions[0].load.source, 'measured');
  });

  it('one spanning edit reproduces the sequential result (what the editor command applies)', () => {
    const text = example('clickstream/serverless.yml');
    const { text: out } = imported(text, loadsFromCloudWatch(analyze(text), fixture('cloudwatch-clickstream.json')));
    const edit = spanningEdit(text, out)!;
    assert.equal(applyEdits(text, [edit]), out);
    assert.ok(edit.start > text.indexOf('custom:') && edit.end < text.indexOf('functions:\n  enrich'), 'only the annotation block is spanned');
    assert.equal(spanningEdit(text, text), undefined);
  });
});
