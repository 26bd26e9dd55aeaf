// The graph API: model -> stage graph -> ELK layout -> SVG render tree -> SVG/JSON/DOT. Used by the extension's
// graph panel, the webview (render only) and the CLI's `graph` command.
export { buildStageGraph, type GraphInput } from './build';
export { layoutStageGraph, LAYOUT_DIRECTIONS, type ElkLayouter, type LayoutDirection, type LayoutOptionsInput } from './layout';
export { renderGraphTree, type RenderOptions } from './render';
export { serializeSvg, escapeText, escapeAttribute, el, SVG_NS, type SvgElement, type SvgChild } from './svgTree';
export { graphToJson, toDot } from './exportFormats';
export { nodeDetails } from './details';
export { nodeAtOffset } from './locate';
export { GRAPH_CSS } from './style';
export { KIND_ICONS, iconSvgFile } from './icons';
export type * from './types';

import type { GraphInput } from './build';
import { buildStageGraph } from './build';
import { layoutStageGraph, type LayoutOptionsInput } from './layout';
import { renderGraphTree } from './render';
import { serializeSvg } from './svgTree';
import type { LaidOutGraph } from './types';

/** Build and lay out in one call. */
export function laidOutGraph(input: GraphInput, options?: LayoutOptionsInput): Promise<LaidOutGraph> {
  return layoutStageGraph(buildStageGraph(input), options);
}

/** The standalone SVG document for an analysis (CLI `graph --format svg`, exports). */
export async function graphSvg(input: GraphInput, options?: LayoutOptionsInput): Promise<string> {
  const tree = renderGraphTree(await laidOutGraph(input, options), { standalone: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(tree)}\n`;
}
