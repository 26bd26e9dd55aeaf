import { strict as assert } from 'assert';
import { mapSettings } from '../../../src/extension/present/settingsMap';
import { isPipelineFileName } from '../../../src/extension/present/fileNames';

function lookup(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

describe('settings mapping', () => {
  it('maps editor settings to the core settings', () => {
    const mapped = mapSettings(lookup({
      region: 'eu-west-1', architecture: 'arm64', 'defaults.rate': '50/minute', 'defaults.duration': '1.5s',
      'prices.durationPerGbSecond.arm64': 0.00001, 'prices.perRequest': null, subtractFreeTier: true,
      'clusterReference.label': 'MSK 3 brokers', 'clusterReference.usdPerHour': 1.2, visibilityTimeoutMultiplier: 4,
      accountConcurrencyLimit: 3000, severities: { 'chained-without-buffer': 'off' }, hints: 'inlay', 'workspaceScan.maxFiles': 10,
      'workspace.joinFiles': false,
    }));
    assert.deepEqual(mapped.core, {
      region: 'eu-west-1', architecture: 'arm64', defaults: { ratePerSecond: 50 / 60, durationMs: 1500 },
      prices: { durationPerGbSecond: { arm64: 0.00001 } }, subtractFreeTier: true,
      clusterReference: { label: 'MSK 3 brokers', usdPerHour: 1.2 }, visibilityTimeoutMultiplier: 4,
      accountConcurrencyLimit: 3000, severities: { 'chained-without-buffer': 'off' },
    });
    assert.equal(mapped.hintStyle, 'inlay');
    assert.equal(mapped.workspaceScanLimit, 10);
    assert.equal(mapped.joinWorkspace, false);
    assert.deepEqual(mapped.problems, []);
  });

  it('drops invalid values, says why, and keeps the defaults', () => {
    const mapped = mapSettings(lookup({ region: 'Ireland', 'defaults.rate': 'lots', severities: { 'no-such-rule': 'error', 'queue-without-dlq': 'loud' }, hints: 'banner' }));
    assert.equal(mapped.core.region, undefined);
    assert.equal(mapped.core.defaults?.ratePerSecond, undefined);
    assert.deepEqual(mapped.core.severities, {});
    assert.equal(mapped.hintStyle, 'codelens');
    assert.equal(mapped.workspaceScanLimit, 200);
    assert.equal(mapped.joinWorkspace, true, 'joined in the background unless turned off');
    assert.equal(mapped.problems.length, 4, mapped.problems.join('\n'));
  });
});

describe('pipeline file names', () => {
  it('recognises serverless, template and *.pipeline files only', () => {
    for (const name of ['/w/serverless.yml', '/w/a/serverless.yaml', 'template.yaml', '/w/template.yml', '/w/orders.pipeline.yaml', 'x.pipeline.yml']) {
      assert.ok(isPipelineFileName(name), name);
    }
    for (const name of ['/w/docker-compose.yml', '/w/my-serverless.yml', '/w/pipeline.yaml', '/w/template.json']) {
      assert.ok(!isPipelineFileName(name), name);
    }
  });
});
