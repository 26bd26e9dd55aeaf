import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { iconSvgFile, KIND_ICONS } from '../../../src/core/graph';
import type { NodeKind } from '../../../src/core/model';

const ICON_DIR = path.join(__dirname, '..', '..', '..', 'media', 'icons');

describe('node kind icons', () => {
  // The graph draws KIND_ICONS inline; media/icons/<kind>.svg are the same glyphs as files for the legend and docs.
  // After changing a glyph, regenerate the files: PIPELINE_LENS_WRITE_ICONS=1 npx mocha test/unit/graph/icons.test.ts
  for (const kind of Object.keys(KIND_ICONS) as NodeKind[]) {
    it(`media/icons/${kind}.svg draws the same glyph as the graph`, () => {
      const file = path.join(ICON_DIR, `${kind}.svg`);
      if (process.env.PIPELINE_LENS_WRITE_ICONS === '1') fs.writeFileSync(file, iconSvgFile(kind));
      assert.equal(fs.readFileSync(file, 'utf8'), iconSvgFile(kind));
    });
  }

  it('has one icon for each of the twelve node kinds of the contract', () => {
    assert.deepEqual(Object.keys(KIND_ICONS).sort(), [
      'api', 'bucket', 'event-bus', 'external', 'function', 'queue', 'schedule', 'store', 'stream', 'table', 'table-stream', 'topic',
    ]);
  });
});
