// Text -> YAML documents with exact ranges. Never throws: parser errors become parse-error problems.
import { Document, isScalar, LineCounter, parseAllDocuments } from 'yaml';
import type { ReadProblem } from '../model';
import { CFN_CUSTOM_TAGS } from './cfnTags';

export interface ParsedYaml {
  text: string;
  /** All documents of the stream; `doc` is the one analysed (the first with content). */
  docs: Document.Parsed[];
  doc: Document.Parsed | undefined;
  lineCounter: LineCounter;
  problems: ReadProblem[];
}

/** Aliases followed by readers are capped (alias bombs); the parser itself never expands them. */
export const MAX_ALIAS_RESOLUTIONS = 10_000;

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const problems: ReadProblem[] = [];
  let docs: Document.Parsed[] = [];
  try {
    const parsed = parseAllDocuments(text, {
      customTags: CFN_CUSTOM_TAGS,
      keepSourceTokens: true,
      lineCounter,
      uniqueKeys: false,
      prettyErrors: false,
      strict: false,
    });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    problems.push({ rule: 'parse-error', message: `YAML could not be read: ${String(error)}`, span: { start: 0, end: 0 } });
  }
  for (const d of docs) {
    for (const err of d.errors) {
      const [start, end] = err.pos;
      problems.push({ rule: 'parse-error', message: firstLine(err.message), span: { start, end: Math.max(end, start) } });
    }
  }
  // A stream may open with empty documents (a comment, a bare `---`): analyse the first one with content.
  const doc = docs.find(hasContent) ?? docs[0];
  return { text, docs, doc, lineCounter, problems };
}

function hasContent(doc: Document.Parsed): boolean {
  const contents = doc.contents;
  return contents !== null && !(isScalar(contents) && (contents.value === null || contents.value === undefined));
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
