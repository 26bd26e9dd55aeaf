// Names that may hold variables nobody can resolve here (`cncb-event-stream-${opt:stage}`) as patterns: every
// `${...}` (nested braces included) is a wildcard. Two names match when some value of their wildcards makes them equal.

export interface NamePattern {
  /** The text as written (variables kept). */
  text: string;
  /** Literal pieces between wildcards; one piece when there is no wildcard. */
  parts: string[];
}

export const isWild = (p: NamePattern): boolean => p.parts.length > 1;

/** Ends of each `${...}` in `text`, honouring nested braces (`${cf:a-${opt:stage}.b}`). */
export function variableSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = 0;
  while ((i = text.indexOf('${', i)) >= 0) {
    let depth = 0;
    let j = i;
    for (; j < text.length; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}' && --depth === 0) break;
    }
    if (j >= text.length) break;
    out.push({ start: i, end: j + 1 });
    i = j + 1;
  }
  return out;
}

/** `stage` replaces stage variables with no default (`${opt:stage}`, `${sls:stage}`) when the user configured one. */
export function patternOf(text: string, stage?: string): NamePattern {
  const parts: string[] = [];
  let last = 0;
  for (const v of variableSpans(text)) {
    const body = text.slice(v.start + 2, v.end - 1).trim();
    if (stage && /^(opt:stage|sls:stage|self:provider\.stage)$/.test(body)) continue;
    parts.push(literal(text.slice(last, v.start), stage));
    last = v.end;
  }
  parts.push(literal(text.slice(last), stage));
  return { text, parts };
}

function literal(text: string, stage?: string): string {
  return stage ? text.replace(/\$\{\s*(opt:stage|sls:stage|self:provider\.stage)\s*\}/g, stage) : text;
}

/** True when the name uses a stage that is only known at deploy time (`${opt:stage}` with no default). */
export function usesDeployStage(text: string): boolean {
  return /\$\{\s*(opt|sls):stage\s*\}/.test(text);
}

function globMatch(parts: string[], text: string): boolean {
  const first = parts[0];
  const lastPart = parts[parts.length - 1];
  if (!text.startsWith(first) || text.length < first.length + lastPart.length || !text.endsWith(lastPart)) return false;
  let at = first.length;
  const end = text.length - lastPart.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = text.indexOf(parts[i], at);
    if (found < 0 || found + parts[i].length > end) return false;
    at = found + parts[i].length;
  }
  return true;
}

/** Whether two names can be the same name. Two wildcard names compare their fixed beginnings and ends. */
export function patternsMatch(a: NamePattern, b: NamePattern): boolean {
  // A name that is nothing but variables could be anything: too weak to join on.
  if (a.parts.join('') === '' || b.parts.join('') === '') return false;
  if (!isWild(a) && !isWild(b)) return a.parts[0] === b.parts[0];
  if (!isWild(a)) return globMatch(b.parts, a.parts[0]);
  if (!isWild(b)) return globMatch(a.parts, b.parts[0]);
  const [pa, pb] = [a.parts[0], b.parts[0]];
  const [sa, sb] = [a.parts[a.parts.length - 1], b.parts[b.parts.length - 1]];
  const prefixOk = pa.startsWith(pb) || pb.startsWith(pa);
  const suffixOk = sa.endsWith(sb) || sb.endsWith(sa);
  return prefixOk && suffixOk;
}
