// Pan (drag the background), zoom (wheel, buttons, +/-), fit, and keeping a node in view. The transform lives on one
// <g>; the drawing inside it is replaced on every update while the viewport stays where the user left it.
import { SVG_NS } from '../src/core/graph/svgTree';
import type { Box } from '../src/core/graph/types';

export interface ViewportState {
  x: number;
  y: number;
  scale: number;
}

const MIN_SCALE = 0.1;
const MAX_SCALE = 3;
const FIT_MARGIN = 24;

export class Viewport {
  readonly svg: SVGSVGElement;
  readonly layer: SVGGElement;
  private state: ViewportState = { x: 0, y: 0, scale: 1 };
  private content = { width: 0, height: 0 };
  private drag: { pointerId: number; x: number; y: number; moved: boolean } | undefined;
  /** The user moved or zoomed since the last fit: a resize then keeps their view instead of refitting. */
  touched = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly onChange: (state: ViewportState) => void,
  ) {
    this.svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    this.svg.setAttribute('class', 'pl-canvas');
    this.layer = document.createElementNS(SVG_NS, 'g') as SVGGElement;
    this.svg.appendChild(this.layer);
    host.appendChild(this.svg);
    this.svg.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.svg.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.svg.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.svg.addEventListener('pointerup', (e) => this.onPointerUp(e));
    this.svg.addEventListener('pointercancel', (e) => this.onPointerUp(e));
  }

  /** True right after a drag, so the click that ends it does not count as a click on the background. */
  wasDragged(): boolean {
    return this.drag?.moved ?? false;
  }

  setContentSize(width: number, height: number): void {
    this.content = { width, height };
  }

  get current(): ViewportState {
    return { ...this.state };
  }

  set(state: ViewportState): void {
    this.state = { x: state.x, y: state.y, scale: clamp(state.scale) };
    this.layer.setAttribute('transform', `translate(${this.state.x} ${this.state.y}) scale(${this.state.scale})`);
    this.onChange(this.current);
  }

  /**
   * Fits the drawing in view. With `minScale`, text stays readable: a drawing too big for that is shown from its
   * start (top left, where the sources are) and the user scrolls or drags.
   */
  fit(minScale = MIN_SCALE): void {
    this.touched = false;
    const { width, height } = this.host.getBoundingClientRect();
    if (this.content.width === 0 || width === 0) return this.set({ x: FIT_MARGIN, y: FIT_MARGIN, scale: 1 });
    const fitting = Math.min((width - 2 * FIT_MARGIN) / this.content.width, (height - 2 * FIT_MARGIN) / this.content.height, 1.25);
    const scale = clamp(Math.max(fitting, minScale));
    const x = this.content.width * scale <= width ? (width - this.content.width * scale) / 2 : FIT_MARGIN / 2;
    const y = this.content.height * scale <= height ? (height - this.content.height * scale) / 2 : FIT_MARGIN / 2;
    this.set({ x, y, scale });
  }

  zoomBy(factor: number, around?: { x: number; y: number }): void {
    this.touched = true;
    const rect = this.host.getBoundingClientRect();
    const centre = around ?? { x: rect.width / 2, y: rect.height / 2 };
    const scale = clamp(this.state.scale * factor);
    const k = scale / this.state.scale;
    this.set({ x: centre.x - (centre.x - this.state.x) * k, y: centre.y - (centre.y - this.state.y) * k, scale });
  }

  panBy(dx: number, dy: number): void {
    this.set({ ...this.state, x: this.state.x + dx, y: this.state.y + dy });
  }

  /** Pans (never zooms) so the box, in drawing coordinates, is inside the visible area. */
  ensureVisible(box: Box): void {
    const rect = this.host.getBoundingClientRect();
    const { x, y, scale } = this.state;
    const left = box.x * scale + x;
    const top = box.y * scale + y;
    const right = left + box.width * scale;
    const bottom = top + box.height * scale;
    let dx = 0;
    let dy = 0;
    if (left < FIT_MARGIN) dx = FIT_MARGIN - left;
    else if (right > rect.width - FIT_MARGIN) dx = rect.width - FIT_MARGIN - right;
    if (top < FIT_MARGIN) dy = FIT_MARGIN - top;
    else if (bottom > rect.height - FIT_MARGIN) dy = rect.height - FIT_MARGIN - bottom;
    if (dx !== 0 || dy !== 0) this.panBy(dx, dy);
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    const rect = this.host.getBoundingClientRect();
    // The wheel scrolls (Shift: sideways), as in a document: a drawing kept at a readable size is read by
    // scrolling. Ctrl/Cmd + wheel (and a trackpad pinch, which arrives as one) zooms around the pointer.
    if (event.ctrlKey || event.metaKey) {
      this.zoomBy(Math.exp(-event.deltaY * 0.0015), { x: event.clientX - rect.left, y: event.clientY - rect.top });
      return;
    }
    const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? rect.height : 1;
    const [dx, dy] = event.shiftKey && event.deltaX === 0 ? [event.deltaY, 0] : [event.deltaX, event.deltaY];
    this.touched = true;
    this.panBy(-dx * scale, -dy * scale);
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || (event.target as Element).closest('.pl-node, .pl-edge')) return;
    this.drag = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    this.svg.setPointerCapture(event.pointerId);
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag || this.drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - this.drag.x;
    const dy = event.clientY - this.drag.y;
    if (!this.drag.moved && Math.hypot(dx, dy) < 3) return;
    this.drag = { ...this.drag, x: event.clientX, y: event.clientY, moved: true };
    this.svg.classList.add('pl-panning');
    this.touched = true;
    this.panBy(dx, dy);
  }

  private onPointerUp(event: PointerEvent): void {
    if (!this.drag || this.drag.pointerId !== event.pointerId) return;
    this.svg.releasePointerCapture(event.pointerId);
    this.svg.classList.remove('pl-panning');
    const moved = this.drag.moved;
    // Keep the flag for the click event that follows pointerup, then forget the drag.
    setTimeout(() => (this.drag = undefined), 0);
    if (!moved) this.drag = undefined;
  }
}

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}
