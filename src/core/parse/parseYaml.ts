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

/** Broken input can hold thousands of YAML errors; the first ones say what is wrong, the rest only slow the editor. */
export const MAX_PARSE_ERRORS = 100;

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const problems: ReadProblem[] = [];
  let docs: Document.Parsed[] = [];
  // Broken input can make the parser create thousands of errors; their stack traces were most of the time spent.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
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
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  for (const d of docs) {
    for (const err of d.errors) {
      // The parser may point one past the end of the text (an error at end of file): clamp into the text.
      const start = Math.min(Math.max(err.pos[0], 0), text.length);
      const end = Math.min(Math.max(err.pos[1], start), text.length);
      problems.push({ rule: 'parse-error', message: firstLine(err.message), span: { start, end } });
    }
  }
  if (problems.length > MAX_PARSE_ERRORS) {
    const more = problems.length - MAX_PARSE_ERRORS;
    problems.length = MAX_PARSE_ERRORS;
    problems[MAX_PARSE_ERRORS - 1] = { ...problems[MAX_PARSE_ERRORS - 1], message: `${problems[MAX_PARSE_ERRORS - 1].message} (and ${more} more YAML errors after this one)` };
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
