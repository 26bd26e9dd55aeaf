// The join graph: which node of which file each reference stands for, and who refers to each defined node.
import type { Join, NodeHandle } from './join';

export const handleKey = (h: NodeHandle): string => `${h.file}\u0000${h.id}`;

export class JoinGraph {
  /** Reference handle -> its join (to the defining node). */
  readonly byReference = new Map<string, Join>();
  /** Defining handle -> the references joined to it. */
  readonly aliases = new Map<string, Join[]>();

  constructor(readonly joins: Join[]) {
    for (const join of joins) {
      this.byReference.set(handleKey(join.from), join);
      const key = handleKey(join.to);
      const list = this.aliases.get(key);
      if (list) list.push(join);
      else this.aliases.set(key, [join]);
    }
  }

  /** The node a handle stands for: its join target, or itself. */
  canonical(h: NodeHandle): NodeHandle {
    return this.byReference.get(handleKey(h))?.to ?? h;
  }

  joinOf(h: NodeHandle): Join | undefined {
    return this.byReference.get(handleKey(h));
  }

  /** Every handle standing for a canonical node (itself and its references in other files). */
  handlesOf(canonical: NodeHandle): NodeHandle[] {
    return [canonical, ...(this.aliases.get(handleKey(canonical)) ?? []).map((j) => j.from)];
  }

  /** Joins made by one file, and joins made to it. */
  touches(file: string): boolean {
    return this.joins.some((j) => j.from.file === file || j.to.file === file);
  }
}
