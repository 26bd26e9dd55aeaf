// Every fix offered on the real public templates of ../shared/corpus computes, keeps the YAML parsable, removes
// its finding and brings no new one. (The corpus sits beside the repository, in CI as here; never copied in.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edit';
import type { Finding } from '../../../src/core/findings';
import { computeFix } from '../../../src/core/fixes';
import { CORPUS_DIR, describeCorpus } from '../../support/corpus';

const CORPUS = CORPUS_DIR;

function corpusFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return corpusFiles(full);
    return /\.(ya?ml|json)$/.test(e.name) ? [full] : [];
  });
}

const sameFinding = (f: Finding) => `${f.rule}|${f.node ?? ''}|${f.message}`;
const ruleAndNode = (f: Finding) => `${f.rule}|${f.node ?? ''}`;

describeCorpus('fixes: on the public corpus', function () {
  this.timeout(300_000);
  const files = corpusFiles(CORPUS);

  it('finds the corpus beside the repository', function () {
    assert.ok(files.length >= 20, `${files.length} files`);
  });

  for (const file of files) {
    it(`every fix offered on ${path.basename(file)} applies cleanly`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const before = analyze(text, { path: file });
      for (const finding of before.findings) {
        for (const offer of finding.fixes) {
          const what = `${offer.id} for ${finding.rule} on ${finding.node}`;
          const fix = computeFix(before, finding, offer.id);
          assert.ok(fix, `${what}: offered, so it computes`);
          const after = analyze(applyEdits(text, fix.edits), { path: file });
          assert.deepEqual(after.findings.filter((f) => f.rule === 'parse-error').map((f) => f.message), [], `${what}: still parses`);
          const count = (list: Finding[]) => list.filter((f) => sameFinding(f) === sameFinding(finding)).length;
          // A function-level fix (an on-failure destination) may settle several findings of the function at once.
          assert.ok(count(after.findings) < count(before.findings), `${what}: the finding is gone`);
          const known = new Set(before.findings.map(ruleAndNode));
          assert.deepEqual(after.findings.filter((f) => !known.has(ruleAndNode(f))).map(ruleAndNode), [], `${what}: nothing new`);
        }
      }
    });
  }
});
