// Hover texts (Markdown, pure): a function's cost breakdown and concurrency, a trigger's retry behaviour, an
// annotation's parsed values. User-written names are escaped: hovers render Markdown, never raw YAML as markup.
import type { Analysis } from '../../core/analyze';
import type { LoadAnnotation, PipelineEdge, PipelineNode } from '../../core/model';
import type { FunctionReport } from '../../core/report';
import { measuredText } from './hintText';
import { concurrency, duration, rate, significant, usd } from './numbers';
import { declareLinks, missingWords, unknownLoad } from './unknownLoad';

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** A code span holding user text: backticks removed so the text cannot close the span. */
export function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

/** With `documentUri`, an unknown load comes with command links to declare it (the hover trusts only those). */
export function functionHover(node: PipelineNode, report: FunctionReport | undefined, analysis: Analysis, documentUri?: string): string {
  const lines: string[] = [];
  const fn = node.fn;
  lines.push(`**${escapeMarkdown(node.label)}** (function)` + (fn ? ` · ${fn.memoryMb} MB · ${fn.timeoutS} s timeout · ${fn.architecture}` : ''));
  if (report) {
    lines.push('', ...costLines(report, analysis, documentUri), '', ...concurrencyLines(report));
  }
  const triggers = analysis.model.edges.filter((e) => e.to === node.id && e.kind === 'trigger');
  if (triggers.length > 0) {
    lines.push('', '**Retries**');
    for (const edge of triggers) lines.push(`- ${retryBehaviour(edge, node, analysis)}`);
  }
  return lines.join('\n');
}

export function costLines(report: FunctionReport, analysis?: Analysis, documentUri?: string): string[] {
  const { load, cost } = report;
  const source = load.source === 'measured' ? `${measuredText(report)}, imported` : load.declared ? 'declared' : 'assumed from settings';
  if (!cost || load.ratePerSecond === null || load.durationMs === null) return unknownCostLines(report, analysis, documentUri);
  const b = cost.breakdown;
  return [
    `**Cost:** ${usd(cost.perDayUsd)}/day · ${usd(cost.perMonthUsd)}/month · ${usd(cost.perInvocationUsd)} a call`,
    `- load (${source}): ${rate(load.ratePerSecond)} × ${duration(load.durationMs)} average`,
    `- compute: ${significant(b.gbSecondsPerInvocation, 4)} GB-s a call × $${significant(b.durationPricePerGbSecond, 6)}/GB-s = $${significant(b.durationUsdPerInvocation, 5)}`,
    `- requests: $${significant(b.requestUsdPerInvocation, 3)} a call` +
      (b.ephemeralUsdPerInvocation > 0 ? ` · ephemeral storage $${significant(b.ephemeralUsdPerInvocation, 3)} a call` : ''),
    `- ${escapeMarkdown(b.region)}, ${b.architecture}, ${escapeMarkdown(b.tier)}; prices as of ${escapeMarkdown(b.pricesAsOf)}; free tier ${b.freeTierSubtracted ? 'subtracted' : 'not subtracted'}`,
  ];
}

/** What is missing, what is known without it, and the two ways to declare it. */
function unknownCostLines(report: FunctionReport, analysis: Analysis | undefined, documentUri: string | undefined): string[] {
  const unknown = analysis ? unknownLoad(report, analysis) : undefined;
  const missing = unknown?.missing ?? ['rate', 'duration'];
  const what = missing.map((m) => '`' + m + '`').join(' and ');
  const lines = [`**Cost:** unknown: this function declares no ${what}, and no default is set.`];
  if (unknown) {
    const { upperBound } = unknown;
    const basis = upperBound
      ? `${report.memoryMb} MB for its whole ${duration(report.timeoutS * 1000)} timeout, the most one call can bill`
      : `${report.memoryMb} MB × ${duration(billedMs(report))}`;
    const le = upperBound ? 'at most ' : '';
    lines.push(`- without the ${missingWords(missing)}: ${le}${usd(unknown.perCallUsd)} a call, ${le}${usd(unknown.perMillionUsd)} per 1M calls (${basis})`);
    if (unknown.perDayUsd !== undefined) lines.push(`- at ${rate(report.load.ratePerSecond ?? 0)}: ${le}${usd(unknown.perDayUsd)}/day`);
  }
  lines.push(
    documentUri
      ? `- ${declareLinks(documentUri, report.id)}`
      : '- declare it with the command *Pipeline Lens: Insert Load Annotation*, or set `pipelineLens.defaults.rate` and `pipelineLens.defaults.duration`',
  );
  return lines;
}

function billedMs(report: FunctionReport): number {
  return report.load.durationMs ?? report.timeoutS * 1000;
}

export function concurrencyLines(report: FunctionReport): string[] {
  const { load, concurrency: c } = report;
  const cap = `cap ${c.cap.toLocaleString('en-US')} (${escapeMarkdown(c.capReason)})`;
  if (c.expected === null || load.ratePerSecond === null || load.durationMs === null) return [`**Concurrency:** expected unknown · ${cap}`];
  const over = c.expected > c.cap ? ' · **exceeds the cap**: events queue up or are throttled' : '';
  return [
    `**Concurrency:** ~${concurrency(c.expected)} expected = ${significant(load.ratePerSecond, 4)}/s × ${significant(load.durationMs / 1000, 4)} s (Little's law) · ${cap}${over}`,
  ];
}

/** What happens when the function fails on an event from this trigger (RULES.md, retries and failure handling). */
export function retryBehaviour(edge: PipelineEdge, fn: PipelineNode, analysis: Analysis): string {
  const t = edge.trigger;
  const from = code(labelOf(edge.from, analysis));
  if (!t) return `${from}: trigger details unknown`;
  if (t.invocation === 'async') {
    const a = fn.fn?.async;
    const retries = a?.maximumRetryAttempts?.value ?? 2;
    const age = a?.maximumEventAgeInSeconds ? `, events older than ${a.maximumEventAgeInSeconds.value} s dropped` : '';
    const caught = a?.onFailure ?? a?.deadLetter;
    const end = caught ? `then sent to ${code(caught.target ?? caught.raw ?? 'its destination')}` : 'then **lost** (no DLQ or on-failure destination)';
    return `${from} (${t.source}, asynchronous): ${retries} ${retries === 1 ? 'retry' : 'retries'} (after 1 min, then 2 min)${age}, ${end}`;
  }
  if (t.invocation === 'stream') {
    const attempts = t.maximumRetryAttempts?.value;
    const age = t.maximumRecordAgeInSeconds?.value;
    const bounded = (attempts !== undefined && attempts >= 0) || (age !== undefined && age >= 0);
    const bisect = t.bisectBatchOnFunctionError?.value ? ', failing batches are split in two' : '';
    const sink = t.onFailure ? `then sent to ${code(t.onFailure.target ?? t.onFailure.raw ?? 'its destination')}` : 'then skipped';
    if (!bounded) return `${from} (${t.source} stream): a failed batch is retried **until its records expire** (24 h by default), blocking the shard${bisect}`;
    const limits = [attempts !== undefined && attempts >= 0 ? `${attempts} retries` : '', age !== undefined && age >= 0 ? `records up to ${age} s old` : '']
      .filter(Boolean)
      .join(', ');
    return `${from} (${t.source} stream): ${limits}${bisect}, ${sink}`;
  }
  if (t.invocation === 'poll') {
    const queue = analysis.model.nodes.find((n) => n.id === edge.from)?.queue;
    const visibility = queue?.visibilityTimeoutS ? `${queue.visibilityTimeoutS.value} s` : '30 s (default)';
    if (queue?.redrive) {
      const after = queue.redrive.maxReceiveCount !== undefined ? ` after ${queue.redrive.maxReceiveCount} receives` : '';
      return `${from} (${t.source}): a failed message comes back after the visibility timeout (${visibility}) and moves to ${code(queue.redrive.target ?? queue.redrive.raw ?? 'the DLQ')}${after}`;
    }
    return `${from} (${t.source}): a failed message comes back after the visibility timeout (${visibility}) and is retried until the queue's retention ends (no redrive policy)`;
  }
  return `${from} (${t.source}, synchronous): Lambda does not retry; the caller gets the error`;
}

export function triggerHover(edge: PipelineEdge, analysis: Analysis): string {
  const fn = analysis.model.nodes.find((n) => n.id === edge.to);
  const lines = [`**${escapeMarkdown(labelOf(edge.from, analysis))} → ${escapeMarkdown(labelOf(edge.to, analysis))}** (trigger)`];
  const t = edge.trigger;
  if (t) {
    const facts = [
      t.batchSize ? `batch size ${t.batchSize.value}` : '',
      t.parallelizationFactor ? `parallelization factor ${t.parallelizationFactor.value}` : '',
      t.maximumConcurrency ? `maximum concurrency ${t.maximumConcurrency.value}` : '',
      t.tumblingWindowInSeconds ? `tumbling window ${t.tumblingWindowInSeconds.value} s` : '',
    ].filter(Boolean);
    if (facts.length > 0) lines.push('', facts.join(' · '));
  }
  if (fn) lines.push('', `**On failure:** ${retryBehaviour(edge, fn, analysis)}`);
  const report = analysis.functions.find((r) => r.id === edge.to);
  if (report) lines.push('', ...concurrencyLines(report));
  return lines.join('\n');
}

export function annotationHover(annotation: LoadAnnotation, owner: string): string {
  const lines = [`**Pipeline Lens annotation** for ${code(owner)}`];
  if (annotation.rate) lines.push(`- rate: ${significant(annotation.rate.value, 4)}/s (${rate(annotation.rate.value)})`);
  if (annotation.durationMs) lines.push(`- duration: ${duration(annotation.durationMs.value)} average billed duration`);
  if (annotation.stateful) lines.push(`- stateful: ${annotation.stateful.value}`);
  if (annotation.stores) lines.push(`- stores: ${annotation.stores.value.map(escapeMarkdown).join(', ')}`);
  if (annotation.shards) lines.push(`- shards: ${annotation.shards.value}`);
  if (lines.length === 1) lines.push('- nothing declared yet: add `rate` and `duration`');
  return lines.join('\n');
}

function labelOf(id: string, analysis: Analysis): string {
  return analysis.model.nodes.find((n) => n.id === id)?.label ?? id;
}
