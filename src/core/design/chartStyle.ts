// The compare chart's stylesheet: VS Code theme variables with fallbacks (the fallbacks make an exported file
// readable outside the editor). The webview page carries it under its nonce; an export embeds it.
const FG = 'var(--vscode-foreground, #333333)';
const MUTED = 'var(--vscode-descriptionForeground, #717171)';
const GRID = 'var(--vscode-editorWidget-border, #c8c8c8)';
const FOCUS = 'var(--vscode-focusBorder, #0090f1)';

export const CHART_CSS = [
  `.pl-chart { font-family: var(--vscode-font-family, -apple-system, "Segoe UI", Ubuntu, sans-serif); font-size: 11px; }`,
  `.pl-chart-bg { fill: var(--vscode-editor-background, #ffffff); }`,
  `.pl-chart-grid { stroke: ${GRID}; stroke-width: 1; stroke-opacity: 0.5; }`,
  `.pl-chart-axis { stroke: ${MUTED}; stroke-width: 1; }`,
  `.pl-chart-tick { fill: ${MUTED}; }`,
  `.pl-chart-label { fill: ${FG}; }`,
  `.pl-chart-line { fill: none; stroke-width: 2; }`,
  `.pl-chart-x86_64 { stroke: var(--vscode-charts-blue, #1a85ff); fill: var(--vscode-charts-blue, #1a85ff); }`,
  `.pl-chart-arm64 { stroke: var(--vscode-charts-green, #388a34); fill: var(--vscode-charts-green, #388a34); }`,
  `.pl-chart-line.pl-chart-arm64 { stroke-dasharray: 6 3; fill: none; }`,
  `.pl-chart-line.pl-chart-x86_64 { fill: none; }`,
  `.pl-chart-cluster { stroke: var(--vscode-editorWarning-foreground, #bf8803); stroke-width: 2; stroke-dasharray: 2 3; }`,
  `.pl-chart-cluster-label { fill: var(--vscode-editorWarning-foreground, #bf8803); }`,
  `.pl-chart-breakeven { stroke: ${MUTED}; stroke-width: 1; stroke-dasharray: 3 3; }`,
  `.pl-chart-point { stroke: var(--vscode-editor-background, #ffffff); stroke-width: 1; }`,
  `.pl-chart-mark { fill: var(--vscode-editorWarning-foreground, #bf8803); stroke: ${FG}; stroke-width: 1; }`,
  `.pl-chart-today { fill: var(--vscode-charts-red, #e51400); stroke: ${FG}; stroke-width: 1.5; }`,
  `.pl-chart [tabindex]:focus { outline: none; }`,
  `.pl-chart [tabindex]:focus-visible { stroke: ${FOCUS}; stroke-width: 3; }`,
].join('\n');
