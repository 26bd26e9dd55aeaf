// Hovers on function names, event sources (trigger entries and their source nodes) and load annotations.
import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import type { Span } from '../core/model';
import type { AnalysisCache } from './analysisCache';
import { spanContains, toRange } from './convert';
import { guard } from './log';
import { annotationHover, functionHover, triggerHover } from './present/hoverText';
import { TRUSTED_COMMANDS } from './present/unknownLoad';

interface HoverTarget {
  span: Span;
  markdown: () => string;
}

export class PipelineHover implements vscode.HoverProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    return guard('providing a hover', undefined, () => {
      const analysis = this.cache.get(document);
      if (!analysis) return undefined;
      const offset = document.offsetAt(position);
      // The smallest span under the cursor is the thing the user points at (a key inside a function's block...).
      const target = hoverTargets(analysis, document.uri.toString())
        .filter((t) => spanContains(t.span, offset))
        .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
      if (!target) return undefined;
      const markdown = new vscode.MarkdownString(target.markdown());
      // Command links only to our own commands (declare the load, its settings); user text is escaped.
      markdown.isTrusted = { enabledCommands: [...TRUSTED_COMMANDS] };
      markdown.supportHtml = false;
      return new vscode.Hover(markdown, toRange(document, target.span));
    });
  }
}

export function hoverTargets(analysis: Analysis, documentUri?: string): HoverTarget[] {
  const targets: HoverTarget[] = [];
  for (const node of analysis.model.nodes) {
    if (node.kind === 'function') {
      const report = analysis.functions.find((r) => r.id === node.id);
      targets.push({ span: node.span, markdown: () => functionHover(node, report, analysis, documentUri) });
    }
    const annotation = node.fn?.annotation ?? node.annotation;
    if (annotation) targets.push({ span: annotation.span, markdown: () => annotationHover(annotation, node.label) });
    for (const located of [annotation?.rate, annotation?.durationMs, annotation?.shards]) {
      if (located && annotation) targets.push({ span: located.span, markdown: () => annotationHover(annotation, node.label) });
    }
    if (node.kind !== 'function') {
      const triggers = analysis.model.edges.filter((e) => e.from === node.id && e.kind === 'trigger');
      if (triggers.length > 0) targets.push({ span: node.span, markdown: () => triggers.map((e) => triggerHover(e, analysis)).join('\n\n---\n\n') });
    }
  }
  for (const edge of analysis.model.edges) {
    if (edge.kind === 'trigger') targets.push({ span: edge.span, markdown: () => triggerHover(edge, analysis) });
  }
  return targets;
}
