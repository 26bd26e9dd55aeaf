// Which kind of file this is, by content (CONTRACT.md section 1).
import type { Document } from 'yaml';
import type { Format } from '../model';
import { asMap, get, getPair, items, pairs, scalarText } from './nodes';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

export function detectFormat(doc: Document | undefined): Format | null {
  const root = asMap(doc?.contents);
  if (!root) return null;
  if (getPair(root, 'pipeline')) return 'pipeline';
  if (getPair(root, 'service') && getPair(root, 'provider')) return 'serverless';
  const transform = get(root, 'Transform', doc);
  if (items(transform, doc).some((t) => scalarText(t) === SAM_TRANSFORM)) return 'sam';
  const resources = asMap(get(root, 'Resources', doc));
  if (resources && pairs(resources, doc).some((p) => /^AWS::/.test(scalarText(get(asMap(p.value), 'Type', doc)) ?? ''))) {
    return 'cloudformation';
  }
  return null;
}
