// parse-error, invalid-annotation, unresolved-reference: problems met while parsing and reading, as findings.
import type { Finding } from '../findings';
import type { ReadProblem } from '../model';
import { finding } from './types';

export function readProblemFindings(problems: ReadProblem[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const problem of problems) {
    const key = `${problem.rule}:${problem.span.start}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding(problem.rule, { message: problem.message, span: problem.span, node: problem.node }));
  }
  return out;
}
