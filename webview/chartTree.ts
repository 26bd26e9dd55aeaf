// The compare chart as a render tree (no DOM): cost/day over rate on log-log axes, x86_64 and arm64 lines, the
// always-on cluster, break-even marks and today's load. Every sample and mark is focusable with a spoken label;
// <title>/<desc> say the gist. chartView.ts builds it with createElementNS; export serialises it.
import type { CompareSeries, ComparePoint } from '../src/core/design/compare';
import type { Architecture } from '../src/core/model';
import { describeRate } from '../src/core/cost/load';
import { formatUsd } from '../src/core/cost/round';
import { el, type SvgElement } from '../src/core/graph/svgTree';

export const CHART_SIZE = { width: 560, height: 300 };
const PAD = { left: 64, right: 16, top: 28, bottom: 40 };
const NAMES: Record<Architecture, string> = { x86_64: 'x86_64', arm64: 'arm64' };

export interface ChartOptions {
  /** What is charted, for the title ("sessionize", "the pipeline"). */
  subject: string;
  width?: number;
  height?: number;
}

/** Rate for labels: "50/minute", "2/second". */
export const rateWords = (ratePerSecond: number) => describeRate(ratePerSecond);

export function chartSummary(series: CompareSeries, subject: string): string {
  const parts = [`Cost per day of ${subject} over load, on x86_64 and arm64, against the always-on cluster ${series.cluster.label} at ${formatUsd(series.cluster.perDayUsd)} a day.`];
  for (const arch of ['x86_64', 'arm64'] as const) {
    const rate = series.breakEven[arch];
    parts.push(rate === null ? `On ${arch} Lambda stays below the cluster.` : `On ${arch} Lambda costs more than the cluster above ${rateWords(rate)}.`);
  }
  parts.push(series.today ? `Today: ${rateWords(series.today.ratePerSecond)} at ${formatUsd(series.today.perDayUsd)} a day on ${series.today.architecture}.` : 'Today\'s load is unknown.');
  return parts.join(' ');
}

export function chartTree(series: CompareSeries, options: ChartOptions): SvgElement {
  const width = options.width ?? CHART_SIZE.width;
  const height = options.height ?? CHART_SIZE.height;
  const title = `Cost per day of ${options.subject} over load`;
  const root = (children: SvgElement[]) =>
    el('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'pl-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-labelledby': 'pl-chart-title pl-chart-desc' }, [
      el('title', { id: 'pl-chart-title' }, [title]),
      el('desc', { id: 'pl-chart-desc' }, [series.unknown ? `No chart: ${series.unknown}.` : chartSummary(series, options.subject)]),
      el('rect', { class: 'pl-chart-bg', x: 0, y: 0, width, height }),
      ...children,
    ]);
  const points = [...series.lines.x86_64, ...series.lines.arm64];
  if (series.unknown || points.length === 0) {
    return root([el('text', { class: 'pl-chart-label', x: width / 2, y: height / 2, 'text-anchor': 'middle' }, [`No chart: ${series.unknown ?? 'no data'}`])]);
  }
  const rates = points.map((p) => p.ratePerSecond);
  const costs = [...points.map((p) => p.perDayUsd), series.cluster.perDayUsd].filter((c) => c > 0);
  const x = logScale(Math.min(...rates), Math.max(...rates), PAD.left, width - PAD.right);
  const y = logScale(decadeBelow(Math.min(...costs)), decadeAbove(Math.max(...costs)), height - PAD.bottom, PAD.top);
  const children: SvgElement[] = [...axes(x, y, width, height)];
  const clusterY = y.at(series.cluster.perDayUsd);
  children.push(
    el('line', { class: 'pl-chart-cluster', x1: PAD.left, x2: width - PAD.right, y1: clusterY, y2: clusterY }),
    el('text', { class: 'pl-chart-cluster-label', x: width - PAD.right - 4, y: clusterY - 4, 'text-anchor': 'end' }, [`cluster ${formatUsd(series.cluster.perDayUsd)}/day`]),
  );
  for (const arch of ['x86_64', 'arm64'] as const) children.push(line(series.lines[arch], arch, x, y));
  for (const arch of ['x86_64', 'arm64'] as const) {
    const rate = series.breakEven[arch];
    if (rate === null || rate < x.domain[0] || rate > x.domain[1]) continue;
    const at = x.at(rate);
    if (arch === 'x86_64') children.push(el('text', { class: 'pl-chart-tick', x: at - 4, y: PAD.top + 10, 'text-anchor': 'end', 'aria-hidden': 'true' }, ['break-even']));
    children.push(
      el('line', { class: 'pl-chart-breakeven', x1: at, x2: at, y1: PAD.top, y2: height - PAD.bottom }),
      el('circle', {
        class: 'pl-chart-mark', cx: at, cy: clusterY, r: 5, tabindex: 0, role: 'img', 'data-mark': `breakeven-${arch}`,
        'aria-label': `Break-even on ${arch}: above ${rateWords(rate)} Lambda costs more than the cluster (${formatUsd(series.cluster.perDayUsd)} a day)`,
      }),
    );
  }
  if (series.today && series.today.perDayUsd > 0) {
    const { ratePerSecond, perDayUsd, architecture } = series.today;
    children.push(
      el('circle', {
        class: 'pl-chart-today', cx: x.at(ratePerSecond), cy: y.at(perDayUsd), r: 6, tabindex: 0, role: 'img', 'data-mark': 'today',
        'aria-label': `Today: ${rateWords(ratePerSecond)} costs ${formatUsd(perDayUsd)} a day on ${architecture}`,
      }),
      el('text', { class: 'pl-chart-label', x: x.at(ratePerSecond) - 10, y: y.at(perDayUsd) - 10, 'text-anchor': 'end', 'aria-hidden': 'true' }, ['today']),
    );
  }
  children.push(legend(width));
  return root(children);
}

interface Scale {
  domain: [number, number];
  at(value: number): number;
  ticks: number[];
}

function logScale(min: number, max: number, from: number, to: number): Scale {
  const lo = Math.log10(min);
  const hi = Math.max(Math.log10(max), lo + 1e-9);
  const ticks: number[] = [];
  for (let d = Math.ceil(lo - 1e-9); d <= hi + 1e-9; d++) ticks.push(10 ** d);
  return { domain: [min, max], at: (v) => round(from + ((Math.log10(Math.max(v, min)) - lo) / (hi - lo)) * (to - from)), ticks };
}

const decadeBelow = (v: number) => 10 ** Math.floor(Math.log10(v));
const decadeAbove = (v: number) => 10 ** Math.ceil(Math.log10(v) + 1e-9);
const round = (v: number) => Math.round(v * 10) / 10;

function axes(x: Scale, y: Scale, width: number, height: number): SvgElement[] {
  const bottom = height - PAD.bottom;
  const out: SvgElement[] = [];
  for (const t of x.ticks) {
    out.push(el('line', { class: 'pl-chart-grid', x1: x.at(t), x2: x.at(t), y1: PAD.top, y2: bottom }));
    out.push(el('text', { class: 'pl-chart-tick', x: x.at(t), y: bottom + 14, 'text-anchor': 'middle' }, [tickRate(t)]));
  }
  for (const t of y.ticks) {
    out.push(el('line', { class: 'pl-chart-grid', x1: PAD.left, x2: width - PAD.right, y1: y.at(t), y2: y.at(t) }));
    out.push(el('text', { class: 'pl-chart-tick', x: PAD.left - 6, y: y.at(t) + 4, 'text-anchor': 'end' }, [tickUsd(t)]));
  }
  out.push(
    el('line', { class: 'pl-chart-axis', x1: PAD.left, x2: width - PAD.right, y1: bottom, y2: bottom }),
    el('line', { class: 'pl-chart-axis', x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: bottom }),
    el('text', { class: 'pl-chart-label', x: (PAD.left + width - PAD.right) / 2, y: height - 6, 'text-anchor': 'middle' }, ['invocations per second (log scale)']),
    el('text', { class: 'pl-chart-label', x: 12, y: PAD.top - 10 }, ['cost per day (log scale)']),
  );
  return out;
}

/** Decade ticks, short: "$0.1", "$10", "$10k". */
function tickUsd(usd: number): string {
  if (usd >= 1e6) return `$${usd / 1e6}M`;
  if (usd >= 1000) return `$${usd / 1000}k`;
  return `$${Number(usd.toPrecision(1))}`;
}

function tickRate(rate: number): string {
  return rate >= 1 ? `${rate.toLocaleString('en-US')}/s` : `${Number(rate.toPrecision(1))}/s`;
}

function line(points: ComparePoint[], arch: Architecture, x: Scale, y: Scale): SvgElement {
  const drawn = points.filter((p) => p.perDayUsd > 0);
  const d = drawn.map((p, i) => `${i === 0 ? 'M' : 'L'}${x.at(p.ratePerSecond)},${y.at(p.perDayUsd)}`).join(' ');
  // One tab stop per line: the first sample; arrow keys move along the line (chartView.ts).
  const samples = drawn.map((p, i) =>
    el('circle', {
      class: `pl-chart-point pl-chart-${arch}`, cx: x.at(p.ratePerSecond), cy: y.at(p.perDayUsd), r: 3, tabindex: i === 0 ? 0 : -1, role: 'img',
      'aria-label': `${NAMES[arch]}: ${rateWords(p.ratePerSecond)} costs ${formatUsd(p.perDayUsd)} a day`,
    }),
  );
  return el('g', { class: 'pl-chart-series', 'data-arch': arch, role: 'group', 'aria-label': `${NAMES[arch]} cost per day, ${drawn.length} points; use the arrow keys` }, [
    el('path', { class: `pl-chart-line pl-chart-${arch}`, d, 'aria-hidden': 'true' }),
    ...samples,
  ]);
}

function legend(width: number): SvgElement {
  const items: [string, string][] = [['pl-chart-line pl-chart-x86_64', 'x86_64'], ['pl-chart-line pl-chart-arm64', 'arm64'], ['pl-chart-cluster', 'cluster']];
  const left = width - PAD.right - items.length * 82;
  return el('g', { class: 'pl-chart-legend', 'aria-hidden': 'true' }, items.flatMap(([cls, label], i) => [
    el('line', { class: cls, x1: left + i * 82, x2: left + i * 82 + 20, y1: 12, y2: 12 }),
    el('text', { class: 'pl-chart-label', x: left + i * 82 + 24, y: 16 }, [label]),
  ]));
}

/** The chart's numbers as rows for the screen-reader table: rate, x86_64, arm64, cluster. */
export function chartRows(series: CompareSeries): string[][] {
  return series.lines.x86_64.map((p, i) => [rateWords(p.ratePerSecond), formatUsd(p.perDayUsd), formatUsd(series.lines.arm64[i]?.perDayUsd ?? 0), formatUsd(series.cluster.perDayUsd)]);
}
