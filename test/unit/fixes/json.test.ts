// Fixes in CloudFormation/SAM JSON templates are written as JSON: every offered fix computes, the result parses as
// JSON, its finding goes and none comes; no comment (ignore-rule) is offered, since JSON has none.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import type { Finding } from '../../../src/core/findings';
import { computeFix } from '../../../src/core/fixes';

const FIXTURES = join(__dirname, '../../fixtures');
const key = (f: Finding) => `${f.rule}|${f.node ?? ''}`;

describe('fixes: CloudFormation and SAM JSON templates are edited as JSON', () => {
  for (const file of ['cloudformation/queue-pipeline.template.json', 'sam/events.template.json']) {
    it(`every fix offered on ${file} keeps valid JSON and settles its finding`, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      const before = analyze(text, { path: file });
      const offered = before.findings.flatMap((f) => f.fixes.map((o) => [f, o.id] as const));
      assert.ok(offered.length >= 3, `${offered.length} fixes offered`);
      for (const [finding, id] of offered) {
        const what = `${id} for ${key(finding)}`;
        assert.notEqual(id, 'ignore-rule', 'no comment can be written into JSON');
        const fix = computeFix(before, finding, id);
        assert.ok(fix, `${what}: computes`);
        const after = applyEdits(text, fix.edits);
        assert.doesNotThrow(() => JSON.parse(after), `${what}: still JSON`);
        assert.ok(!after.includes('!GetAtt') && !after.includes('!Ref') && !/^\s*#/m.test(after), `${what}: no YAML written`);
        const reanalysed = analyze(after, { path: file });
        assert.ok(!reanalysed.findings.some((f) => f.message === finding.message), `${what}: the finding is gone`);
        const known = new Set(before.findings.map(key));
        assert.deepEqual(reanalysed.findings.filter((f) => !known.has(key(f))).map(key), [], `${what}: nothing new`);
      }
    });
  }

  it('adds a key after the last entry of an object, at the file indentation, with a comma', () => {
    const file = 'cloudformation/queue-pipeline.template.json';
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const analysis = analyze(text, { path: file });
    const finding = analysis.findings.find((f) => f.rule === 'queue-without-dlq')!;
    const after = applyEdits(text, computeFix(analysis, finding, 'add-redrive-policy')!.edits);
    assert.ok(
      after.includes(
        '        "VisibilityTimeout": 10,\n        "RedrivePolicy": {\n          "deadLetterTargetArn": { "Fn::GetAtt": ["JobsDLQ", "Arn"] },\n          "maxReceiveCount": 5\n        }\n      }',
      ),
      after,
    );
  });

  it('YAML templates still get YAML and the ignore-rule comment', () => {
    const text = readFileSync(join(FIXTURES, 'cloudformation/stream-pipeline.yaml'), 'utf8');
    const analysis = analyze(text);
    const withFix = analysis.findings.find((f) => f.fixes.some((o) => o.id === 'ignore-rule'));
    assert.ok(withFix, 'ignore-rule offered in YAML');
  });
});
