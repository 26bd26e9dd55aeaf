// Activation: one analysis cache, then thin editor features over it. Each feature registers its own disposables.
import * as vscode from 'vscode';
import { AnalysisCache } from './analysisCache';
import { readEditorSettings, CONFIG_SECTION } from './settings';
import { initLog, log, logError } from './log';
import type { EditorSettings } from './present/settingsMap';

export interface ExtensionState {
  cache: AnalysisCache;
  settings: () => EditorSettings;
}

export function activate(context: vscode.ExtensionContext): ExtensionState {
  initLog(context);
  let settings = loadSettings();
  const cache = new AnalysisCache(() => settings.core);
  context.subscriptions.push(cache);
  const state: ExtensionState = { cache, settings: () => settings };
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      settings = loadSettings();
      cache.clear();
    }),
  );
  return state;
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
