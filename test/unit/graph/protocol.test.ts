import { strict as assert } from 'node:assert';
import { chooseDirection, storedLayoutChoice } from '../../../src/extension/graph/layoutChoice';
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
    assert.deepEqual(parseWebviewMessage({ type: 'viewSize', width: 560, height: 780.5, extra: true }), { type: 'viewSize', width: 560, height: 780.5 });
    for (const choice of ['auto', 'RIGHT', 'DOWN']) assert.deepEqual(parseWebviewMessage({ type: 'setLayout', choice }), { type: 'setLayout', choice });
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
      { type: 'viewSize', width: 560 },
      { type: 'viewSize', width: '560', height: 700 },
      { type: 'viewSize', width: -1, height: 700 },
      { type: 'viewSize', width: Infinity, height: 700 },
      { type: 'viewSize', width: 560, height: 1e9 },
      { type: 'setLayout', choice: 'LEFT' },
      { type: 'setLayout', choice: 'down' },
      { type: 'setLayout' },
    ]) {
      assert.equal(parseWebviewMessage(raw), undefined, JSON.stringify(raw));
    }
  });
});

describe('graph layout direction', () => {
  it('lays out top to bottom in a view taller than wide when the choice is auto, else left to right', () => {
    assert.equal(chooseDirection('auto', { width: 560, height: 780 }), 'DOWN');
    assert.equal(chooseDirection('auto', { width: 1200, height: 780 }), 'RIGHT');
    assert.equal(chooseDirection('auto', { width: 600, height: 600 }), 'RIGHT');
    assert.equal(chooseDirection('auto', undefined), 'RIGHT');
    assert.equal(chooseDirection('auto', { width: 0, height: 0 }), 'RIGHT');
  });

  it('keeps a direction the user chose whatever the view', () => {
    assert.equal(chooseDirection('RIGHT', { width: 560, height: 780 }), 'RIGHT');
    assert.equal(chooseDirection('DOWN', { width: 1600, height: 700 }), 'DOWN');
  });

  it('reads back a stored choice, and anything else as auto', () => {
    assert.equal(storedLayoutChoice('DOWN'), 'DOWN');
    assert.equal(storedLayoutChoice('RIGHT'), 'RIGHT');
    for (const stored of [undefined, 'LEFT', 3, null]) assert.equal(storedLayoutChoice(stored), 'auto');
  });
});
