// Fixes offered on the joined model edit only the file they belong to: every one computes on that file's text,
// its edits stay inside it, and the result still parses as the same format.
import * as assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import { computeFix } from '../../../src/core/fixes';
import { FIXTURES, joinFixtures } from './load';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ya?ml|json)$/.test(name) && name !== 'manifest.json' ? [relative(FIXTURES, full)] : [];
  });
}

describe('workspace: fixes on the joined model', () => {
  it('every offered fix edits its own file only, and the file still parses', () => {
    const joined = joinFixtures(files(FIXTURES));
    let checked = 0;
    for (const { path, analysis, fixAnalysis } of joined.files) {
      const text = analysis.parsed.text;
      for (const finding of analysis.findings) {
        for (const offer of finding.fixes) {
          const fix = computeFix(fixAnalysis, finding, offer.id);
          assert.ok(fix, `${path}: ${offer.id} for ${finding.rule} is offered, so it computes`);
          for (const e of fix.edits) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, `${path}: edit inside the file`);
          const after = analyze(applyEdits(text, fix.edits), { path });
          assert.equal(after.format, analysis.format, `${path}: ${offer.id} keeps the format`);
          assert.deepEqual(after.findings.filter((f) => f.rule === 'parse-error'), [], `${path}: ${offer.id} keeps it parsable`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 10, `${checked} fixes checked`);
  });
});
