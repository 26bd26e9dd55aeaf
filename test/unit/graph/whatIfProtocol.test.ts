import { strict as assert } from 'node:assert';
import { parseWebviewMessage } from '../../../src/protocol';

describe('graph webview protocol: what-if intents', () => {
  it('accepts what-if and apply requests with valid overrides', () => {
    const overrides = { region: 'eu-central-1', functions: { sessionize: { memoryMb: 1024, architecture: 'arm64', ratePerSecond: 0.5, shards: 8 } } };
    assert.deepEqual(parseWebviewMessage({ type: 'whatIf', version: 4, seq: 9, target: 'sessionize', overrides, extra: true }), {
      type: 'whatIf', version: 4, seq: 9, target: 'sessionize', overrides,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'whatIf', version: 4, seq: 0, target: null, overrides: { functions: {} } }), {
      type: 'whatIf', version: 4, seq: 0, target: null, overrides: { functions: {} },
    });
    assert.deepEqual(parseWebviewMessage({ type: 'applyWhatIf', version: 2, overrides }), { type: 'applyWhatIf', version: 2, overrides });
    const scaled = { rateScale: 10, functions: {} };
    assert.deepEqual(parseWebviewMessage({ type: 'applyWhatIf', version: 2, overrides: scaled }), { type: 'applyWhatIf', version: 2, overrides: scaled });
    assert.deepEqual(parseWebviewMessage({ type: 'exportSvg', svg: '<svg/>', subject: 'chart' }), { type: 'exportSvg', svg: '<svg/>', subject: 'chart' });
    assert.deepEqual(parseWebviewMessage({ type: 'exportSvg', svg: '<svg/>', subject: '../../etc' }), { type: 'exportSvg', svg: '<svg/>' });
  });

  it('drops requests whose overrides AWS would refuse or that carry anything else', () => {
    const base = { type: 'whatIf', version: 1, seq: 1, target: null };
    const bad: unknown[] = [
      { ...base, overrides: undefined },
      { ...base, overrides: { functions: [] } },
      { ...base, overrides: { functions: { f: { memoryMb: 64 } } } },
      { ...base, overrides: { functions: { f: { memoryMb: 1024.5 } } } },
      { ...base, overrides: { functions: { f: { parallelizationFactor: 11 } } } },
      { ...base, overrides: { functions: { f: { maximumConcurrency: 1 } } } },
      { ...base, overrides: { functions: { f: { ratePerSecond: -1 } } } },
      { ...base, overrides: { functions: { f: { ratePerSecond: '5' } } } },
      { ...base, overrides: { functions: { f: { architecture: 'sparc' } } } },
      { ...base, overrides: { functions: { f: { handler: 'x.js' } } } },
      { ...base, overrides: { functions: { f: null } } },
      { ...base, overrides: { region: 'mars-1', functions: {} } },
      { ...base, overrides: { rateScale: 0, functions: {} } },
      { ...base, overrides: { rateScale: 1e6, functions: {} } },
      { ...base, overrides: { region: 'eu-west-1; rm -rf', functions: {} } },
      { ...base, seq: -1, overrides: { functions: {} } },
      { ...base, target: 42, overrides: { functions: {} } },
      { type: 'applyWhatIf', version: 'latest', overrides: { functions: {} } },
    ];
    for (const raw of bad) assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
  });
});
