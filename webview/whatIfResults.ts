// The what-if answer as the drawer shows it: the file vs what-if table (cost/day, concurrency of cap, what sets the
// cap, the pipeline's cost) and the findings with what changed. Text only (textContent).
import { formatNumber, formatUsd } from '../src/core/cost/round';
import type { WhatIfFigures, WhatIfMessage } from '../src/whatIfProtocol';
import { text } from './ui';

const CHANGE_WORDS = { new: 'New', kept: 'Still', settled: 'Settled' } as const;

export function figuresTable(message: WhatIfMessage): HTMLElement {
  const table = document.createElement('table');
  table.className = 'pl-whatif-table';
  const caption = text('caption', 'File vs what-if');
  const head = document.createElement('tr');
  for (const title of ['', 'File', 'What-if']) head.appendChild(text('th', title));
  const rows: HTMLElement[] = [head];
  const fn = message.functions.find((f) => f.id === message.target);
  for (const f of fn ? [fn] : message.functions) {
    const prefix = fn ? '' : `${f.label}: `;
    rows.push(row(`${prefix}cost/day`, money(f.before.perDayUsd), money(f.after.perDayUsd), f.before.perDayUsd !== f.after.perDayUsd));
    rows.push(row(`${prefix}concurrency`, concurrency(f.before), concurrency(f.after), concurrency(f.before) !== concurrency(f.after), over(f.after)));
    if (fn) rows.push(row('cap set by', f.before.capReason, f.after.capReason, f.before.capReason !== f.after.capReason));
  }
  const { before, after } = message.pipelinePerDayUsd;
  rows.push(row('pipeline cost/day', money(before), money(after), before !== after));
  if (message.region.whatIf !== message.region.file) rows.push(row('region', message.region.file, message.region.whatIf, true));
  table.append(caption, ...rows);
  return table;
}

/** The findings of the chosen function (all of them for the pipeline): new, settled, then those that stay. */
export function findingsList(message: WhatIfMessage): HTMLElement[] {
  const items = message.findings.filter((f) => !message.target || f.node === message.target || !f.node);
  const heading = text('h3', `Findings with these values (${items.filter((f) => f.change !== 'settled').length})`);
  if (items.length === 0) return [heading, text('p', 'None.', 'pl-muted')];
  const list = document.createElement('ul');
  list.className = 'pl-whatif-list';
  for (const f of items) {
    const item = document.createElement('li');
    item.className = `pl-whatif-finding pl-change-${f.change} pl-sev-${f.severity}`;
    item.append(text('span', CHANGE_WORDS[f.change], 'pl-badge'), text('strong', ` ${f.rule}`), text('span', ` (line ${f.line + 1}) `, 'pl-muted'), text('span', f.message));
    list.appendChild(item);
  }
  return [heading, list];
}

function row(label: string, file: string, whatIf: string, changed: boolean, bad = false): HTMLElement {
  const tr = document.createElement('tr');
  const after = text('td', whatIf);
  if (changed) after.classList.add('pl-changed');
  if (bad) after.classList.add('pl-over');
  tr.append(text('th', label), text('td', file), after);
  return tr;
}

const money = (usd: number | null) => (usd === null ? 'unknown' : formatUsd(usd));
const concurrency = (f: WhatIfFigures) => `${f.expected === null ? 'unknown' : formatNumber(f.expected)} of ${formatNumber(f.cap)}`;
const over = (f: WhatIfFigures) => f.expected !== null && f.expected > f.cap;
