// Form controls for the what-if panel, part of our ui layer: a slider with an exact number field (the toolkit has
// no slider: a native range input, themed in media/whatIf.css) and a dropdown (the toolkit's). Each control keeps
// its label, says its value to screen readers, and reports changes through one callback.
import { provideVSCodeDesignSystem, vsCodeDropdown, vsCodeOption, vsCodeTextField } from '@vscode/webview-ui-toolkit';

let registered = false;

export function registerControls(): void {
  if (registered) return;
  provideVSCodeDesignSystem().register(vsCodeDropdown(), vsCodeOption(), vsCodeTextField());
  registered = true;
}

export interface SliderOptions {
  label: string;
  min: number;
  max: number;
  /** Steps on a log scale (rates, durations, batch sizes): the slider moves in ratios, the field stays exact. */
  log?: boolean;
  integer?: boolean;
  /** Spoken and shown text for a value ("50/minute", "1,024 MB"). */
  format: (value: number) => string;
}

export interface Control<T> {
  element: HTMLElement;
  set(value: T): void;
}

const SLIDER_STEPS = 1000;

export function slider(options: SliderOptions, value: number, onChange: (value: number) => void): Control<number> {
  const id = `pl-control-${Math.random().toString(36).slice(2)}`;
  const row = document.createElement('div');
  row.className = 'pl-control';
  const label = document.createElement('label');
  label.textContent = options.label;
  label.htmlFor = id;
  const range = document.createElement('input');
  range.type = 'range';
  range.id = id;
  range.min = '0';
  range.max = String(SLIDER_STEPS);
  range.step = '1';
  const field = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  field.className = 'pl-control-number';
  field.setAttribute('aria-label', `${options.label}, exact value`);
  field.setAttribute('size', '8');
  const toPosition = (v: number) => {
    const { min, max } = options;
    const clamped = Math.min(max, Math.max(min, v));
    const ratio = options.log ? Math.log(clamped / min) / Math.log(max / min) : (clamped - min) / (max - min);
    return Math.round(ratio * SLIDER_STEPS);
  };
  const fromPosition = (p: number) => {
    const { min, max } = options;
    const ratio = p / SLIDER_STEPS;
    const v = options.log ? min * (max / min) ** ratio : min + ratio * (max - min);
    return options.integer ? Math.round(v) : Number(v.toPrecision(3));
  };
  const show = (v: number) => {
    range.value = String(toPosition(v));
    range.setAttribute('aria-valuetext', options.format(v));
    field.value = String(Number(v.toPrecision(6)));
  };
  range.addEventListener('input', () => {
    const v = fromPosition(Number(range.value));
    range.setAttribute('aria-valuetext', options.format(v));
    field.value = String(v);
    onChange(v);
  });
  field.addEventListener('change', () => {
    const v = Number(field.value);
    const ok = Number.isFinite(v) && v >= options.min && v <= options.max && (!options.integer || Number.isInteger(v));
    field.classList.toggle('pl-invalid', !ok);
    if (!ok) return;
    range.value = String(toPosition(v));
    range.setAttribute('aria-valuetext', options.format(v));
    onChange(v);
  });
  show(value);
  row.append(label, range, field);
  return { element: row, set: show };
}

export function dropdown(label: string, choices: { value: string; label: string }[], value: string, onChange: (value: string) => void): Control<string> {
  const row = document.createElement('div');
  row.className = 'pl-control';
  const caption = document.createElement('span');
  caption.className = 'pl-control-caption';
  caption.textContent = label;
  const select = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  select.setAttribute('aria-label', label);
  for (const choice of choices) {
    const option = document.createElement('vscode-option') as HTMLElement & { value: string };
    option.setAttribute('value', choice.value);
    option.textContent = choice.label;
    if (choice.value === value) option.setAttribute('selected', '');
    select.appendChild(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  row.append(caption, select);
  return { element: row, set: (v) => (select.value = v) };
}
