// Property-based tests of the pure core under bad input (issue 10): seeded, printed, replayable (see config.ts).
import fc from 'fast-check';
import { checkProperty, printTotal, runsFor } from './config';
import { hostileArb } from './hostile';
import { analyzeWithinBound, assertEveryFixHolds, assertRangesInside, fixesChecked, slowest } from './invariants';
import { mutatedArb, mutatedText, transformArb, applyTransform, editArb, applyEdit } from './mutations';
import { SEED_FILES } from './seeds';
import { templateArb } from './templates';

/** A generated template, then possibly a few random edits and a whole-file transform. */
const generatedArb = fc
  .record({ base: templateArb, edits: fc.array(editArb, { maxLength: 2 }), transform: transformArb })
  .map(({ base, edits, transform }) => applyTransform(edits.reduce(applyEdit, base), transform));

describe('core properties (fast-check)', function () {
  this.timeout(300_000);

  after(() => {
    printTotal();
    console.log(`      fuzz: ${fixesChecked.count} fixes applied and checked; slowest analysis ${slowest.ms.toFixed(0)} ms CPU; ${SEED_FILES.length} seed files`);
  });

  it('analyze() never throws, returns within the bound and keeps every range inside the text: hostile input', () => {
    checkProperty('hostile input', runsFor('hostile'), hostileArb, (text) => assertRangesInside(analyzeWithinBound(text), text));
  });

  it('... on generated pipeline files with random edits', () => {
    checkProperty('generated files', runsFor('generated'), generatedArb, (text) => assertRangesInside(analyzeWithinBound(text), text));
  });

  it('... on fixtures, examples and corpus files with random edits, CRLF, BOM and tabs', () => {
    checkProperty('mutated real files', runsFor('mutated'), mutatedArb(1, 6), (m) => {
      const text = mutatedText(m);
      assertRangesInside(analyzeWithinBound(text), text);
    });
  });

  it('every offered fix applies, parses, keeps every comment, settles its finding and adds no problem: generated files', () => {
    const arb = fc.record({ base: templateArb, transform: fc.constantFrom('none', 'crlf', 'bom', 'tabs') }).map(({ base, transform }) => applyTransform(base, transform as 'none'));
    checkProperty('fixes on generated files', runsFor('fixesGenerated'), arb, (text) => assertEveryFixHolds(analyzeWithinBound(text), text));
  });

  it('... on real files with a few random edits', () => {
    checkProperty('fixes on mutated real files', runsFor('fixesMutated'), mutatedArb(0, 2), (m) => {
      const text = mutatedText(m);
      assertEveryFixHolds(analyzeWithinBound(text), text);
    });
  });
});
