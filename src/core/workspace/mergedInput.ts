// The joined workspace as one flat graph input (ids `file#id`), so the existing graph build, layout and SVG/DOT
// export draw it: joined references merge into the node they stand for; findings follow their node.
import type { GraphInput } from '../graph/build';
import type { PipelineEdge, PipelineNode } from '../model';
import { findNode } from '../rules/lookup';
import type { JoinedWorkspace } from './workspace';

const qualified = (file: string, id: string) => `${file}#${id}`;

export interface MergedGraphInput extends GraphInput {
  /** Merged node id -> the file it is defined in. */
  fileOf: Map<string, string>;
}

export function mergedGraphInput(joined: JoinedWorkspace): MergedGraphInput {
  const models = new Map(joined.files.map((f) => [f.path, f.analysis.model]));
  const nodes: PipelineNode[] = [];
  const fileOf = new Map<string, string>();
  for (const n of joined.graph.nodes) {
    const node = findNode(models.get(n.file)!, n.id);
    if (!node) continue;
    nodes.push({ ...node, id: qualified(n.file, n.id) });
    fileOf.set(qualified(n.file, n.id), n.file);
  }
  const edges: PipelineEdge[] = joined.graph.edges.map((e, i) => {
    const fromModel = models.get(e.fromFile)!;
    const original = fromModel.edges.find((x) => x.from === e.from && x.to === e.to && x.kind === e.kind);
    return {
      ...(original ?? { span: { start: 0, end: 0 } }),
      id: `ws${i}:${e.kind}`,
      from: qualified(e.fromFile, e.from),
      to: qualified(e.toFile, e.to),
      kind: e.kind,
    };
  });
  const functions = joined.files.flatMap((f) => f.analysis.functions.map((r) => ({ ...r, id: qualified(f.path, r.id) })));
  const findings = joined.files.flatMap((f) =>
    f.analysis.findings.map((x) => ({ ...x, node: x.node === undefined ? undefined : qualified(f.path, x.node), edge: undefined })),
  );
  return { model: { format: 'pipeline', nodes, edges, problems: [] }, findings, functions, fileOf };
}
