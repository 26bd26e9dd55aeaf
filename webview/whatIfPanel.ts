// The what-if panel: knobs for the selected function (or the whole pipeline), the file's values beside them, and
// the host's answer as you move them: cost/day, expected concurrency vs cap, findings, the compare chart. The
// webview computes nothing: each change sends a `whatIf` intent (one in flight, the latest wins); *Apply to YAML*
// sends `applyWhatIf` with the graph's version.
import { RATE_SCALE_LIMITS, type WhatIfOverrides } from '../src/core/design/overrides';
import { formatNumber } from '../src/core/cost/round';
import type { GraphMessage, WhatIfAppliedMessage, WhatIfMessage } from '../src/protocol';
import type { WhatIfFunctionView } from '../src/whatIfProtocol';
import { ChartView } from './chartView';
import { button, dropdown, registerControls, slider, text } from './ui';
import { fileText, KNOBS, sliderOptions } from './whatIfKnobs';
import { figuresTable, findingsList } from './whatIfResults';
import { post } from './vscodeApi';

const REPLY_TIMEOUT_MS = 3000;

export class WhatIfPanel {
  readonly element = document.createElement('section');
  private readonly controls = document.createElement('div');
  private readonly figures = document.createElement('div');
  private readonly findings = document.createElement('div');
  private readonly status = text('p', '', 'pl-whatif-status');
  private readonly chart = new ChartView();
  private graph: GraphMessage | undefined;
  private result: WhatIfMessage | undefined;
  private overrides: WhatIfOverrides = { functions: {} };
  private target: string | null = null;
  private builtFor = '';
  private seq = 0;
  private inFlight = false;
  private dirty = false;
  /** A lost answer must not freeze the panel: after this long the next change is sent anyway. */
  private inFlightTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    registerControls();
    this.element.className = 'pl-whatif';
    this.element.setAttribute('aria-label', 'What-if');
    this.element.hidden = true;
    this.status.setAttribute('role', 'status');
    this.controls.className = 'pl-whatif-controls';
    this.figures.className = 'pl-whatif-figures';
    this.findings.className = 'pl-whatif-findings';
    const results = document.createElement('div');
    results.className = 'pl-whatif-results';
    results.setAttribute('aria-live', 'polite');
    results.append(this.figures, this.findings);
    this.element.append(this.controls, results, this.chart.element);
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  toggle(): void {
    this.element.hidden = !this.element.hidden;
    if (this.open) this.request();
  }

  graphChanged(graph: GraphMessage): void {
    if (this.graph?.documentUri !== graph.documentUri) {
      this.overrides = { functions: {} };
      this.target = null;
    }
    this.graph = graph;
    if (this.open) this.request();
  }

  selectionChanged(nodeId: string | null): void {
    const node = nodeId ? this.graph?.graph.nodes.find((n) => n.id === nodeId) : undefined;
    const target = node?.kind === 'function' ? node.id : null;
    if (target === this.target) return;
    this.target = target;
    if (this.open) this.request();
  }

  receive(message: WhatIfMessage | WhatIfAppliedMessage): void {
    if (message.type === 'whatIfApplied') {
      this.status.textContent = [message.message, ...message.skipped.map((s) => `Not written: ${s}`)].join(' ');
      this.status.classList.toggle('pl-whatif-error', !message.ok);
      // The file holds the values now: start again from it (a load scale would otherwise apply twice).
      if (message.ok) {
        this.overrides = { functions: {} };
        this.builtFor = '';
      }
      return;
    }
    if (message.seq !== this.seq) return; // an older answer: a newer request is on its way
    this.inFlight = false;
    clearTimeout(this.inFlightTimer);
    this.result = message;
    const builtFor = `${message.target}@${message.version}`;
    if (builtFor !== this.builtFor) {
      this.builtFor = builtFor;
      this.renderControls(message);
    }
    this.figures.replaceChildren(figuresTable(message));
    this.findings.replaceChildren(...findingsList(message));
    const subject = message.target ? (message.functions.find((f) => f.id === message.target)?.label ?? message.target) : 'the pipeline';
    this.chart.render(message.chart, subject);
    document.body.dataset.whatIfSeq = String(message.seq);
    if (this.dirty) {
      this.dirty = false;
      this.request();
    }
  }

  /** One request in flight; changes made meanwhile go out when it answers. */
  private request(): void {
    if (!this.graph) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    clearTimeout(this.inFlightTimer);
    this.inFlightTimer = setTimeout(() => {
      this.inFlight = false;
      if (this.dirty) {
        this.dirty = false;
        this.request();
      }
    }, REPLY_TIMEOUT_MS);
    this.seq++;
    post({ type: 'whatIf', version: this.graph.version, seq: this.seq, target: this.target, overrides: this.overrides });
  }

  private set(fnId: string, key: string, value: number | string | undefined): void {
    const values = { ...(this.overrides.functions[fnId] ?? {}) } as Record<string, unknown>;
    if (value === undefined) delete values[key];
    else values[key] = value;
    this.overrides = { ...this.overrides, functions: { ...this.overrides.functions, [fnId]: values } };
    this.request();
  }

  private renderControls(message: WhatIfMessage): void {
    const parts: HTMLElement[] = [];
    const fn = message.functions.find((f) => f.id === message.target);
    parts.push(text('h3', fn ? `What-if: ${fn.label}` : 'What-if: the pipeline'));
    if (!fn) parts.push(text('p', 'Select a function in the graph to try its memory, load, shards and concurrency.', 'pl-muted'));
    const regions = message.region.choices.map((r) => ({ value: r, label: r === message.region.file ? `${r} (file)` : r }));
    parts.push(dropdown('Region', regions, this.overrides.region ?? message.region.file, (value) => {
      this.overrides = { ...this.overrides, region: value === message.region.file ? undefined : value };
      this.request();
    }).element);
    if (fn) parts.push(...this.functionControls(fn));
    else parts.push(this.architectureForAll(message.functions), this.loadScale());
    parts.push(this.actions());
    this.controls.replaceChildren(...parts);
  }

  private functionControls(fn: WhatIfFunctionView): HTMLElement[] {
    const tried = this.overrides.functions[fn.id] ?? {};
    const out: HTMLElement[] = [];
    const fileArch = fn.file.architecture ?? 'x86_64';
    const arch = dropdown('Architecture', [
      { value: 'x86_64', label: fileArch === 'x86_64' ? 'x86_64 (file)' : 'x86_64' },
      { value: 'arm64', label: fileArch === 'arm64' ? 'arm64 (file)' : 'arm64' },
    ], tried.architecture ?? fileArch, (value) => this.set(fn.id, 'architecture', value === fileArch ? undefined : value));
    out.push(arch.element);
    for (const knob of KNOBS) {
      if (!(knob.key in fn.file)) continue;
      const file = fn.file[knob.key] as number | null | undefined;
      const control = slider(sliderOptions(knob), tried[knob.key] ?? file ?? knob.start, (value) => this.set(fn.id, knob.key, value));
      control.element.dataset.knob = knob.key;
      control.element.appendChild(text('span', fileText(knob, file), 'pl-control-file'));
      out.push(control.element);
    }
    return out;
  }

  private architectureForAll(functions: WhatIfFunctionView[]): HTMLElement {
    const choices = [{ value: '', label: 'as in the file' }, { value: 'x86_64', label: 'all x86_64' }, { value: 'arm64', label: 'all arm64' }];
    return dropdown('Architecture', choices, '', (value) => {
      for (const f of functions) {
        const values = { ...(this.overrides.functions[f.id] ?? {}) };
        if (value === 'x86_64' || value === 'arm64') values.architecture = value;
        else delete values.architecture;
        this.overrides.functions[f.id] = values;
      }
      this.request();
    }).element;
  }

  /** The whole pipeline's load at once: every known rate times the factor. */
  private loadScale(): HTMLElement {
    const options = { label: 'Load (x today)', min: RATE_SCALE_LIMITS.min, max: RATE_SCALE_LIMITS.max, log: true, format: (v: number) => `${formatNumber(v)} x today's rates` };
    const control = slider(options, this.overrides.rateScale ?? 1, (value) => {
      this.overrides = { ...this.overrides, rateScale: value === 1 ? undefined : value };
      this.request();
    });
    control.element.dataset.knob = 'rateScale';
    control.element.appendChild(text('span', 'file: x1 (the declared rates)', 'pl-control-file'));
    return control.element;
  }

  private actions(): HTMLElement {
    const row = document.createElement('div');
    row.className = 'pl-row';
    row.append(
      button('Apply to YAML', () => this.apply(), { appearance: 'primary', title: 'Write these values into the file (one undo step)' }),
      button('Reset', () => this.reset(), { title: 'Back to the values in the file' }),
      this.status,
    );
    return row;
  }

  private apply(): void {
    if (!this.result) return;
    this.status.textContent = 'Applying…';
    post({ type: 'applyWhatIf', version: this.result.version, overrides: this.overrides });
  }

  private reset(): void {
    this.overrides = { functions: {} };
    this.builtFor = '';
    this.request();
  }
}
