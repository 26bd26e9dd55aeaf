// The graph webview as a person looks at it: is every stage on screen, and the overview got by zooming out.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';

export async function allNodesInView(frame: Frame): Promise<boolean> {
  return frame.$$eval('.pl-node', (nodes) => {
    const host = document.querySelector('.pl-canvas-host')!.getBoundingClientRect();
    return nodes.every((n) => {
      const r = n.getBoundingClientRect();
      return r.left >= host.left && r.right <= host.right && r.top >= host.top && r.bottom <= host.bottom;
    });
  });
}

/**
 * The overview a person gets by zooming out: Fit keeps text readable (the side-panel suite checks that), so a graph
 * bigger than the panel needs the zoom-out button to show every stage at once.
 */
export async function showWholeGraph(frame: Frame): Promise<void> {
  await frame.click('vscode-button:has-text("Fit")');
  for (let i = 0; i < 10 && !(await allNodesInView(frame)); i++) await frame.click('vscode-button[title="Zoom out"]');
  assert.ok(await allNodesInView(frame), 'every stage in view after zooming out');
}

