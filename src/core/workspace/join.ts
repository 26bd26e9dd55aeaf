// Joins every file's references to what other files define. A reference with exactly one candidate is joined and
// says how; one with several is reported as ambiguous and left unjoined (never guessed).
import type { Span } from '../model';
import type { FileIndex, NamedValue, ReferenceUse } from './fileIndex';
import { isWild, patternsMatch, type NamePattern } from './patterns';
import type { JoinVia } from './references';

export interface NodeHandle {
  file: string;
  id: string;
}

export interface Join {
  /** The referring file and its reference (an external node id, or the raw text of an environment value / IAM resource). */
  from: NodeHandle;
  /** The defining file and the node it defines. */
  to: NodeHandle;
  via: JoinVia;
  raw: string;
  /** True when `from.id` is an external node of the referring file (else only text in its environment/IAM). */
  hasNode: boolean;
  span: Span;
  /** How it was matched, in words (shown in hovers and edge tooltips). */
  how: string;
}

export interface Ambiguity {
  file: string;
  raw: string;
  via: JoinVia;
  span: Span;
  candidates: NodeHandle[];
}

/** Lookup of named values: exact names by text, names with wildcards scanned. */
class NameTable<T> {
  private readonly exact = new Map<string, { name: NamePattern; value: T }[]>();
  private readonly wild: { name: NamePattern; value: T }[] = [];

  add(name: NamePattern, value: T): void {
    if (isWild(name)) this.wild.push({ name, value });
    else {
      // A name without wildcards is its one literal part (a configured stage already substituted).
      const list = this.exact.get(name.parts[0]) ?? [];
      list.push({ name, value });
      this.exact.set(name.parts[0], list);
    }
  }

  find(name: NamePattern): { name: NamePattern; value: T }[] {
    if (!isWild(name)) return [...(this.exact.get(name.parts[0]) ?? []), ...this.wild.filter((w) => patternsMatch(w.name, name))];
    const out = this.wild.filter((w) => patternsMatch(w.name, name));
    for (const list of this.exact.values()) for (const entry of list) if (patternsMatch(entry.name, name)) out.push(entry);
    return out;
  }
}

interface Tables {
  exports: NameTable<NodeHandle>;
  ssm: NameTable<NodeHandle>;
  stacks: NameTable<FileIndex>;
  names: Map<string, NameTable<NodeHandle>>;
}

function buildTables(indexes: FileIndex[]): Tables {
  const tables: Tables = { exports: new NameTable(), ssm: new NameTable(), stacks: new NameTable(), names: new Map() };
  const named = (table: NameTable<NodeHandle>, file: string, values: NamedValue[]) => values.forEach((v) => table.add(v.name, { file, id: v.nodeId }));
  for (const index of indexes) {
    named(tables.exports, index.path, index.exports);
    named(tables.ssm, index.path, index.ssm);
    index.stacks.forEach((stack) => tables.stacks.add(stack, index));
    for (const def of index.definitions) {
      let table = tables.names.get(def.kind);
      if (!table) tables.names.set(def.kind, (table = new NameTable()));
      for (const name of def.names) table.add(name, { file: index.path, id: def.nodeId });
    }
  }
  return tables;
}

function candidatesFor(ref: ReferenceUse, tables: Tables): { handles: NodeHandle[]; matched: NamePattern[] } {
  const key = ref.key;
  const collect = (found: { name: NamePattern; value: NodeHandle }[]) => ({ handles: found.map((f) => f.value), matched: found.map((f) => f.name) });
  switch (key.via) {
    case 'export':
      return collect(key.name.parts.length ? tables.exports.find(key.name) : []);
    case 'ssm':
      return collect(tables.ssm.find(key.name));
    case 'cf-output': {
      const handles: NodeHandle[] = [];
      const matched: NamePattern[] = [];
      for (const { name, value: index } of tables.stacks.find(key.stack)) {
        const output = index.outputs.find((o) => o.output === key.output);
        if (output) {
          handles.push({ file: index.path, id: output.nodeId });
          matched.push(name);
        }
      }
      return { handles, matched };
    }
    default:
      return collect(tables.names.get(key.kind)?.find(key.name) ?? []);
  }
}

function describe(ref: ReferenceUse, target: NodeHandle, matched: NamePattern): string {
  const key = ref.key;
  const wildcard = isWild(matched) || ('name' in key && isWild(key.name)) || (key.via === 'cf-output' && isWild(key.stack));
  const note = wildcard ? ' (variables such as ${opt:stage} with no default matched as any value)' : '';
  switch (key.via) {
    case 'export':
      return `Fn::ImportValue of export ${key.name.text}, exported by ${target.file}${note}`;
    case 'cf-output':
      return `\${cf:} output ${key.output} of stack ${matched.text} (${target.file})${note}`;
    case 'ssm':
      return `SSM parameter ${key.name.text}, defined by ${target.file}${note}`;
    case 'arn':
      return `ARN naming ${key.name.text}, defined by ${target.file}${note}`;
    case 'name':
      return `name ${key.name.text}, defined by ${target.file}${note}`;
  }
}

export function joinIndexes(indexes: FileIndex[]): { joins: Join[]; ambiguities: Ambiguity[] } {
  const tables = buildTables(indexes);
  const joins: Join[] = [];
  const ambiguities: Ambiguity[] = [];
  for (const index of indexes) {
    for (const ref of index.references) {
      const found = candidatesFor(ref, tables);
      // Same-file matches are the reader's business; the same target found twice is one candidate.
      const unique = new Map<string, { handle: NodeHandle; matched: NamePattern }>();
      found.handles.forEach((handle, i) => {
        if (handle.file !== index.path) unique.set(`${handle.file}\u0000${handle.id}`, { handle, matched: found.matched[i] });
      });
      if (unique.size === 0) continue;
      const candidates = [...unique.values()];
      if (candidates.length > 1) {
        ambiguities.push({ file: index.path, raw: ref.raw, via: ref.key.via, span: ref.span, candidates: candidates.map((c) => c.handle) });
        continue;
      }
      const [{ handle, matched }] = candidates;
      joins.push({
        from: { file: index.path, id: ref.nodeId ?? ref.raw },
        to: handle,
        via: ref.key.via,
        raw: ref.raw,
        hasNode: ref.nodeId !== undefined,
        span: ref.span,
        how: describe(ref, handle, matched),
      });
    }
  }
  return { joins, ambiguities };
}
