// The graph as data for tools: JSON (laid out, CONTRACT.md node/edge kinds) and Graphviz DOT (no coordinates).
import type { LaidOutGraph, StageGraph } from './types';

export function graphToJson(graph: LaidOutGraph): object {
  return {
    version: 1,
    width: graph.width,
    height: graph.height,
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      subtitle: n.subtitle,
      defined: n.defined,
      conditional: n.conditional,
      ...(n.fn ? { costPerDayUsd: n.fn.costPerDayUsd, concurrency: { expected: n.fn.concurrencyExpected, cap: n.fn.concurrencyCap } } : {}),
      findings: n.findings,
      x: n.x,
      y: n.y,
      width: n.width,
      height: n.height,
    })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      kind: e.kind,
      label: e.label,
      conditional: e.conditional,
      points: e.sections,
    })),
  };
}

function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

const DOT_SEVERITY_COLOURS = { error: 'red', warning: 'orange', info: 'blue' } as const;

export function toDot(graph: StageGraph): string {
  const lines = ['digraph pipeline {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];'];
  for (const n of graph.nodes) {
    const attrs = [`label=${dotString(`${n.label}\n${n.subtitle}`)}`];
    if (n.worst) attrs.push(`color=${DOT_SEVERITY_COLOURS[n.worst]}`);
    if (!n.defined || n.conditional) attrs.push('style="rounded,dashed"');
    lines.push(`  ${dotString(n.id)} [${attrs.join(', ')}];`);
  }
  for (const e of graph.edges) {
    const attrs = [`label=${dotString(e.label)}`, `class=${dotString(e.kind)}`];
    if (e.worst) attrs.push(`color=${DOT_SEVERITY_COLOURS[e.worst]}`);
    if (e.conditional || e.kind === 'on-failure' || e.kind === 'dlq') attrs.push('style=dashed');
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
