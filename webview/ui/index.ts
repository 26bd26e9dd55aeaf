// Our thin layer over @vscode/webview-ui-toolkit (deprecated upstream): the rest of the webview builds buttons, text
// fields and dividers only through these functions, so the toolkit can be swapped for plain elements in one place.
import { provideVSCodeDesignSystem, vsCodeButton, vsCodeDivider, vsCodeTextField } from '@vscode/webview-ui-toolkit';

let registered = false;

export function registerUi(): void {
  if (registered) return;
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeTextField(), vsCodeDivider());
  registered = true;
}

export interface ButtonOptions {
  appearance?: 'primary' | 'secondary' | 'icon';
  title?: string;
  className?: string;
}

export function button(label: string, onClick: () => void, options: ButtonOptions = {}): HTMLElement {
  const element = document.createElement('vscode-button');
  element.textContent = label;
  element.setAttribute('appearance', options.appearance ?? 'secondary');
  if (options.title) {
    element.setAttribute('title', options.title);
    element.setAttribute('aria-label', options.title);
  }
  if (options.className) element.className = options.className;
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return element;
}

export interface TextField {
  element: HTMLElement;
  value(): string;
  focus(): void;
}

export function textField(placeholder: string, onInput: (value: string) => void, onEnter: (value: string, backwards: boolean) => void): TextField {
  const element = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  element.setAttribute('placeholder', placeholder);
  element.setAttribute('aria-label', placeholder);
  element.addEventListener('input', () => onInput(element.value ?? ''));
  element.addEventListener('keydown', (event: KeyboardEvent) => {
    if (event.key === 'Enter') onEnter(element.value ?? '', event.shiftKey);
  });
  return { element, value: () => element.value ?? '', focus: () => element.focus() };
}

export function divider(): HTMLElement {
  return document.createElement('vscode-divider');
}

/** A plain element with text content (never markup). */
export function text(tag: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

export { dropdown, registerControls, slider, type Control, type SliderOptions } from './controls';
