// Activation: one analysis cache (its analyses run in a worker thread), then thin editor features over it. Every
// provider and command is guarded: the extension logs its failures to the "Pipeline Lens" output channel and never
// throws into VS Code. Activation loads no parser and no layout engine: those live in dist/analysisWorker.js.
import { LOAD_STARTED } from './loadClock';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { AnalysisCache } from './analysisCache';
import { applyQuickFix, PipelineCodeActions } from './codeActions';
import { insertBufferQueueCommand } from './bufferQueueCommand';
import { APPLY_FIX_COMMAND, COMMANDS } from './commandIds';
import { analyzeWorkspace, asUri, exportReport, insertLoadAnnotation, openExample, openLoadSettings } from './commands';
import { DiagnosticsController } from './diagnostics';
import { YAML_SELECTOR } from './documentFilter';
import { GraphPanel, registerGraphPanel } from './graph';
import { generateFromDesign } from './design/generateCommand';
import { isScaffoldChoices, newPipeline } from './design/newPipelineCommand';
import { FunctionHints } from './hints';
import { PipelineHover } from './hover';
import { importMeasuredLoad } from './importMeasured';
import { guardCommand, initLog, log, logError } from './log';
import type { EditorSettings } from './present/settingsMap';
import { CONFIG_SECTION, readEditorSettings } from './settings';
import { PipelineStatusBar, showStatusChoice } from './statusBar';
import { WorkspaceJoinHolder } from './workspaceGraph/joinHolder';
import { JoinedCaps } from './workspaceGraph/joinedCaps';
import { DiskChanges } from './diskChanges';
import { WorkspaceGraphPanel } from './workspaceGraph/workspaceGraphPanel';
import { scanWorkspace, watchPipelineFiles } from './workspaceScan';

export interface ExtensionApi {
  cache: AnalysisCache;
  settings: () => EditorSettings;
  /** Resolves when the activation scan of closed pipeline files is done (tests wait on it). */
  initialScan: Promise<number>;
  /** The status bar item (tests read what it says and run its command). */
  statusItem: vscode.StatusBarItem;
  /** The graph panel showing a document, if any (integration tests send it webview messages). */
  graphPanel: (uri: vscode.Uri) => GraphPanel | undefined;
  /** The status bar item's text while it is shown (tests read it). */
  statusText: () => string | undefined;
  /** Milliseconds spent loading the bundle's modules and in activate() (the typing test prints them). */
  activation: { loadMs: number; activateMs: number };
}

const LOADED = performance.now();

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStarted = performance.now();
  initLog(context);
  let settings = loadSettings();
  const cache = new AnalysisCache({
    settings: () => settings.core,
    maxFileSizeMB: () => maxFileSizeMB(),
    workerFile: path.join(context.extensionPath, 'dist', 'analysisWorker.js'),
    preferWorker: process.env.PIPELINE_LENS_NO_WORKER !== '1',
  });
  const diagnostics = new DiagnosticsController(cache);
  const joinedCaps = new JoinedCaps();
  const disk = new DiskChanges();
  const hints = new FunctionHints(cache, () => settings.hintStyle, joinedCaps);
  const statusBar = new PipelineStatusBar(cache);
  const joins = new WorkspaceJoinHolder(cache, { diagnostics, caps: joinedCaps, disk }, () => settings.joinWorkspace);
  context.subscriptions.push(
    cache,
    joins,
    joinedCaps,
    disk,
    diagnostics,
    hints,
    statusBar,
    vscode.languages.registerCodeLensProvider(YAML_SELECTOR, hints),
    vscode.languages.registerInlayHintsProvider(YAML_SELECTOR, hints),
    vscode.languages.registerHoverProvider(YAML_SELECTOR, new PipelineHover(cache, joinedCaps)),
    vscode.languages.registerCodeActionsProvider(YAML_SELECTOR, new PipelineCodeActions(cache), { providedCodeActionKinds: PipelineCodeActions.kinds }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      settings = loadSettings();
      cache.clear();
      joins.update();
      diagnostics.refreshAll();
      hints.refresh();
      statusBar.update();
    }),
  );
  const limit = () => settings.workspaceScanLimit;
  context.subscriptions.push(watchPipelineFiles(cache, diagnostics, () => limit() > 0, disk));
  const command = (id: string, what: string, body: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => guardCommand(what, () => body(...args))));
  const openGraph = registerGraphPanel(context, cache);
  // Not through guardCommand: the light bulb (and tests) read whether the fix was applied.
  context.subscriptions.push(vscode.commands.registerCommand(APPLY_FIX_COMMAND, (args: unknown) =>
    applyQuickFix(cache, args).catch((error) => {
      logError('applying a quick fix', error);
      return false;
    })));
  command(COMMANDS.openGraph, 'Open Graph', (arg, selectId) => openGraph(arg, selectId));
  command(COMMANDS.analyzeWorkspace, 'Analyze Workspace', () => analyzeWorkspace(cache, diagnostics, limit() || 200, disk));
  command(COMMANDS.insertLoadAnnotation, 'Insert Load Annotation', (uri, id) =>
    insertLoadAnnotation(cache, asUri(uri), typeof id === 'string' ? id : undefined));
  command(COMMANDS.openLoadSettings, 'Set Default Load', () => openLoadSettings());
  command(COMMANDS.insertBufferQueue, 'Insert Buffer Queue', () => insertBufferQueueCommand(cache));
  command(COMMANDS.exportReport, 'Export Report', () =>
    exportReport(cache, diagnostics, limit() || 200, { caps: joinedCaps, pipelines: () => joins.current?.latest?.pipelines ?? [] }, disk));
  command(COMMANDS.openExample, 'Open Example Pipeline', (path) => openExample(context.extensionUri, typeof path === 'string' ? path : undefined));
  command(COMMANDS.showStatus, 'Show Problems or Graph', () => showStatusChoice());
  command(COMMANDS.importMeasuredLoad, 'Import Measured Load', (uri, measurements, id) =>
    importMeasuredLoad(cache, uri instanceof vscode.Uri ? uri : undefined, measurements instanceof vscode.Uri ? measurements : undefined, typeof id === 'string' ? id : undefined));
  command(COMMANDS.generateFromDesign, 'Generate Deployment File from Design', (uri, target, where) =>
    generateFromDesign(cache, uri instanceof vscode.Uri ? uri : undefined, target === 'sam' || target === 'serverless' ? target : undefined, where === 'untitled' || where === 'beside' ? where : undefined));
  command(COMMANDS.newPipeline, 'New Pipeline', (choices, where) =>
    newPipeline(isScaffoldChoices(choices) ? choices : undefined, where === 'untitled' || where instanceof vscode.Uri ? where : undefined));
  command(COMMANDS.openWorkspaceGraph, 'Open Workspace Graph', () => WorkspaceGraphPanel.show(context.extensionUri, joins));
  context.subscriptions.push({ dispose: () => WorkspaceGraphPanel.disposeAll() });

  const initialScan = scanWorkspace(cache, diagnostics, limit(), ACTIVATION_SCAN_NOTIFY_MS, disk).then(
    (files) => {
      log(`activation scan: ${files.length} pipeline files analysed`);
      // Then join the files in the background (after the scan, so the first diagnostics come first).
      joins.update();
      return files.length;
    },
    (error) => {
      logError('activation scan', error);
      joins.update();
      return 0;
    },
  );
  const graphPanel = (uri: vscode.Uri) => GraphPanel.all().find((p) => p.documentUri === uri.toString());
  const activation = { loadMs: LOADED - LOAD_STARTED, activateMs: performance.now() - activateStarted };
  log(`activated in ${activation.activateMs.toFixed(1)} ms (modules loaded in ${activation.loadMs.toFixed(1)} ms)`);
  return { cache, settings: () => settings, initialScan, statusItem: statusBar.item, graphPanel, statusText: () => statusBar.shownText, activation };
}

export function deactivate(): void {}

/** The activation scan shows its (cancellable) progress only when it takes longer than this. */
const ACTIVATION_SCAN_NOTIFY_MS = 1500;

/** Files above this size are not analysed (setting pipelineLens.maxFileSizeMB, default 5). */
function maxFileSizeMB(): number {
  const value = vscode.workspace.getConfiguration(CONFIG_SECTION).get<number>('maxFileSizeMB', 5);
  return typeof value === 'number' && value > 0 ? value : 5;
}

function loadSettings(): EditorSettings {
  try {
    const settings = readEditorSettings();
    for (const problem of settings.problems) log(`settings: ${problem}`);
    return settings;
  } catch (error) {
    logError('reading settings', error);
    return { core: {}, hintStyle: 'codelens', workspaceScanLimit: 200, joinWorkspace: true, problems: [] };
  }
}
