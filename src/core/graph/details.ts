// The side panel's content for each node: the facts the file states and the hints behind the graph's numbers.
// Pure; the webview only displays these strings.
import type { PipelineModel, PipelineNode } from '../model';
import type { FunctionReport } from '../report';
import type { Fact, NodeDetails } from './types';
import { kindWords } from './labels';
import { formatCount, formatUsd } from './text';

export function nodeDetails(input: { model: PipelineModel; functions: readonly FunctionReport[] }): Record<string, NodeDetails> {
  const reports = new Map(input.functions.map((r) => [r.id, r]));
  const out: Record<string, NodeDetails> = {};
  for (const node of input.model.nodes) out[node.id] = detailsOf(node, reports.get(node.id));
  return out;
}

function detailsOf(node: PipelineNode, report: FunctionReport | undefined): NodeDetails {
  const facts: Fact[] = [{ label: 'Kind', value: kindWords(node.kind) }];
  const hints: string[] = [];
  const add = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') facts.push({ label, value: String(value) });
  };
  add('Type', node.resourceType);
  if (!node.defined) hints.push('Defined outside this file: only what this file says about it is known.');
  if (node.condition) add('Condition', node.condition);
  if (node.fn) {
    add('Name', node.fn.name !== node.label ? node.fn.name : undefined);
    add('Runtime', node.fn.runtime);
    add('Handler', node.fn.handler);
    add('Memory', `${node.fn.memoryMb} MB`);
    add('Timeout', `${node.fn.timeoutS} s`);
    add('Architecture', report?.architecture ?? node.fn.architecture);
    add('Reserved concurrency', node.fn.reservedConcurrency?.value);
  }
  if (report) addReport(report, facts, hints);
  if (node.queue) {
    add('Visibility timeout', `${node.queue.visibilityTimeoutS?.value ?? 30} s${node.queue.visibilityTimeoutS ? '' : ' (AWS default)'}`);
    if (node.queue.fifo) add('FIFO', 'yes');
    if (node.queue.redrive) add('Dead-letter queue', `${node.queue.redrive.target ?? node.queue.redrive.raw ?? '?'} after ${node.queue.redrive.maxReceiveCount ?? '?'} receives`);
    if (node.queue.deadLetterFor.length > 0) add('Dead-letter queue for', node.queue.deadLetterFor.join(', '));
  }
  if (node.stream) {
    const shards = node.stream.shards?.value ?? node.annotation?.shards?.value;
    add('Shards', shards ?? (node.stream.mode === 'on-demand' ? 'on-demand' : 'unknown'));
    add('Retention', node.stream.retentionHours === undefined ? undefined : `${node.stream.retentionHours} h`);
    if (shards === undefined && node.stream.mode !== 'on-demand') {
      hints.push('Shard count unknown: declare `shards` for this stream in the pipelineLens annotations to get its concurrency cap.');
    }
  }
  if (node.table) {
    add('Billing', node.table.billingMode === 'PAY_PER_REQUEST' ? 'on-demand' : 'provisioned');
    add('Stream', node.table.streamEnabled ? node.table.streamViewType ?? 'enabled' : 'off');
  }
  return { facts, hints };
}

function addReport(report: FunctionReport, facts: Fact[], hints: string[]): void {
  const { load, cost, concurrency } = report;
  if (load.ratePerSecond !== null) facts.push({ label: 'Rate', value: `${formatCount(load.ratePerSecond)}/s${load.declared ? '' : ' (assumed)'}` });
  if (load.durationMs !== null) facts.push({ label: 'Duration', value: `${formatCount(load.durationMs)} ms${load.declared ? '' : ' (assumed)'}` });
  if (cost) {
    facts.push({ label: 'Cost', value: `${formatUsd(cost.perDayUsd)}/day · ${formatUsd(cost.perMonthUsd)}/month` });
    facts.push({ label: 'Per invocation', value: formatUsd(cost.perInvocationUsd) });
  } else {
    hints.push('Load unknown: declare `rate` and `duration` for this function (pipelineLens annotations) to see its cost and concurrency.');
  }
  const expected = concurrency.expected === null ? 'unknown' : formatCount(concurrency.expected);
  facts.push({ label: 'Concurrency', value: `${expected} expected / ${formatCount(concurrency.cap)} cap` });
  facts.push({ label: 'Cap', value: concurrency.capReason });
  if (concurrency.expected !== null && concurrency.expected > concurrency.cap) {
    hints.push(`Expected concurrency ${formatCount(concurrency.expected)} exceeds the cap of ${formatCount(concurrency.cap)}: events will queue up or be throttled.`);
  }
}
