// The unknown-load state as the way in: hint, hover and status bar say what is missing, what is known without it,
// and link to declaring it (Insert Load Annotation) and to the default-load settings.
import { strict as assert } from 'assert';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { functionHint } from '../../../src/extension/present/hintText';
import { functionHover } from '../../../src/extension/present/hoverText';
import { statusText } from '../../../src/extension/present/statusText';
import { TRUSTED_COMMANDS, unknownLoad } from '../../../src/extension/present/unknownLoad';
import { sessionizeReport } from './reports';

const URI = 'file:///w/orders/serverless.yml';
const BASE = 'service: orders\nprovider:\n  name: aws\n\nfunctions:\n  worker:\n    handler: src/worker.handler\n';

function withLoad(load: string): string {
  return `${BASE}custom:\n  pipelineLens:\n    functions:\n      worker:\n${load}`;
}

function worker(text: string): { analysis: Analysis; hint: string; hover: string } {
  const analysis = analyze(text, { path: 'serverless.yml' });
  const report = analysis.functions.find((f) => f.id === 'worker')!;
  const node = analysis.model.nodes.find((n) => n.id === 'worker')!;
  return { analysis, hint: functionHint(report, analysis).text, hover: functionHover(node, report, analysis, URI) };
}

/** The command links of a Markdown text, decoded: [title, command, args]. */
function links(markdown: string): [string, string, unknown][] {
  return [...markdown.matchAll(/\[([^\]]+)\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)].map((m) => [m[1], m[2], m[3] ? JSON.parse(decodeURIComponent(m[3])) : undefined]);
}

describe('unknown load', () => {
  it('says both are missing and gives the most a million calls can cost at the timeout (1024 MB x 6 s)', () => {
    const { hint, hover } = worker(BASE);
    assert.equal(hint, 'load unknown: declare rate and duration · ≤ $100.20 per 1M calls at its 6 s timeout · cap 1,000');
    assert.match(hover, /\*\*Cost:\*\* unknown: this function declares no `rate` and `duration`, and no default is set\./);
    assert.match(hover, /at most \$0\.0001 a call, at most \$100\.20 per 1M calls \(1024 MB for its whole 6 s timeout, the most one call can bill\)/);
  });

  it('with a duration but no rate, prices a call exactly', () => {
    const { hint, hover } = worker(withLoad('        duration: 200ms\n'));
    assert.equal(hint, 'rate unknown: declare it · $3.53 per 1M calls · cap 1,000');
    assert.match(hover, /without the rate: \$0\.00000353 a call, \$3\.53 per 1M calls \(1024 MB × 200 ms\)/);
  });

  it('with a rate but no duration, bounds the cost of a day', () => {
    const { hint, hover } = worker(withLoad('        rate: 10/minute\n'));
    assert.equal(hint, 'duration unknown: declare it · ≤ $1.44/day at its 6 s timeout · cap 1,000');
    assert.match(hover, /- at 10\/minute: at most \$1\.44\/day/);
  });

  it('names a cap of the function\'s own (shards) but not the account-wide one', () => {
    const report = sessionizeReport({ cost: null, load: { ratePerSecond: null, durationMs: null, declared: false }, concurrency: { expected: null, cap: 4, capReason: '4 shards x parallelization factor 1', capKind: 'shards' } });
    assert.deepEqual(functionHint(report), { text: 'load unknown: declare rate and duration · cap 4: 4 shards x PF 1', loadUnknown: true });
  });

  it('links the hover to Insert Load Annotation for this function and to the default-load settings, trusted commands only', () => {
    const { hover } = worker(BASE);
    assert.deepEqual(links(hover), [
      ['Declare its load', 'pipelineLens.insertLoadAnnotation', [URI, 'worker']],
      ['Set a default load for all functions', 'pipelineLens.openLoadSettings', undefined],
    ]);
    for (const [, command] of links(hover)) assert.ok(TRUSTED_COMMANDS.includes(command), command);
  });

  it('says nothing of it once the load is known: cost figures, no links', () => {
    const { analysis, hint, hover } = worker(withLoad('        rate: 10/minute\n        duration: 200ms\n'));
    assert.equal(unknownLoad(analysis.functions[0], analysis), undefined);
    assert.match(hint, /^\$0\.0509\/day · \$0\.00000353 a call/);
    assert.deepEqual(links(hover), []);
    assert.doesNotMatch(hover, /unknown/);
  });
});

describe('status bar with an unknown load', () => {
  it('asks to declare the load, and its click declares the first such function\'s', () => {
    const status = statusText(analyze(BASE, { path: 'serverless.yml' }), URI);
    assert.equal(status.text, '$(type-hierarchy) cost: declare load $(error) 0 $(warning) 0');
    assert.deepEqual(status.declare, { functionId: 'worker', title: 'Declare the load of worker' });
    assert.match(status.tooltip, /^\*\*Pipeline Lens:\*\* cost unknown: the function declares no rate and duration \(`worker`\)\./);
    assert.deepEqual(links(status.tooltip), [
      ['Declare the load of `worker`', 'pipelineLens.insertLoadAnnotation', [URI, 'worker']],
      ['Set a default load for all functions', 'pipelineLens.openLoadSettings', undefined],
      ['Open Graph', 'pipelineLens.openGraph', undefined],
    ]);
  });

  it('adds the known cost and counts the unknown ones when only some are declared', () => {
    const text = withLoad('        rate: 1/second\n        duration: 200ms\n').replace('custom:', '  other:\n    handler: x.y\n    timeout: 30\ncustom:');
    const status = statusText(analyze(text, { path: 'serverless.yml' }), URI);
    assert.equal(status.text, '$(type-hierarchy) $0.305/day + 1 unknown $(error) 0 $(warning) 0');
    assert.match(status.tooltip, /\$0\.305\/day for the functions with a known load; 1 of 2 declares no rate and duration \(`other`\)/);
    assert.equal(status.declare?.functionId, 'other');
  });

  it('offers nothing to declare when every load is known', () => {
    const status = statusText(analyze(withLoad('        rate: 1/second\n        duration: 200ms\n'), { path: 'serverless.yml' }), URI);
    assert.equal(status.declare, undefined);
    assert.equal(status.text, '$(type-hierarchy) $0.305/day $(error) 0 $(warning) 0');
    assert.deepEqual(links(status.tooltip), []);
  });
});
