// The shared corpus of real public templates sits beside the clone (../shared/corpus), never inside it. CI lays it
// there and sets PIPELINE_LENS_REQUIRE_CORPUS=1 (.ci/run), so a missing corpus fails there; a clone anywhere else
// runs the corpus suites as skipped, with the reason printed, and the rest of `npm test` still passes.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

export const corpusPath = (...parts: string[]): string => join(CORPUS_DIR, ...parts);

const required = (): boolean => process.env.PIPELINE_LENS_REQUIRE_CORPUS === '1';

let reasonPrinted = false;

/** `describe` for a suite over the corpus: runs it when the corpus is there, else skips it (or fails in CI). */
export function describeCorpus(title: string, body: (this: Mocha.Suite) => void): void {
  if (existsSync(join(CORPUS_DIR, 'INDEX.tsv'))) {
    describe(title, body);
    return;
  }
  const reason = `no shared corpus at ${CORPUS_DIR}`;
  describe(title, () => {
    if (required()) {
      it('finds the shared corpus beside the clone (PIPELINE_LENS_REQUIRE_CORPUS=1)', () => assert.fail(reason));
      return;
    }
    it(`is skipped: ${reason} (set PIPELINE_LENS_REQUIRE_CORPUS=1 to make this an error)`, function () {
      if (!reasonPrinted) console.log(`    corpus suites skipped: ${reason}`);
      reasonPrinted = true;
      this.skip();
    });
  });
}
