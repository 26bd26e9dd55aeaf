// Hovers on function names, event sources (trigger entries and their source nodes) and load annotations.
import * as vscode from 'vscode';
import type { Span } from '../core/model';
import type { AnalysisCache } from './analysisCache';
import { spanContains, toRange } from './convert';
import { guard } from './log';
import { annotationHover, functionHover, triggerHover } from './present/hoverText';
import { TRUSTED_COMMANDS } from './present/unknownLoad';
import type { AnalysisFacts } from './worker/protocol';
import type { JoinedCaps } from './workspaceGraph/joinedCaps';

/** How long a hover waits for the analysis of the version being typed before it uses the last one. */
const HOVER_WAIT_MS = 300;

interface HoverTarget {
  span: Span;
  markdown: () => string;
}

export class PipelineHover implements vscode.HoverProvider {
  constructor(private readonly cache: AnalysisCache, private readonly joinedCaps?: JoinedCaps) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const settled = await this.cache.settled(document, HOVER_WAIT_MS, true).catch(() => undefined);
    const analysis = this.joinedCaps?.apply(settled) ?? settled;
    return guard('providing a hover', undefined, () => {
      // Offsets of an older text would point at the wrong key: hover only on the analysed version.
      if (!analysis || analysis.version !== document.version) return undefined;
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

export function hoverTargets(analysis: AnalysisFacts, documentUri?: string): HoverTarget[] {
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
