// Every golden case of every fix: exact output (comments included), the finding gone, nothing new found.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FIXES } from '../../../src/core/fixes';
import { GOLDEN_DIR, goldenCases, runGoldenCase } from './golden';

describe('fixes: golden files', () => {
  it('has golden cases for every fix in the registry', () => {
    const dirs = fs.readdirSync(GOLDEN_DIR);
    assert.deepEqual(FIXES.map((f) => f.id).filter((id) => !dirs.includes(id)), []);
  });
  for (const fix of FIXES) {
    for (const c of goldenCases(fix.id)) {
      it(`${fix.id}: ${c.name}`, () => {
        runGoldenCase(c);
      });
    }
  }
});
