// Reads the `pipelineLens.*` configuration from VS Code and maps it for the core (see present/settingsMap.ts).
import * as vscode from 'vscode';
import { mapSettings, type EditorSettings } from './present/settingsMap';

export const CONFIG_SECTION = 'pipelineLens';

export function readEditorSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return mapSettings((key) => config.get(key));
}
