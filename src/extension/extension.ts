// Activation: one analysis cache, then thin editor features over it. Every provider and command is guarded: the
// extension logs its failures to the "Pipeline Lens" output channel and never throws into VS Code.
import * as vscode from 'vscode';
import { AnalysisCache } from './analysisCache';
import { PipelineCodeActions } from './codeActions';
import { COMMANDS } from './commandIds';
import { analyzeWorkspace, exportReport, insertLoadAnnotation, openExample } from './commands';
import { DiagnosticsController } from './diagnostics';
import { YAML_SELECTOR } from './documentFilter';
import { registerGraphPanel } from './graph';
import { FunctionHints } from './hints';
import { PipelineHover } from './hover';
import { guardCommand, initLog, log, logError } from './log';
import type { EditorSettings } from './present/settingsMap';
import { CONFIG_SECTION, readEditorSettings } from './settings';
import { PipelineStatusBar, showStatusChoice } from './statusBar';
import { scanWorkspace, watchPipelineFiles } from './workspaceScan';
import { WorkspaceGraphPanel } from './workspaceGraph/workspaceGraphPanel';

export interface ExtensionApi {
  cache: AnalysisCache;
  settings: () => EditorSettings;
  /** Resolves when the activation scan of closed pipeline files is done (tests wait on it). */
  initialScan: Promise<number>;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  initLog(context);
  let settings = loadSettings();
  const cache = new AnalysisCache(() => settings.core);
  const diagnostics = new DiagnosticsController(cache);
  const hints = new FunctionHints(cache, () => settings.hintStyle);
  const statusBar = new PipelineStatusBar(cache);
  context.subscriptions.push(
    cache,
    diagnostics,
    hints,
    statusBar,
    vscode.languages.registerCodeLensProvider(YAML_SELECTOR, hints),
    vscode.languages.registerInlayHintsProvider(YAML_SELECTOR, hints),
    vscode.languages.registerHoverProvider(YAML_SELECTOR, new PipelineHover(cache)),
    vscode.languages.registerCodeActionsProvider(YAML_SELECTOR, new PipelineCodeActions(cache), { providedCodeActionKinds: PipelineCodeActions.kinds }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      settings = loadSettings();
      cache.clear();
      diagnostics.refreshAll();
      hints.refresh();
      statusBar.update();
    }),
  );
  const limit = () => settings.workspaceScanLimit;
  context.subscriptions.push(watchPipelineFiles(cache, diagnostics, () => limit() > 0));
  const command = (id: string, what: string, body: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => guardCommand(what, () => body(...args))));
  const openGraph = registerGraphPanel(context, (document) => cache.get(document));
  command(COMMANDS.openGraph, 'Open Graph', (arg, selectId) => openGraph(arg, selectId));
  command(COMMANDS.analyzeWorkspace, 'Analyze Workspace', () => analyzeWorkspace(cache, diagnostics, limit() || 200));
  command(COMMANDS.insertLoadAnnotation, 'Insert Load Annotation', (uri, id) =>
    insertLoadAnnotation(cache, uri instanceof vscode.Uri ? uri : undefined, typeof id === 'string' ? id : undefined));
  command(COMMANDS.exportReport, 'Export Report', () => exportReport(cache, diagnostics, limit() || 200));
  command(COMMANDS.openExample, 'Open Example Pipeline', (path) => openExample(context.extensionUri, typeof path === 'string' ? path : undefined));
  command(COMMANDS.showStatus, 'Show Problems or Graph', () => showStatusChoice());
  command(COMMANDS.openWorkspaceGraph, 'Open Workspace Graph', () => WorkspaceGraphPanel.show(context.extensionUri, cache));
  context.subscriptions.push({ dispose: () => WorkspaceGraphPanel.disposeAll() });

  const initialScan = scanWorkspace(cache, diagnostics, limit()).then(
    (files) => {
      log(`activation scan: ${files.length} pipeline files analysed`);
      return files.length;
    },
    (error) => {
      logError('activation scan', error);
      return 0;
    },
  );
  return { cache, settings: () => settings, initialScan };
}

export function deactivate(): void {}

function loadSettings(): EditorSettings {
  try {
    const settings = readEditorSettings();
    for (const problem of settings.problems) log(`settings: ${problem}`);
    return settings;
  } catch (error) {
    logError('reading settings', error);
    return { core: {}, hintStyle: 'codelens', workspaceScanLimit: 200, problems: [] };
  }
}
