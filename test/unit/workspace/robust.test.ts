// Damaged files never break the workspace: any cut of the fixtures joins without throwing, and every file keeps
// an analysis.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../src/core/analyze';
import { Workspace } from '../../../src/core/workspace';
import { analyzeFixture } from './load';

const PATHS = ['cf-output/ingest/serverless.yml', 'cf-output/process/serverless.yml', 'exports/orders/serverless.yml', 'exports/fulfil/template.yaml', 'ssm/store/template.yaml', 'cdk/cdk.out/ProducerStack.template.json'];
const TEXTS = PATHS.map((p) => analyzeFixture(p).parsed.text);

describe('workspace: damaged input', () => {
  it('joins any cut of the fixture files without throwing', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 8 })), { minLength: PATHS.length, maxLength: PATHS.length }), (cuts) => {
        const ws = new Workspace();
        PATHS.forEach((path, i) => {
          const text = TEXTS[i];
          const [a, b, insert] = cuts[i];
          const start = a % (text.length + 1);
          const end = Math.min(text.length, start + (b % 40));
          ws.update(path, analyze(text.slice(0, start) + insert + text.slice(end), { path }));
        });
        const joined = ws.joined();
        assert.ok(joined.files.every((f) => Array.isArray(f.analysis.findings)));
      }),
      { numRuns: 30 },
    );
  });
});
