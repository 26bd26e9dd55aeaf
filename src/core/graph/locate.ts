// Cursor -> node: which graph node the YAML at an offset belongs to (the innermost node block holding it).
import type { PipelineModel } from '../model';

export function nodeAtOffset(model: PipelineModel, offset: number): string | undefined {
  let best: { id: string; size: number } | undefined;
  for (const node of model.nodes) {
    if (!node.defined) continue;
    const start = node.span.start;
    const end = Math.max(node.span.end, node.blockSpan?.end ?? node.span.end);
    if (offset < start || offset > end) continue;
    const size = end - start;
    if (!best || size < best.size) best = { id: node.id, size };
  }
  return best?.id;
}
