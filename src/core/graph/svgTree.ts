// A render tree: SVG elements as plain data. The CLI serialises it (escaping every text and attribute); the
// webview builds DOM from it with createElementNS/setAttribute/textContent. Neither ever parses markup.

export type SvgAttributeValue = string | number;

export interface SvgElement {
  tag: string;
  attrs: Record<string, SvgAttributeValue>;
  children: SvgChild[];
}

/** A string child is text, never markup. */
export type SvgChild = SvgElement | string;

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function el(tag: string, attrs: Record<string, SvgAttributeValue | undefined> = {}, children: SvgChild[] = []): SvgElement {
  const clean: Record<string, SvgAttributeValue> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) clean[name] = value;
  }
  return { tag, attrs: clean, children };
}

/** Tags and attribute names come from our own code; reject anything else rather than emit it. */
const NAME = /^[A-Za-z][A-Za-z0-9:_-]*$/;

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** SVG text as a standalone document fragment (the CLI adds nothing else). */
export function serializeSvg(tree: SvgElement): string {
  const parts: string[] = [];
  write(tree, parts);
  return parts.join('');
}

function write(node: SvgElement, out: string[]): void {
  if (!NAME.test(node.tag)) throw new Error(`invalid SVG tag name: ${node.tag}`);
  out.push('<', node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!NAME.test(name)) throw new Error(`invalid SVG attribute name: ${name}`);
    out.push(' ', name, '="', escapeAttribute(String(value)), '"');
  }
  if (node.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of node.children) {
    if (typeof child === 'string') out.push(escapeText(child));
    else write(child, out);
  }
  out.push('</', node.tag, '>');
}
