// The webview's side of the protocol: typed post and state.
import type { WebviewState, WebviewToHost } from '../src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewToHost): void {
  api.postMessage(message);
}

export function loadState(): WebviewState {
  const state = api.getState();
  return typeof state === 'object' && state !== null ? (state as WebviewState) : {};
}

let pending: WebviewState = loadState();

export function saveState(update: Partial<WebviewState>): void {
  pending = { ...pending, ...update };
  api.setState(pending);
}
