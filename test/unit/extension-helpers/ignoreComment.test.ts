import { strict as assert } from 'assert';
import { applyEdits } from '../../../src/core/edit/apply';
import { ignoreFileEdit } from '../../../src/extension/present/ignoreComment';

describe('ignore-file comment', () => {
  it('goes on the first line with the file\'s own line ends', () => {
    const text = 'Resources:\r\n  Q:\r\n';
    assert.equal(applyEdits(text, [ignoreFileEdit(text, 'queue-without-dlq')]), '# pipeline-lens-ignore-file queue-without-dlq\r\nResources:\r\n  Q:\r\n');
    assert.equal(applyEdits('a: 1\n', [ignoreFileEdit('a: 1\n', 'parse-error')]), '# pipeline-lens-ignore-file parse-error\na: 1\n');
  });
});
