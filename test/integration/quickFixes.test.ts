// Every quick fix offered on the examples, applied the way the lightbulb does (executeCodeActionProvider, then the
// action's edit and/or its command: the core's fixes are computed by the worker when chosen, for the version they
// were offered for): it edits the file, a problem at that place goes away (the one an "Ignore <rule>" names),
// and undo restores the file byte for byte. (Code actions come back from the API without their `diagnostics`,
// so a fix is matched to the findings by range.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, extensionApi, undoUntil } from './editorSupport';
import { openWorkspaceFile, waitForDiagnostics } from './support';

async function quickFixesAt(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  return all.filter((a) => a.edit || a.command);
}

/** What the light bulb does with a chosen action: apply its edit, then run its command. */
async function applyAction(action: vscode.CodeAction): Promise<boolean> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
  if (action.command) return (await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []))) === true;
  return true;
}

/** "rule @ line:col" for the diagnostics at a range: what the user sees in the Problems view there. */
function problemsAt(diagnostics: readonly vscode.Diagnostic[], range: vscode.Range): string[] {
  return diagnostics.filter((d) => d.range.isEqual(range)).map((d) => `${codeOf(d)} @ ${d.range.start.line}:${d.range.start.character}`);
}

function countOf(diagnostics: readonly vscode.Diagnostic[], rules: Set<string>): number {
  return diagnostics.filter((d) => rules.has(codeOf(d) ?? '')).length;
}

function sameProblems(a: readonly vscode.Diagnostic[], b: readonly vscode.Diagnostic[]): boolean {
  const key = (d: vscode.Diagnostic) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character} ${d.message}`;
  return JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort());
}

function uniqueRanges(diagnostics: readonly vscode.Diagnostic[]): vscode.Range[] {
  const out: vscode.Range[] = [];
  for (const d of diagnostics) if (!out.some((r) => r.isEqual(d.range))) out.push(d.range);
  return out;
}

for (const file of ['clickstream/serverless.yml', 's3-ingest/template.yaml']) {
  describe(`quick fixes in ${file}`, () => {
    let document: vscode.TextDocument;
    let original: string;
    let diagnostics: readonly vscode.Diagnostic[];

    before(async () => {
      await extensionApi();
      document = await openWorkspaceFile(file);
      original = document.getText();
      diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0);
    });

    it('offers "ignore here" and "ignore in this file" for each finding, and at most one preferred fix per place', async () => {
      for (const range of uniqueRanges(diagnostics)) {
        const titles = (await quickFixesAt(document, range)).map((a) => a.title);
        for (const d of diagnostics.filter((x) => x.range.isEqual(range))) {
          assert.ok(titles.includes(`Ignore ${codeOf(d)} here (# pipeline-lens-ignore)`), `${codeOf(d)}: ${JSON.stringify(titles)}`);
          assert.ok(titles.includes(`Ignore ${codeOf(d)} in this file (# pipeline-lens-ignore-file)`), `${codeOf(d)}: ${JSON.stringify(titles)}`);
        }
      }
    });

    it('applies each fix: a problem there goes away, and undo restores the original exactly', async function () {
      this.timeout(10 * 60_000); // each fix waits for two re-analyses (applied, undone)
      const applied: string[] = [];
      for (const range of uniqueRanges(diagnostics)) {
        const before = problemsAt(diagnostics, range);
        for (const title of (await quickFixesAt(document, range)).map((a) => a.title)) {
          // Asked again each time, as from the light bulb: a fix carries the version it was offered for, and the
          // previous fix and its undo made new versions.
          const action = (await quickFixesAt(document, range)).find((a) => a.title === title)!;
          const named = /^Ignore (\S+) /.exec(action.title)?.[1];
          assert.ok(await applyAction(action), `${action.title} was not applied`);
          assert.notEqual(document.getText(), original, `${action.title} changed nothing`);
          // The ignored rule, or one of the problems at this place, has fewer diagnostics in the fixed file.
          const target = new Set(named ? [named] : before.map((b) => b.split(' @')[0]));
          const baseline = countOf(diagnostics, target);
          await waitForDiagnostics(document.uri, (d) => countOf(d, target) < baseline);
          await undoUntil(document, original);
          assert.equal(document.getText(), original, `undo after "${action.title}" did not restore the file`);
          await waitForDiagnostics(document.uri, (d) => sameProblems(d, diagnostics));
          applied.push(action.title);
        }
      }
      assert.ok(applied.length >= diagnostics.length * 2, JSON.stringify(applied));
    });
  });
}

describe('the buffer-queue fix for an S3 event (SAM)', () => {
  it('adds a queue between the bucket and the function and removes async-without-buffer', async () => {
    await extensionApi();
    const document = await openWorkspaceFile('s3-ingest/template.yaml');
    const original = document.getText();
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'async-without-buffer'));
    const finding = diagnostics.find((x) => codeOf(x) === 'async-without-buffer')!;
    const preferred = (await quickFixesAt(document, finding.range)).filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, 'one preferred fix');
    assert.match(preferred[0].title, /buffer queue/);
    assert.ok(await applyAction(preferred[0]));
    const fixed = document.getText();
    const queues = (text: string) => (text.match(/Type: AWS::SQS::Queue\n/g) ?? []).length;
    assert.equal(queues(fixed), queues(original) + 2, 'a buffer queue and its DLQ');
    assert.match(fixed, /Type: AWS::SQS::QueuePolicy\n/);
    assert.match(fixed, /Type: SQS/);
    assert.match(fixed, /IngestBucket:\n    Type: AWS::S3::Bucket\n/, 'the bucket keeps its logical id');
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => codeOf(x) === 'async-without-buffer'));
    await undoUntil(document, original);
    assert.equal(document.getText(), original);
  });
});
