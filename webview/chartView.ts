// The compare chart in the page: SVG built from the render tree (createElementNS only), arrow keys along a line
// (one tab stop per line), a data table with the same numbers for screen readers (or shown on demand), and export
// as SVG or PNG through the host's export intents.
import type { CompareSeries } from '../src/core/design/compare';
import { CHART_CSS } from '../src/core/design/chartStyle';
import type { SvgElement } from '../src/core/graph/svgTree';
import { chartRows, chartTree, CHART_SIZE } from './chartTree';
import { pngDataUrl, svgDocumentText } from './exportImage';
import { buildSvg } from './svgDom';
import { button, text } from './ui';
import { post } from './vscodeApi';

export class ChartView {
  readonly element = document.createElement('figure');
  private readonly host = document.createElement('div');
  private readonly table = document.createElement('table');
  private readonly status = text('p', '', 'pl-muted');
  private tree: SvgElement | undefined;

  constructor() {
    this.element.className = 'pl-chart-figure';
    this.host.className = 'pl-chart-host';
    this.table.className = 'pl-chart-table pl-sr-only';
    const tools = document.createElement('div');
    tools.className = 'pl-row';
    tools.append(
      button('Table', () => this.table.classList.toggle('pl-sr-only'), { title: 'Show or hide the chart as a table' }),
      button('Export chart SVG', () => this.exportSvg(), { title: 'Save the cost chart as an SVG file' }),
      button('Export chart PNG', () => void this.exportPng(), { title: 'Save the cost chart as a PNG image' }),
    );
    this.element.append(this.host, tools, this.status, this.table);
    this.host.addEventListener('keydown', (event) => this.move(event));
  }

  render(series: CompareSeries, subject: string): void {
    this.tree = chartTree(series, { subject });
    this.host.replaceChildren(buildSvg(this.tree));
    this.renderTable(series, subject);
  }

  private renderTable(series: CompareSeries, subject: string): void {
    const caption = text('caption', `Cost per day of ${subject} by load: x86_64, arm64 and the always-on cluster`);
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    for (const title of ['Load', 'x86_64 per day', 'arm64 per day', 'Cluster per day']) headRow.appendChild(text('th', title));
    head.appendChild(headRow);
    const body = document.createElement('tbody');
    for (const row of chartRows(series)) {
      const tr = document.createElement('tr');
      for (const cell of row) tr.appendChild(text('td', cell));
      body.appendChild(tr);
    }
    this.table.replaceChildren(caption, head, body);
  }

  /** Arrow keys: left/right along a line, up/down to the other line at the same load, Home/End to its ends. */
  private move(event: KeyboardEvent): void {
    const target = event.target as Element;
    const group = target.closest?.('.pl-chart-series');
    if (!group) return;
    const points = [...group.querySelectorAll<SVGElement>('.pl-chart-point')];
    const index = points.indexOf(target as SVGElement);
    let next: SVGElement | undefined;
    if (event.key === 'ArrowRight') next = points[Math.min(points.length - 1, index + 1)];
    else if (event.key === 'ArrowLeft') next = points[Math.max(0, index - 1)];
    else if (event.key === 'Home') next = points[0];
    else if (event.key === 'End') next = points[points.length - 1];
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const groups = [...this.host.querySelectorAll('.pl-chart-series')];
      const other = groups[(groups.indexOf(group) + 1) % groups.length];
      next = other?.querySelectorAll<SVGElement>('.pl-chart-point')[index];
    }
    if (!next) return;
    event.preventDefault();
    for (const p of this.host.querySelectorAll('.pl-chart-point')) p.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  }

  private exportText(): string | undefined {
    return this.tree && svgDocumentText(this.tree, CHART_CSS, '.pl-chart');
  }

  private exportSvg(): void {
    const svg = this.exportText();
    if (svg) post({ type: 'exportSvg', svg, subject: 'chart' });
  }

  private async exportPng(): Promise<void> {
    const svg = this.exportText();
    if (!svg) return;
    try {
      post({ type: 'exportPng', dataUrl: await pngDataUrl(svg, CHART_SIZE.width, CHART_SIZE.height), subject: 'chart' });
    } catch (error) {
      this.status.textContent = `PNG export failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
