// Render tree -> DOM: createElementNS, setAttribute and text nodes only. Never innerHTML: names from the YAML
// stay text.
import { SVG_NS, type SvgElement } from '../src/core/graph/svgTree';

export function buildSvg(tree: SvgElement): SVGElement {
  const element = document.createElementNS(SVG_NS, tree.tag);
  for (const [name, value] of Object.entries(tree.attrs)) {
    if (name === 'xmlns') continue;
    element.setAttribute(name, String(value));
  }
  for (const child of tree.children) {
    element.appendChild(typeof child === 'string' ? document.createTextNode(child) : buildSvg(child));
  }
  return element;
}
