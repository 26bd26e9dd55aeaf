// The extension's output channel: failures are logged here instead of thrown into VS Code.
import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;

export function initLog(context: vscode.ExtensionContext): vscode.OutputChannel {
  channel = vscode.window.createOutputChannel('Pipeline Lens');
  context.subscriptions.push(channel);
  return channel;
}

export function log(message: string): void {
  channel?.appendLine(`[${new Date().toISOString()}] ${message}`);
}

export function logError(what: string, error: unknown): void {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  log(`${what}: ${detail}`);
}

/** Runs a provider body; on failure logs and returns the fallback, so VS Code never sees an exception. */
export function guard<T>(what: string, fallback: T, body: () => T): T {
  try {
    return body();
  } catch (error) {
    logError(what, error);
    return fallback;
  }
}

/** The same for async work nobody waits on (events, timers): logs a failure and resolves undefined. */
export async function guardAsync<T>(what: string, body: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    logError(what, error);
    return undefined;
  }
}

/** The same for async command handlers; also tells the user, since they asked for something. Returns what the
 * handler returns (to a caller of executeCommand), undefined when it failed. */
export async function guardCommand<T>(what: string, body: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    logError(what, error);
    void vscode.window.showErrorMessage(`Pipeline Lens: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
