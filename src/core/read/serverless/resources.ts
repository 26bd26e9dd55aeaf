// `resources:` in both forms: a mapping `{ Resources, Outputs }`, or a list of such mappings and `${file(x.yml)}`
// includes. Each document gets its own Template; the CloudFormation resource reader turns resources into nodes.
// Outputs name no stage of the pipeline and are not read.
import { isMap, isSeq } from 'yaml';
import type { ServerlessContext, ResourceSource } from './context';
import type { View } from '../../resolve/view';
import { pinSpans } from './spans';
import type { Template } from '../cloudformation/template';
import { asMap } from '../../parse/nodes';
import { readCloudFormationResources } from '../cloudformation/index';

/** The `resources:` blocks of the file, in order. */
export function resourceSources(context: ServerlessContext, resourcesView: View | undefined): ResourceSource[] {
  if (!resourcesView) return [];
  const { resolver } = context;
  if (resourcesView.unresolved.length > 0) {
    context.unresolved(resourcesView, 'resources');
    return [];
  }
  const blocks = isSeq(resourcesView.node) ? resolver.items(resourcesView) : [resourcesView];
  const sources: ResourceSource[] = [];
  for (const block of blocks) {
    if (block.unresolved.length > 0) {
      context.unresolved(block, 'An included resources file');
      continue;
    }
    if (!isMap(block.node)) continue;
    const resources = resolver.get(block, 'Resources');
    if (resources?.unresolved.length) context.unresolved(resources, 'resources.Resources');
    sources.push({
      doc: resources?.doc ?? block.doc,
      block,
      resources: resources && isMap(resources.node) ? resources : undefined,
      included: resources?.included ?? block.included,
    });
  }
  return sources;
}

/** Reads one template's resources into the builder; resources of an included file point at its include site. */
export function readResources(context: ServerlessContext, source: ResourceSource, template: Template): void {
  const before = new Set(context.builder.allNodes().map((n) => n.id));
  readCloudFormationResources(context.builder, asMap(source.resources?.node), source.doc, { template });
  if (!source.included) return;
  for (const node of context.builder.allNodes()) {
    if (!before.has(node.id)) pinSpans(node, source.included);
  }
}
