// The two measurement formats, read from real-shaped files: `aws cloudwatch get-metric-data` output and the
// Lambda Power Tuning state machine's result (bare, and inside `aws stepfunctions describe-execution`).
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { inferPeriodSeconds, measure, metricKind, parseMetricData } from '../../../src/core/design/measured/cloudwatch';
import { decodeVisualization, functionNameOfArn, parsePowerTuning } from '../../../src/core/design/measured/powerTuning';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/measured', name), 'utf8');

describe('measured load: CloudWatch get-metric-data', () => {
  const parsed = parseMetricData(fixture('cloudwatch-clickstream.json'));
  assert.ok(parsed.ok);
  const series = parsed.value;
  const byId = (id: string) => series.find((s) => s.id === id)!;

  it('reads every series with its timestamps in time order (the CLI prints newest first)', () => {
    assert.deepEqual(series.map((s) => s.id), ['invocations_enrich', 'duration_enrich', 'invocations_sessionize', 'duration_sessionize', 'errors_sessionize', 'invocations_backfill']);
    const enrich = byId('invocations_enrich');
    assert.equal(new Date(enrich.timestamps[0]).toISOString(), '2026-11-30T17:00:00.000Z');
    assert.equal(new Date(enrich.timestamps[11]).toISOString(), '2026-11-30T17:55:00.000Z');
    assert.equal(enrich.values[0], 2950);
  });

  it('tells Invocations from Duration by Id or Label and ignores other metrics', () => {
    assert.equal(metricKind(byId('invocations_enrich')), 'invocations');
    assert.equal(metricKind(byId('duration_sessionize')), 'duration');
    assert.equal(metricKind(byId('errors_sessionize')), undefined);
    assert.equal(metricKind({ id: 'm1', label: 'shop-dev-resize Invocations', timestamps: [], values: [], statusCode: 'Complete' }), 'invocations');
  });

  it('infers the 5-minute period and computes rate over the covered hour and the invocation-weighted duration', () => {
    assert.equal(inferPeriodSeconds(series), 300);
    const enrich = measure(byId('invocations_enrich'), byId('duration_enrich'), 300)!;
    assert.equal(enrich.invocations, 36000);
    assert.equal(enrich.ratePerSecond, 10);
    assert.equal(enrich.from, '2026-11-30T17:00:00.000Z');
    assert.equal(enrich.to, '2026-11-30T18:00:00.000Z');
    assert.ok(Math.abs(enrich.durationMs! - 120.1884) < 1e-3, String(enrich.durationMs));
    const sessionize = measure(byId('invocations_sessionize'), byId('duration_sessionize'), 300)!;
    assert.ok(Math.abs(sessionize.ratePerSecond! - 3000 / 3600) < 1e-12);
    assert.ok(Math.abs(sessionize.durationMs! - 150435.2279) < 1e-3, String(sessionize.durationMs));
    assert.deepEqual(sessionize.warnings, []);
  });

  it('averages durations plainly when invocations are missing, and reports partial data', () => {
    const duration = { ...byId('duration_enrich'), statusCode: 'PartialData' };
    const m = measure(undefined, duration, 300)!;
    assert.equal(m.ratePerSecond, undefined);
    assert.ok(Math.abs(m.durationMs! - duration.values.reduce((a, b) => a + b, 0) / 12) < 1e-9);
    assert.deepEqual(m.warnings, ['duration_enrich: StatusCode PartialData']);
  });

  it('rejects text that is not get-metric-data output, with the reason', () => {
    assert.deepEqual(parseMetricData('{"Datapoints": []}'), { ok: false, error: 'no MetricDataResults: expected the output of `aws cloudwatch get-metric-data`' });
    assert.equal(parseMetricData('not json').ok, false);
    const uneven = parseMetricData('{"MetricDataResults":[{"Id":"a","Timestamps":["2026-11-30T17:00:00Z"],"Values":[]}]}');
    assert.deepEqual(uneven, { ok: false, error: 'MetricDataResults[0] needs Timestamps and Values of the same length' });
  });
});

describe('measured load: Lambda Power Tuning output', () => {
  it('reads the optimal configuration and every tested one from stats (includeOutputResults)', () => {
    const parsed = parsePowerTuning(fixture('power-tuning-ingest.json'));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.optimal, { memoryMb: 512, durationMs: 1779.8, costUsd: 1.498e-7 });
    assert.deepEqual(parsed.value.configurations.map((c) => c.memoryMb), [128, 256, 512, 1024, 1536, 2048]);
    assert.equal(parsed.value.configurations[0].durationMs, 7923.4);
    assert.equal(parsed.value.functionName, undefined);
  });

  it('reads describe-execution output: the result is a JSON string under results, the function comes from the input ARN', () => {
    const parsed = parsePowerTuning(fixture('power-tuning-describe-execution.json'));
    assert.ok(parsed.ok);
    assert.equal(parsed.value.functionName, 'clickstream-dev-notify');
    assert.deepEqual(parsed.value.optimal, { memoryMb: 128, durationMs: 9.8125, costUsd: 2.083e-7 });
    // No stats in this output: the configurations come from the visualization URL's hash (Float32, so rounded).
    assert.deepEqual(parsed.value.configurations.map((c) => [c.memoryMb, Number(c.durationMs.toPrecision(5))]), [[128, 9.8125], [256, 4.2031], [512, 2.1875], [1024, 1.9063]]);
  });

  it("decodes the tool's own visualization example and declines a hash that does not line up", () => {
    const example = decodeVisualization('https://lambda-power-tuning.show/#gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4');
    assert.deepEqual(example.map((c) => c.memoryMb), [128, 256, 512, 1024, 1536, 3008]);
    assert.ok(example[0].durationMs > example[5].durationMs, 'more memory runs faster in the example');
    assert.deepEqual(decodeVisualization('https://lambda-power-tuning.show/#gAA;AAAA;AAAA'), []);
    assert.deepEqual(decodeVisualization('https://lambda-power-tuning.show/'), []);
  });

  it('takes the function name from an ARN with or without a qualifier', () => {
    assert.equal(functionNameOfArn('arn:aws:lambda:eu-west-1:123456789012:function:shop-dev-resize:live'), 'shop-dev-resize');
    assert.equal(functionNameOfArn('arn:aws:sqs:eu-west-1:123456789012:queue'), undefined);
  });

  it('rejects output without power and duration', () => {
    assert.deepEqual(parsePowerTuning('{"MetricDataResults": []}'), { ok: false, error: 'no power and duration: expected the output of the Lambda Power Tuning state machine' });
    assert.equal(parsePowerTuning('{"power": "lots", "duration": 3}').ok, false);
  });
});
