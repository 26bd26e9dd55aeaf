// Ignore comments: `# pipeline-lens-ignore <rule-id>` in the comment lines right above a finding's line, and
// `# pipeline-lens-ignore-file <rule-id>` anywhere. Several ids may follow, separated by spaces or commas.
import type { Finding, RuleId } from '../findings';
import { LineIndex } from '../text/lines';

const DIRECTIVE = /#\s*pipeline-lens-ignore(-file)?(?![\w-])([^#\n]*)/g;

interface Ignores {
  file: Set<string>;
  /** 0-based line of the comment -> rule ids it silences. */
  lines: Map<number, Set<string>>;
}

function collect(text: string, index: LineIndex): Ignores {
  const ignores: Ignores = { file: new Set(), lines: new Map() };
  if (!text.includes('pipeline-lens-ignore')) return ignores;
  for (const match of text.matchAll(DIRECTIVE)) {
    const ids = match[2].split(/[\s,]+/).filter(Boolean);
    if (match[1]) ids.forEach((id) => ignores.file.add(id));
    else ignores.lines.set(index.positionAt(match.index ?? 0).line, new Set(ids));
  }
  return ignores;
}

const isCommentLine = (line: string) => /^\s*#/.test(line);

export function applyIgnoreComments(findings: Finding[], text: string): Finding[] {
  if (!text.includes('pipeline-lens-ignore')) return findings;
  const index = new LineIndex(text);
  const ignores = collect(text, index);
  const lines = text.split('\n');
  const silencedAt = (line: number, rule: RuleId): boolean => {
    // The line right above, then on up through a block of comment lines.
    for (let above = line - 1; above >= 0; above--) {
      if (ignores.lines.get(above)?.has(rule)) return true;
      if (!isCommentLine(lines[above])) break;
    }
    return false;
  };
  return findings.filter((f) => !ignores.file.has(f.rule) && !silencedAt(index.positionAt(f.span.start).line, f.rule));
}
