// Edges the workspace draws from joins made through text (an IAM resource or environment value naming another
// file's node): the file has no edge for them, but the pipeline does run through them.
import type { EdgeKind, PipelineModel } from '../model';
import type { JoinGraph } from './graph';
import type { Join, NodeHandle } from './join';

const WRITE_ACTION = /:(\*|Put|Update|Delete|BatchWrite|Write|Create|Invoke|Send|Publish)/i;

export interface TextEdge {
  from: NodeHandle;
  to: NodeHandle;
  kind: EdgeKind;
  join: Join;
}

export function textJoinEdges(path: string, model: PipelineModel, graph: JoinGraph): TextEdge[] {
  const out: TextEdge[] = [];
  const seen = new Set<string>();
  const add = (fnId: string, raw: string, kind: EdgeKind) => {
    const join = graph.joinOf({ file: path, id: raw });
    if (!join || join.hasNode || seen.has(`${fnId}\u0000${raw}`)) return;
    seen.add(`${fnId}\u0000${raw}`);
    out.push({ from: { file: path, id: fnId }, to: join.to, kind, join });
  };
  for (const node of model.nodes) {
    const fn = node.fn;
    if (!fn) continue;
    for (const s of fn.iamStatements) {
      if (s.effect !== 'Allow') continue;
      const kind: EdgeKind = s.actions.some((a) => WRITE_ACTION.test(a)) ? 'write' : 'read';
      for (const raw of s.rawResources) add(node.id, raw, kind);
    }
    for (const env of fn.environment) if (env.refs.length === 0) add(node.id, env.value, 'read');
  }
  return out;
}
