// Generated deployment files match their golden copies (UPDATE_GOLDEN=1 rewrites them: read the diff first).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TARGETS } from '../../../src/core/generate';
import { designCases, generated, goldenPath } from './designs';

describe('generate: golden files', () => {
  const designs = designCases();

  it('covers the example designs and our fixtures', () => assert.ok(designs.length >= 4, `found ${designs.length}`));

  for (const design of designs) {
    for (const target of TARGETS) {
      it(`${design.name} -> ${target}`, () => {
        const text = generated(design, target);
        const file = goldenPath(design, target);
        if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, text);
        assert.equal(text, fs.readFileSync(file, 'utf8'));
        assert.equal(generated(design, target), text, 'the same design generates the same text');
      });
    }
  }
});
