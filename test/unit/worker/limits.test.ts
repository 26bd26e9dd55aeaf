import { strict as assert } from 'node:assert';
import { looksLikePipeline, skipReason } from '../../../src/extension/worker/limits';
import { scanFiles } from '../../../src/extension/worker/scanLoop';

describe('files not analysed', () => {
  it('skips a file above the size limit and says the size and the setting', () => {
    const text = 'a: ' + 'x'.repeat(1.2 * 1024 * 1024);
    assert.match(skipReason(text, 1) ?? '', /1\.2 MB, above the 1 MB limit \(setting pipelineLens\.maxFileSizeMB\)/);
    assert.equal(skipReason(text, 2), undefined);
  });

  it('counts UTF-8 bytes, not characters', () => {
    assert.ok(skipReason('é'.repeat(600 * 1024), 1), '600 K two-byte characters are 1.2 MB');
  });

  it('skips binary text (a NUL in the first 8 KB), not YAML that mentions \\0', () => {
    assert.match(skipReason('PK\u0003\u0004\0\0garbage', 5) ?? '', /binary/);
    assert.equal(skipReason('key: "\\0"\n', 5), undefined);
    assert.equal(skipReason('a: 1\n'.repeat(3000) + '\0', 5), undefined, 'only the first 8 KB are probed');
  });
});

describe('which skipped files are told about', () => {
  it('a file named like a pipeline file, or one whose start reads like a template or serverless.yml', () => {
    assert.ok(looksLikePipeline('anything', true));
    assert.ok(looksLikePipeline('AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', false));
    assert.ok(looksLikePipeline('service: s\nprovider:\n  name: aws\n', false));
  });

  it('not other big YAML (a Kubernetes manifest), which is skipped quietly', () => {
    assert.equal(looksLikePipeline('apiVersion: v1\nkind: ConfigMap\ndata:\n  provider: x\n', false), false);
  });
});

describe('workspace scan loop', () => {
  it('reports progress after each file and stops at the next file when cancelled', async () => {
    const seen: string[] = [];
    let cancelled = false;
    const results = await scanFiles(['a', 'b', 'c', 'd'], {
      analyse: async (file) => {
        seen.push(file);
        if (file === 'b') cancelled = true;
        return file === 'a' ? undefined : file.toUpperCase();
      },
      progress: (done, total) => seen.push(`${done}/${total}`),
      cancelled: () => cancelled,
    });
    assert.deepEqual(seen, ['a', '1/4', 'b', '2/4']);
    assert.deepEqual(results, ['B']);
  });
});
