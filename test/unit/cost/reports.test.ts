import * as assert from 'node:assert/strict';
import { functionReports } from '../../../src/core/cost/reports';
import { analyze } from '../../../src/core/analyze';
import { resolveSettings } from '../../../src/core/settings';
import { fn, located, model, span, withLoad } from '../rules/kit';

describe('function reports', () => {
  it('reports the declared load, a cost and expected concurrency for an annotated function', () => {
    const m = model([withLoad(fn('sessionize', { memoryMb: 2432, timeoutS: 300 }), 50 / 60, 180_000)]);
    const [report] = functionReports(m, resolveSettings());
    assert.deepEqual(report.load, { ratePerSecond: 0.8333, durationMs: 180000, declared: true });
    assert.equal(report.cost?.perDayUsd, 513.02);
    assert.equal(report.concurrency.expected, 150);
    assert.deepEqual(report.span, m.nodes[0].span);
  });

  it('leaves cost and expected concurrency null when the load is unknown, and uses settings defaults when given', () => {
    const m = model([fn('plain')]);
    const [unknown] = functionReports(m, resolveSettings());
    assert.equal(unknown.cost, null);
    assert.equal(unknown.concurrency.expected, null);
    assert.deepEqual(unknown.load, { ratePerSecond: null, durationMs: null, declared: false });
    const [byDefault] = functionReports(m, resolveSettings({ defaults: { ratePerSecond: 1, durationMs: 1000 } }));
    assert.equal(byDefault.load.declared, false);
    assert.equal(byDefault.cost?.perInvocationUsd, 0.000016867); // 1 GB-s x $0.0000166667 + $0.0000002
  });

  it('needs both rate and duration: a rate alone gives no cost', () => {
    const f = fn('half');
    f.fn!.annotation = { span: span(), rate: located(5) };
    const [report] = functionReports(model([f]), resolveSettings());
    assert.equal(report.load.ratePerSecond, 5);
    assert.equal(report.cost, null);
  });

  it('prices in the region the file names, else the settings region', () => {
    const m = model([withLoad(fn('f'), 1, 100)]);
    assert.equal(functionReports(m, resolveSettings({ region: 'eu-west-1' }))[0].cost?.breakdown.region, 'eu-west-1');
    m.region = 'us-west-2';
    assert.equal(functionReports(m, resolveSettings({ region: 'eu-west-1' }))[0].cost?.breakdown.region, 'us-west-2');
  });
});

describe('architecture of a function report', () => {
  const serverless = (functionArch: string) =>
    `service: s\nprovider:\n  name: aws\nfunctions:\n  work:\n    handler: h.h\n${functionArch}`;
  const sam = (architectures: string) =>
    `Transform: AWS::Serverless-2016-10-31\nResources:\n  Work:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: h.h\n${architectures}`;

  it('takes the setting (CLI --arch) when the file names no architecture', () => {
    for (const text of [serverless(''), sam('')]) {
      assert.equal(analyze(text, { settings: { architecture: 'arm64' } }).functions[0].architecture, 'arm64', text);
      assert.equal(analyze(text).functions[0].architecture, 'x86_64', text);
    }
  });

  it('keeps what the file declares over the setting', () => {
    const declared = [serverless('    architecture: x86_64\n'), sam('      Architectures: [x86_64]\n')];
    for (const text of declared) {
      assert.equal(analyze(text, { settings: { architecture: 'arm64' } }).functions[0].architecture, 'x86_64', text);
    }
  });
});
