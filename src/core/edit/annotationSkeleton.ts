// The "declare the load" edit: adds `rate` and `duration` placeholders where CONTRACT.md section 1 puts them
// (custom.pipelineLens.functions.<key> in serverless, Metadata.PipelineLens on a SAM/CloudFormation function, the
// stage itself in a pipeline file), creating only the missing keys, in the file's own style.
import { isMap, type YAMLMap } from 'yaml';
import type { Analysis } from '../analyze';
import type { TextEdit } from '../findings';
import type { PipelineNode, Span } from '../model';
import { editContext, insertAtPath, insertPairs, type EditContext } from './insert';
import { mapStartingAt } from './locate';
import type { YamlMapping } from './render';

/** Placeholders the user is expected to overwrite; the rate value is selected after insertion. */
export const RATE_PLACEHOLDER = '10/minute';
export const DURATION_PLACEHOLDER = '500ms';

export interface AnnotationSkeleton {
  edits: TextEdit[];
  /** Span of the rate placeholder in the text after the edits (to select it), when one was inserted. */
  select?: Span;
}

/** Undefined when the function already declares both, or when the file cannot be edited safely there. */
export function annotationSkeleton(analysis: Analysis, functionId: string): AnnotationSkeleton | undefined {
  const node = analysis.model.nodes.find((n) => n.id === functionId && n.kind === 'function');
  const ctx = editContext(analysis.parsed);
  if (!node?.fn || !ctx || !isMap(ctx.doc.contents)) return undefined;
  const annotation = node.fn.annotation;
  const entries: YamlMapping = {};
  if (!annotation?.rate) entries.rate = RATE_PLACEHOLDER;
  if (!annotation?.durationMs) entries.duration = DURATION_PLACEHOLDER;
  if (Object.keys(entries).length === 0) return undefined;
  const edits = skeletonEdits(ctx, analysis, node, entries);
  if (!edits || edits.length === 0) return undefined;
  return { edits, select: entries.rate ? placeholderSpan(edits, `rate: ${RATE_PLACEHOLDER}`, 'rate: '.length) : undefined };
}

export function skeletonEdits(ctx: EditContext, analysis: Analysis, node: PipelineNode, entries: YamlMapping): TextEdit[] | undefined {
  const existing = node.fn?.annotation?.blockSpan;
  const existingMap = existing ? mapStartingAt(ctx, existing.start) : undefined;
  if (existingMap) return insertPairs(ctx, existingMap, entries);
  const root = ctx.doc.contents as YAMLMap;
  switch (analysis.format) {
    case 'serverless':
      return insertAtPath(ctx, root, ['custom', 'pipelineLens', 'functions', node.id], entries);
    case 'sam':
    case 'cloudformation':
      return insertAtPath(ctx, root, ['Resources', node.id, 'Metadata', 'PipelineLens'], entries);
    case 'pipeline': {
      const stage = node.blockSpan ? mapStartingAt(ctx, node.blockSpan.start) : undefined;
      return stage ? insertPairs(ctx, stage, entries) : undefined;
    }
    default:
      return undefined;
  }
}

/** Where `needle` (+ `skip` characters) lands in the text once all edits are applied. */
function placeholderSpan(edits: TextEdit[], needle: string, skip: number): Span | undefined {
  const ordered = [...edits].sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const edit of ordered) {
    const at = edit.newText.indexOf(needle);
    if (at >= 0) {
      const start = edit.start + shift + at + skip;
      return { start, end: start + needle.length - skip };
    }
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return undefined;
}
