// Export: the standalone SVG (the CLI's stylesheet plus the current theme's colours resolved, so the file looks like
// the panel) and a PNG drawn from it on a canvas.
import { GRAPH_CSS } from '../src/core/graph/style';
import { renderGraphTree } from '../src/core/graph/render';
import { el, serializeSvg, type SvgElement } from '../src/core/graph/svgTree';
import type { LaidOutGraph } from '../src/core/graph/types';

const MAX_PNG_SIDE = 8192;
/** Theme values go into a <style>: anything that could end a rule or a tag is dropped. */
const SAFE_CSS_VALUE = /^[^{};<>\\]*$/;

function themeVariables(): string {
  const names = new Set(GRAPH_CSS.match(/--vscode-[A-Za-z0-9-]+/g) ?? []);
  const computed = getComputedStyle(document.documentElement);
  const declarations: string[] = [];
  for (const name of names) {
    const value = computed.getPropertyValue(name).trim();
    if (value && SAFE_CSS_VALUE.test(value)) declarations.push(`${name}: ${value};`);
  }
  return `.pl-graph { ${declarations.join(' ')} }`;
}

export function exportSvgText(graph: LaidOutGraph): string {
  const tree = renderGraphTree(graph, { standalone: true });
  const withTheme: SvgElement = { ...tree, children: [el('style', {}, [themeVariables()]), ...tree.children] };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(withTheme)}\n`;
}

export async function exportPngDataUrl(graph: LaidOutGraph): Promise<string> {
  const svg = exportSvgText(graph);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const width = Math.max(1, graph.width);
  const height = Math.max(1, graph.height);
  const scale = Math.min(2, MAX_PNG_SIDE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}
