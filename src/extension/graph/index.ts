// The graph panel's public face for extension.ts: register once, then run the returned openGraph handler.
export { registerGraphPanel, type OpenGraph } from './register';
export { GraphPanel } from './graphPanel';
