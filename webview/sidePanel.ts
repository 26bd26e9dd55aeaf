// The side panel: what the selection is, its facts and hints, its findings with quick-fix buttons; with nothing
// selected, every finding of the file. Text only (textContent), buttons through our ui layer.
import type { GraphFinding, GraphMessage, PipelineSummary } from '../src/protocol';
import type { Selection } from './graphView';
import { button, text } from './ui';

export interface SidePanelActions {
  reveal(nodeId: string): void;
  revealEdge(edgeId: string): void;
  applyFix(findingIndex: number, fixId: string): void;
  insertBufferQueue(edgeId: string): void;
  selectNode(nodeId: string): void;
}

const SEVERITY_WORDS = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function renderSidePanel(host: HTMLElement, message: GraphMessage | undefined, selection: Selection, actions: SidePanelActions): void {
  const parts: HTMLElement[] = [];
  if (!message) {
    parts.push(text('p', 'Waiting for the analysis…', 'pl-muted'));
  } else if (selection?.kind === 'node') {
    parts.push(...nodeSection(message, selection.id, actions));
  } else if (selection?.kind === 'edge') {
    parts.push(...edgeSection(message, selection.id, actions));
  } else {
    parts.push(...fileSection(message, actions));
  }
  host.replaceChildren(...parts);
}

function nodeSection(message: GraphMessage, id: string, actions: SidePanelActions): HTMLElement[] {
  const node = message.graph.nodes.find((n) => n.id === id);
  if (!node) return [text('p', 'Nothing selected.', 'pl-muted')];
  const details = message.details[id];
  const out: HTMLElement[] = [text('h2', node.label, 'pl-title'), text('p', node.subtitle, 'pl-muted')];
  if (node.defined) out.push(row(button('Show in file', () => actions.reveal(id), { title: `Select ${node.label} in the YAML` })));
  const findings = message.findings.filter((f) => f.node === id);
  out.push(...findingList(findings, actions, false));
  if (details && details.hints.length > 0) {
    out.push(text('h3', 'Hints'));
    const list = document.createElement('ul');
    list.className = 'pl-hints';
    for (const hint of details.hints) list.appendChild(text('li', hint));
    out.push(list);
  }
  if (details) {
    out.push(text('h3', 'Facts'));
    const facts = document.createElement('dl');
    facts.className = 'pl-facts';
    for (const fact of details.facts) facts.append(text('dt', fact.label), text('dd', fact.value));
    out.push(facts);
  }
  return out;
}

function edgeSection(message: GraphMessage, id: string, actions: SidePanelActions): HTMLElement[] {
  const edge = message.graph.edges.find((e) => e.id === id);
  if (!edge) return [text('p', 'Nothing selected.', 'pl-muted')];
  const out: HTMLElement[] = [text('h2', `${edge.from} → ${edge.to}`, 'pl-title'), text('p', [edge.kind, edge.label].filter(Boolean).join(' · '), 'pl-muted')];
  if (edge.conditional) out.push(text('p', 'Exists only under a CloudFormation condition.', 'pl-muted'));
  if (edge.joinedHow) out.push(text('p', `Joined across files: ${edge.joinedHow}`));
  const buttons = [button('Show in file', () => actions.revealEdge(id))];
  if (edge.bufferable) {
    buttons.unshift(
      button('Insert buffer queue', () => actions.insertBufferQueue(id), {
        appearance: 'primary',
        title: 'Put an SQS queue with a DLQ between this source and its function',
      }),
    );
  }
  out.push(row(...buttons));
  out.push(...findingList(message.findings.filter((f) => f.edge === id), actions, false));
  return out;
}

function fileSection(message: GraphMessage, actions: SidePanelActions): HTMLElement[] {
  const count = (severity: GraphFinding['severity']) => message.findings.filter((f) => f.severity === severity).length;
  const summary = `${message.graph.nodes.length} stages · ${count('error')} errors · ${count('warning')} warnings · ${count('info')} info`;
  return [
    text('h2', message.fileName, 'pl-title'),
    text('p', summary, 'pl-muted'),
    text('p', 'Select a stage or an edge to see its facts, hints and fixes.', 'pl-muted'),
    ...pipelineList(message.pipelines ?? [], actions),
    ...findingList(message.findings, actions, true),
  ];
}

/** The workspace graph's connected pipelines: cost per day, the busiest stage and the lowest cap (known without
 * load), each selectable. */
function pipelineList(pipelines: PipelineSummary[], actions: SidePanelActions): HTMLElement[] {
  if (pipelines.length === 0) return [];
  const out: HTMLElement[] = [text('h3', `Pipelines (${pipelines.length})`)];
  for (const pipeline of pipelines) {
    const item = document.createElement('div');
    item.className = 'pl-pipeline';
    item.setAttribute('role', 'group');
    item.append(text('div', pipeline.title, 'pl-finding-head'), text('p', pipeline.cost));
    const busiest = pipeline.busiest;
    if (busiest) item.append(text('p', busiest.text, 'pl-muted'), row(button('Select busiest stage', () => actions.selectNode(busiest.nodeId))));
    const lowest = pipeline.lowestCap;
    if (lowest) item.append(text('p', lowest.text, 'pl-muted'), row(button('Select lowest cap', () => actions.selectNode(lowest.nodeId))));
    out.push(item);
  }
  return out;
}

function findingList(findings: GraphFinding[], actions: SidePanelActions, linkToNode: boolean): HTMLElement[] {
  if (findings.length === 0) return [text('h3', 'Findings'), text('p', 'No findings.', 'pl-muted')];
  const out: HTMLElement[] = [text('h3', `Findings (${findings.length})`)];
  for (const finding of findings) {
    const item = document.createElement('div');
    item.className = `pl-finding pl-finding-${finding.severity}`;
    item.setAttribute('role', 'group');
    const head = text('div', `${SEVERITY_WORDS[finding.severity]} · ${finding.rule} · line ${finding.line + 1}`, 'pl-finding-head');
    item.append(head, text('p', finding.message, 'pl-finding-message'));
    const buttons: HTMLElement[] = finding.fixes
      .filter((fix) => fix.id !== 'ignore-rule' || !linkToNode)
      .map((fix) => button(fix.title, () => actions.applyFix(finding.index, fix.id), { appearance: fix.preferred ? 'primary' : 'secondary' }));
    const nodeId = finding.node;
    if (linkToNode && nodeId) buttons.push(button('Select stage', () => actions.selectNode(nodeId)));
    const docs = document.createElement('a');
    docs.href = finding.docsUrl;
    docs.textContent = 'About this rule';
    docs.className = 'pl-docs';
    item.append(row(...buttons), docs);
    out.push(item);
  }
  return out;
}

function row(...children: HTMLElement[]): HTMLElement {
  const element = document.createElement('div');
  element.className = 'pl-row';
  element.append(...children);
  return element;
}
