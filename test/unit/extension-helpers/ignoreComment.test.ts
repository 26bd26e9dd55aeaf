import { strict as assert } from 'assert';
import { applyEdits } from '../../../src/core/edit/apply';
import { ignoreFileEdit, ignoreRuleEdit } from '../../../src/extension/present/ignoreComment';

describe('ignore comments', () => {
  it('puts the ignore line above the finding, at its indentation', () => {
    const text = 'functions:\n  sessionize:\n    handler: h\n';
    const offset = text.indexOf('sessionize') + 3;
    const out = applyEdits(text, [ignoreRuleEdit(text, offset, 'stateful-without-store')]);
    assert.equal(out, 'functions:\n  # pipeline-lens-ignore stateful-without-store\n  sessionize:\n    handler: h\n');
  });

  it('keeps CRLF line ends and handles a finding on the first line', () => {
    const text = 'Resources:\r\n  Q:\r\n';
    assert.equal(applyEdits(text, [ignoreRuleEdit(text, 0, 'parse-error')]), '# pipeline-lens-ignore parse-error\r\nResources:\r\n  Q:\r\n');
    assert.equal(applyEdits(text, [ignoreFileEdit(text, 'queue-without-dlq')]), '# pipeline-lens-ignore-file queue-without-dlq\r\nResources:\r\n  Q:\r\n');
  });
});
