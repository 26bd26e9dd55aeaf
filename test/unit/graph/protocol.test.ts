import { strict as assert } from 'node:assert';
import { parseWebviewMessage } from '../../../src/protocol';

describe('graph webview protocol', () => {
  it('accepts the intents the webview sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', nodeId: 'sessionize' }), { type: 'reveal', nodeId: 'sessionize', focusEditor: false });
    assert.deepEqual(parseWebviewMessage({ type: 'applyFix', version: 3, findingIndex: 0, fixId: 'add-dlq', extra: 1 }), {
      type: 'applyFix',
      version: 3,
      findingIndex: 0,
      fixId: 'add-dlq',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'selectionChanged', nodeId: null }), { type: 'selectionChanged', nodeId: null });
  });

  it('drops malformed or unknown messages instead of acting on them', () => {
    for (const raw of [
      null,
      'ready',
      { type: 'runCommand', command: 'rm -rf' },
      { type: 'reveal' },
      { type: 'reveal', nodeId: 42 },
      { type: 'applyFix', version: 1, findingIndex: -1, fixId: 'x' },
      { type: 'applyFix', version: 1, findingIndex: 1.5, fixId: 'x' },
      { type: 'exportPng', dataUrl: 'javascript:alert(1)' },
      { type: 'exportSvg', svg: 'not svg' },
    ]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });
});
