import { strict as assert } from 'assert';
import { reportMarkdown } from '../../../src/extension/present/reportMarkdown';
import { analysisOf, sessionizeReport } from './reports';

describe('exported report', () => {
  it('lists each function with its costs and each finding with its line, errors first', () => {
    const text = 'service: s\nprovider:\n  name: aws\nfunctions:\n  sessionize:\n    handler: h\n';
    const analysis = analysisOf(text, {}, [sessionizeReport()]);
    analysis.findings = [
      { rule: 'stream-retry-unbounded', severity: 'warning', message: 'one bad record blocks the shard', span: { start: 62, end: 69 }, related: [], fixes: [] },
      { rule: 'throughput-exceeds-concurrency', severity: 'error', message: 'expected 150 > cap 4', span: { start: 48, end: 58 }, related: [], fixes: [] },
    ];
    const md = reportMarkdown([{ path: 'clickstream/serverless.yml', analysis }], new Date('2026-11-25T12:00:00Z'));
    assert.match(md, /^# Pipeline Lens report\n\nGenerated 2026-11-25T12:00:00.000Z · 1 file\n/);
    assert.match(md, /\*\*Total:\*\* \$513\.02\/day \(\$15,604\.20\/month\) for 1 of 1 functions with a known load · 1 errors, 1 warnings, 0 infos/);
    assert.match(md, /\| sessionize \| 2432 MB \| 50\/minute × 3 min \| \$513\.02 \| \$15,604\.20 \| \$0\.00713 \| ~150 \(cap 4: 4 shards x PF 1\) \|/);
    const error = md.indexOf('**error** `throughput-exceeds-concurrency` (line 5)');
    const warning = md.indexOf('**warning** `stream-retry-unbounded` (line 6)');
    assert.ok(error > 0 && warning > error, md);
  });

  it('says so when a file has no findings, and escapes table cells', () => {
    const analysis = analysisOf('a: 1\n', {}, [sessionizeReport({ id: 'a|b', name: 'a|b', cost: null, load: { ratePerSecond: null, durationMs: null, declared: false }, concurrency: { expected: null, cap: 1000, capReason: 'account limit', capKind: 'account' } })]);
    const md = reportMarkdown([{ path: 'x.yml', analysis }], new Date(0));
    assert.match(md, /\| a\\\|b \| 2432 MB \| unknown \| \? \| \? \| \? \| \? \(cap 1,000: account limit\) \|/);
    assert.match(md, /No findings\./);
    const deployed = reportMarkdown([{ path: 'x.yml', analysis: analysisOf('a: 1\n', {}, [sessionizeReport({ name: 'clicks-dev-sessionize' })]) }], new Date(0));
    assert.match(deployed, /\| sessionize \(clicks-dev-sessionize\) \| 2432 MB \|/);
    assert.match(md, /for 0 of 1 functions/);
  });

  it('marks a measured load with its date, and a declared one with nothing', () => {
    const measured = sessionizeReport();
    measured.load = { ...measured.load, source: 'measured', measuredAt: '2026-11-30T18:00:00Z' };
    const md = reportMarkdown([{ path: 'x.yml', analysis: analysisOf('a: 1\n', {}, [measured]) }], new Date(0));
    assert.match(md, /\| sessionize \| 2432 MB \| 50\/minute × 3 min \(measured 2026-11-30\) \|/);
    const declared = reportMarkdown([{ path: 'x.yml', analysis: analysisOf('a: 1\n', {}, [sessionizeReport()]) }], new Date(0));
    assert.doesNotMatch(declared, /measured/);
  });

  it('lists the pipelines that span files when the workspace is joined, before the files', () => {
    const analysis = analysisOf('a: 1\n', {}, [sessionizeReport()]);
    const pipelines = [
      { title: 'Pipeline 1 · 2 files, 2 functions', cost: '$12.01/day (+1 function(s) with unknown load)', busiest: { text: 'Busiest: process/serverless.yml sessionize at 8.333 of 4 concurrent (4 shards)', nodeId: 'x' } },
      { title: 'Pipeline 2 · 1 file, 3 functions', cost: '$514.31/day' },
    ];
    const md = reportMarkdown([{ path: 'x.yml', analysis }], new Date(0), pipelines);
    assert.match(md, /## Pipelines across files\n\n- \*\*Pipeline 1 · 2 files, 2 functions\*\*: \$12\.01\/day \(\+1 function\(s\) with unknown load\); Busiest: process\/serverless\.yml sessionize at 8\.333 of 4 concurrent \(4 shards\)\n\n## x\.yml/);
    assert.ok(!md.includes('Pipeline 2'), 'a pipeline within one file is in its file section already');
    assert.ok(!reportMarkdown([{ path: 'x.yml', analysis }], new Date(0)).includes('Pipelines across files'));
  });
});
