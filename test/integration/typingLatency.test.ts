// Typing latency on a generated 5,000-line serverless.yml: time from an edit to the updated diagnostics (debounce
// included), the extension host's time in our code per analysed version, and the host's worst event-loop stall.
// PRINTS the figures; speed is judged by benchmarks and people, not by a timed assertion here.
import * as assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { codeOf, extensionApi, print, writeWorkspaceFile } from './editorSupport';
import { generatedServerless } from './largeTemplate';
import { waitFor, waitForDiagnostics } from './support';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe('typing latency (printed, not asserted)', () => {
  it('measures edit -> diagnostics on a 5,000-line file', async () => {
    const api = await extensionApi();
    const text = generatedServerless(5000);
    const uri = await writeWorkspaceFile('latency/serverless.yml', text);
    const opened = process.hrtime.bigint();
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const analysis = await waitFor(() => api.cache.get(document), (a) => (a?.functions.length ?? 0) > 0, 60_000, 'the first analysis');
    const firstMs = Number(process.hrtime.bigint() - opened) / 1e6;
    const marker = '  # end of functions';
    const addition = '  onUpload:\n    handler: src/upload.handler\n    events:\n      - sns: uploads\n';
    const samples: number[] = [];
    const parts: { queuedMs: number; analyzeMs: number; serializeMs: number; transitMs: number }[] = [];
    const runsBefore = api.cache.runsOf(document.uri);
    const timingsBefore = api.cache.hostTimings.length;
    const stall = monitorEventLoopDelay({ resolution: 5 });
    stall.enable();
    // The first rounds warm up the worker's JIT (its own V8 isolate); they are counted but printed apart.
    const WARM_UP_ROUNDS = 4;
    for (let round = 0; round < WARM_UP_ROUNDS + 10; round++) {
      const at = document.positionAt(document.getText().indexOf(marker));
      const adding = round % 2 === 0;
      const edit = new vscode.WorkspaceEdit();
      if (adding) edit.insert(document.uri, at, addition);
      else edit.delete(document.uri, new vscode.Range(document.positionAt(document.getText().indexOf(addition)), at));
      const start = process.hrtime.bigint();
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer') === adding, 60_000);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      const timing = api.cache.current(document)?.timing;
      if (timing) parts.push(timing);
    }
    stall.disable();
    assert.equal(document.getText(), text);
    const hostMs = api.cache.hostTimings.slice(timingsBefore);
    const runsPerEdit = (api.cache.runsOf(document.uri) - runsBefore) / samples.length;
    const warmUp = samples.splice(0, WARM_UP_ROUNDS);
    parts.splice(0, WARM_UP_ROUNDS);
    // One analysis per document version, however many features (diagnostics, lenses, status bar) read it.
    assert.equal(runsPerEdit, 1, `analyses per edit: ${runsPerEdit}`);
    print(`      open -> first analysis: ${firstMs.toFixed(0)} ms (${analysis!.functions.length} functions)`);
    print(`      typing latency, ${document.lineCount} lines (${api.cache.mode}): p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms, ` +
      `max ${Math.max(...samples).toFixed(0)} ms (edit -> diagnostics, 250 ms debounce included; samples ${samples.map((s) => s.toFixed(0)).join(', ')}; ` +
      `the ${WARM_UP_ROUNDS} first edits: ${warmUp.map((s) => s.toFixed(0)).join(', ')})`);
    const med = (key: keyof (typeof parts)[number]) => percentile(parts.map((p) => p[key]), 50).toFixed(0);
    print(`      medians: analysis asked for after 150 ms of quiet (shown no sooner than 250 ms), ${med('queuedMs')} ms to the worker, analyze() ${med('analyzeMs')} ms, ` +
      `JSON ${med('serializeMs')} ms, ${med('transitMs')} ms back to the host; the rest is applying the result and VS Code's diagnostics event`);
    print(`      activation in the extension host: modules ${api.activation.loadMs.toFixed(1)} ms + activate() ${api.activation.activateMs.toFixed(1)} ms`);
    print(`      host thread in our code per analysed version (request, result, diagnostics, lenses): median ${percentile(hostMs, 50).toFixed(1)} ms, max ${Math.max(...hostMs).toFixed(1)} ms; ` +
      `worst event-loop stall of the extension host while editing: ${(stall.max / 1e6).toFixed(0)} ms (includes VS Code's own work)`);
  });
});
