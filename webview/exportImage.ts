// Export: the standalone SVG (its stylesheet plus the current theme's colours resolved, so the file looks like the
// panel) and a PNG drawn from it on a canvas. Used for the graph and for the what-if compare chart.
import { GRAPH_CSS } from '../src/core/graph/style';
import { renderGraphTree } from '../src/core/graph/render';
import { el, serializeSvg, type SvgElement } from '../src/core/graph/svgTree';
import type { LaidOutGraph } from '../src/core/graph/types';

const MAX_PNG_SIDE = 8192;
/** Theme values go into a <style>: anything that could end a rule or a tag is dropped. */
const SAFE_CSS_VALUE = /^[^{};<>\\]*$/;

/** The theme's current values of the variables `css` uses, as a rule on `selector`. */
function themeVariables(css: string, selector: string): string {
  const names = new Set(css.match(/--vscode-[A-Za-z0-9-]+/g) ?? []);
  const computed = getComputedStyle(document.documentElement);
  const declarations: string[] = [];
  for (const name of names) {
    const value = computed.getPropertyValue(name).trim();
    if (value && SAFE_CSS_VALUE.test(value)) declarations.push(`${name}: ${value};`);
  }
  return `${selector} { ${declarations.join(' ')} }`;
}

/** A render tree as a standalone SVG file, with `css` and the theme's colours embedded. */
export function svgDocumentText(tree: SvgElement, css: string, selector: string, embedCss = true): string {
  const styles = [themeVariables(css, selector), ...(embedCss ? [css] : [])].join('\n');
  const withTheme: SvgElement = { ...tree, children: [el('style', {}, [styles]), ...tree.children] };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(withTheme)}\n`;
}

export function exportSvgText(graph: LaidOutGraph): string {
  // The standalone graph tree carries GRAPH_CSS itself.
  return svgDocumentText(renderGraphTree(graph, { standalone: true }), GRAPH_CSS, '.pl-graph', false);
}

export async function exportPngDataUrl(graph: LaidOutGraph): Promise<string> {
  return pngDataUrl(exportSvgText(graph), graph.width, graph.height);
}

/** Draws SVG text on a canvas (2x, at most MAX_PNG_SIDE a side) and returns it as a PNG data URL. */
export async function pngDataUrl(svg: string, svgWidth: number, svgHeight: number): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const width = Math.max(1, svgWidth);
  const height = Math.max(1, svgHeight);
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
