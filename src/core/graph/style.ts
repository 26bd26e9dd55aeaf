// The graph's look as CSS on classes, coloured by VS Code theme variables (light, dark, high contrast) with
// fallbacks so the CLI's standalone SVG reads well in a browser. The webview and the CLI use this same sheet.

const ERROR = 'var(--vscode-editorError-foreground, #e51400)';
const WARNING = 'var(--vscode-editorWarning-foreground, #bf8803)';
const INFO = 'var(--vscode-editorInfo-foreground, #1a85ff)';
const FOCUS = 'var(--vscode-focusBorder, #0090f1)';
const BORDER = 'var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #c8c8c8))';

const KIND_COLOURS: Record<string, string> = {
  // Lambda orange: some themes make charts-orange translucent, too faint for a glyph.
  function: '#e8912d',
  stream: 'var(--vscode-charts-purple, #652d90)',
  'table-stream': 'var(--vscode-charts-purple, #652d90)',
  queue: 'var(--vscode-charts-red, #e51400)',
  topic: 'var(--vscode-charts-red, #e51400)',
  bucket: 'var(--vscode-charts-green, #388a34)',
  table: 'var(--vscode-charts-blue, #1a85ff)',
  'event-bus': 'var(--vscode-charts-purple, #652d90)',
  schedule: 'var(--vscode-charts-yellow, #bf8803)',
  api: 'var(--vscode-charts-blue, #1a85ff)',
  store: 'var(--vscode-charts-blue, #1a85ff)',
  external: 'var(--vscode-descriptionForeground, #717171)',
};

export const GRAPH_CSS = [
  `.pl-graph { font-family: var(--vscode-font-family, -apple-system, "Segoe UI", Ubuntu, sans-serif); font-size: 12px; }`,
  `.pl-background { fill: var(--vscode-editor-background, #ffffff); }`,
  `.pl-node { cursor: pointer; outline: none; }`,
  `.pl-group-box { fill: var(--vscode-sideBar-background, #f8f8f8); fill-opacity: 0.5; stroke: ${BORDER}; stroke-dasharray: 6 3; }`,
  `.pl-group-label { fill: var(--vscode-descriptionForeground, #616161); font-size: 11px; font-weight: 600; }`,
  `.pl-node-box { fill: var(--vscode-editorWidget-background, #f3f3f3); stroke: ${BORDER}; stroke-width: 1; }`,
  `.pl-node.pl-undefined .pl-node-box { stroke-dasharray: 5 3; }`,
  `.pl-node.pl-conditional .pl-node-box { stroke-dasharray: 2 2; }`,
  `.pl-node.pl-sev-error .pl-node-box { stroke: ${ERROR}; stroke-width: 2; }`,
  `.pl-node.pl-sev-warning .pl-node-box { stroke: ${WARNING}; stroke-width: 2; }`,
  `.pl-node.pl-sev-info .pl-node-box { stroke: ${INFO}; stroke-width: 1.5; }`,
  `.pl-node.pl-selected .pl-node-box { fill: var(--vscode-list-inactiveSelectionBackground, #e4e6f1); stroke: ${FOCUS}; stroke-width: 2.5; }`,
  `.pl-node:focus-visible .pl-node-box { stroke: ${FOCUS}; stroke-width: 3; }`,
  `.pl-node.pl-match .pl-node-box { fill: var(--vscode-editor-findMatchHighlightBackground, #ea5c0055); }`,
  `.pl-label { fill: var(--vscode-editor-foreground, #1f1f1f); font-weight: 600; }`,
  `.pl-subtitle { fill: var(--vscode-descriptionForeground, #616161); font-size: 11px; }`,
  `.pl-subtitle.pl-over { fill: ${ERROR}; }`,
  `.pl-icon { fill: none; stroke: var(--pl-kind-colour); stroke-width: 1.4; stroke-linecap: round; stroke-linejoin: round; }`,
  ...Object.entries(KIND_COLOURS).map(([kind, colour]) => `.pl-kind-${kind} { --pl-kind-colour: ${colour}; }`),
  `.pl-badge circle { stroke: none; }`,
  `.pl-badge text { fill: var(--vscode-badge-foreground, #ffffff); font-size: 10px; font-weight: 700; }`,
  `.pl-badge.pl-sev-error circle { fill: ${ERROR}; }`,
  `.pl-badge.pl-sev-warning circle { fill: ${WARNING}; }`,
  `.pl-badge.pl-sev-info circle { fill: ${INFO}; }`,
  `.pl-edge-line { fill: none; stroke: var(--vscode-editorLineNumber-foreground, #8a8a8a); stroke-width: 1.5; }`,
  `.pl-edge-on-failure .pl-edge-line, .pl-edge-dlq .pl-edge-line { stroke-dasharray: 6 3; }`,
  `.pl-edge-write .pl-edge-line, .pl-edge-read .pl-edge-line { stroke-dasharray: 1 3; stroke-linecap: round; }`,
  `.pl-edge.pl-conditional .pl-edge-line { stroke-dasharray: 3 3; }`,
  `.pl-edge.pl-sev-error .pl-edge-line { stroke: ${ERROR}; stroke-width: 2; }`,
  `.pl-edge.pl-sev-warning .pl-edge-line { stroke: ${WARNING}; stroke-width: 2; }`,
  `.pl-edge.pl-sev-info .pl-edge-line { stroke: ${INFO}; }`,
  `.pl-edge.pl-selected .pl-edge-line { stroke: ${FOCUS}; stroke-width: 2.5; }`,
  `.pl-edge { cursor: pointer; }`,
  `.pl-edge-hit { fill: none; stroke: transparent; stroke-width: 12; pointer-events: stroke; }`,
  `.pl-arrow { fill: var(--vscode-editorLineNumber-foreground, #8a8a8a); }`,
  `.pl-arrow-error { fill: ${ERROR}; }`,
  `.pl-arrow-warning { fill: ${WARNING}; }`,
  `.pl-arrow-info { fill: ${INFO}; }`,
  `.pl-edge-label-bg { fill: var(--vscode-editor-background, #ffffff); opacity: 0.85; }`,
  `.pl-edge-label { fill: var(--vscode-descriptionForeground, #616161); font-size: 11px; }`,
  `.pl-empty { fill: var(--vscode-descriptionForeground, #616161); font-size: 13px; }`,
].join('\n');
