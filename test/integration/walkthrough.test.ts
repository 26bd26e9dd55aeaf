// The Getting Started walkthrough, read from the manifest and followed in the real workbench: every step's buttons
// (the command links of its description) run in order, as a person clicking them would, and do what the step says.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from './editorSupport';
import { EXTENSION_ID, waitFor } from './support';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

interface CommandLink {
  title: string;
  command: string;
  args: unknown[];
}

function commandLinks(markdown: string): CommandLink[] {
  return [...markdown.matchAll(/\[([^\]]+)\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)].map((m) => ({
    title: m[1],
    command: m[2],
    args: m[3] ? (JSON.parse(decodeURIComponent(m[3])) as unknown[]) : [],
  }));
}

function walkthroughSteps(): Step[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs: { id: string; steps: Step[] }[] } }).contributes.walkthroughs;
  const walkthrough = walkthroughs.find((w) => w.id === 'gettingStarted');
  assert.ok(walkthrough, 'the manifest has the gettingStarted walkthrough');
  return walkthrough.steps;
}

function graphPanelOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('pipelineLens.graph')));
}

async function lensTitles(document: vscode.TextDocument): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

/** The untitled example the last Open Example button opened. */
async function exampleOpened(firstLine: RegExp): Promise<vscode.TextDocument> {
  const document = await waitFor(
    () => vscode.window.activeTextEditor?.document,
    (d) => d?.isUntitled === true && d.languageId === 'yaml' && firstLine.test(d.getText()),
    20_000,
    'the example in the editor',
  );
  return document!;
}

describe('Getting Started walkthrough', () => {
  const steps = walkthroughSteps();
  const effects: Record<string, (link: CommandLink) => Promise<void>> = {};

  before(async () => {
    await extensionApi();
  });

  it('has four steps, each with its markdown and completion events on commands that exist', async () => {
    assert.deepEqual(steps.map((s) => s.id), ['openExample', 'openGraph', 'bufferQueue', 'declareLoad']);
    const registered = new Set(await vscode.commands.getCommands(true));
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    for (const step of steps) {
      assert.ok(step.media.markdown, `${step.id} has markdown`);
      const media = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, step.media.markdown)));
      assert.match(media, /^# /, `${step.media.markdown} starts with a heading`);
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} completes on something`);
      const commands = [...commandLinks(step.description).map((l) => l.command), ...(step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length))];
      for (const command of commands) assert.ok(registered.has(command), `${step.id}: ${command} is registered`);
      const completing = commandLinks(step.description).filter((l) => step.completionEvents?.includes(`onCommand:${l.command}`));
      assert.ok(completing.length > 0, `${step.id}: one of its buttons completes it`);
    }
  });

  it('opens in the workbench', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', (label) => /welcome|walkthrough|get started/i.test(label), 20_000, 'the walkthrough tab');
  });

  for (const step of steps) {
    it(`step "${step.title}": its buttons run and do what it says`, async () => {
      const links = commandLinks(step.description);
      assert.ok(links.length > 0, `${step.id} has buttons`);
      for (const link of links) {
        const effect = effects[`${step.id}:${link.command}`] ?? effects[link.command];
        assert.ok(effect, `no check written for ${link.command} in ${step.id}`);
        await effect(link);
      }
    });
  }

  let example: vscode.TextDocument | undefined;

  effects['openExample:pipelineLens.openExample'] = async (link) => {
    if (link.args.length === 0) return; // the example picker (a quick pick) is Open Example Pipeline's own test
    await vscode.commands.executeCommand(link.command, ...link.args);
    example = await exampleOpened(/^# Clickstream sessionization/);
    await waitFor(() => vscode.languages.getDiagnostics(example!.uri), (d) => d.length > 0, 20_000, 'findings on the example');
  };

  effects['pipelineLens.openGraph'] = async (link) => {
    await vscode.commands.executeCommand(link.command, ...link.args);
    await waitFor(() => graphPanelOpen(), (open) => open, 20_000, 'the graph panel');
  };

  effects['bufferQueue:pipelineLens.openExample'] = async (link) => {
    await vscode.commands.executeCommand(link.command, ...link.args);
    example = await exampleOpened(/^# S3 -> Lambda ingest/);
    // The lightbulb path completes the step too: its quick fix runs the (no-op) command the step listens for.
    const start = example.positionAt(example.getText().indexOf('Type: S3'));
    const actions = await waitFor(
      async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', example!.uri, new vscode.Range(start, start))) ?? [],
      (a) => a.some((x) => x.title.startsWith('Insert an SQS buffer queue')),
      20_000,
      'the buffer-queue quick fix',
    );
    const fix = actions.find((x) => x.title.startsWith('Insert an SQS buffer queue'))!;
    assert.equal(fix.command?.command, 'pipelineLens.quickFixApplied');
    assert.ok(steps.find((s) => s.id === 'bufferQueue')!.completionEvents?.includes('onCommand:pipelineLens.quickFixApplied'));
  };

  effects['pipelineLens.insertBufferQueue'] = async (link) => {
    const document = example!;
    await vscode.commands.executeCommand(link.command, ...link.args);
    const text = await waitFor(() => document.getText(), (t) => t.includes('IngestFunctionBufferQueue:'), 20_000, 'the buffer queue in the template');
    assert.match(text, /Type: SQS\n\s+Properties:\n\s+Queue: !GetAtt IngestFunctionBufferQueue\.Arn/);
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code))), (codes) => !codes.includes('async-without-buffer'), 20_000, 'the lost-event finding gone');
  };

  effects['declareLoad:pipelineLens.openExample'] = async (link) => {
    await vscode.commands.executeCommand(link.command, ...link.args);
    example = await exampleOpened(/^# Partner webhooks/);
    const titles = await waitFor(() => lensTitles(example!), (t) => t.some((x) => x.startsWith('load unknown: declare rate and duration')), 20_000, 'the unknown-load hints');
    assert.ok(!titles.some((t) => /\/day/.test(t)), `no cost per day yet: ${JSON.stringify(titles)}`);
  };

  effects['pipelineLens.insertLoadAnnotation'] = async (link) => {
    // As the step says: the cursor on a function (here `store`), then the button.
    const editor = await vscode.window.showTextDocument(example!);
    const at = example!.positionAt(example!.getText().indexOf('  store:') + 2);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand(link.command, ...link.args);
    assert.match(example!.getText(), /custom:\n {2}pipelineLens:\n {4}functions:\n {6}store:\n {8}rate: 10\/minute\n {8}duration: 500ms\n/);
    const titles = await waitFor(() => lensTitles(example!), (t) => t.some((x) => /^\$[\d.,]+\/day · /.test(x)), 20_000, 'a cost per day on store');
    assert.ok(titles.some((t) => t.startsWith('load unknown')), `receive still asks for its load: ${JSON.stringify(titles)}`);
  };

  effects['pipelineLens.openLoadSettings'] = async (link) => {
    await vscode.commands.executeCommand(link.command, ...link.args);
    await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', (label) => /settings/i.test(label), 20_000, 'the settings editor');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  };
});
