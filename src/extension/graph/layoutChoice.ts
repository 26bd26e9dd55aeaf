// Which way the graph flows: the user's remembered choice, or (auto) top to bottom when the view is taller than wide,
// as the editor's side panel usually is. Pure (no vscode), unit-tested.
import type { LayoutDirection } from '../../core/graph/layout';
import { LAYOUT_CHOICES, type LayoutChoice } from '../../protocol';

export interface ViewSize {
  width: number;
  height: number;
}

/** workspaceState key of the remembered choice (one for all graph panels of the workspace). */
export const LAYOUT_CHOICE_KEY = 'pipelineLens.graph.layout';

export function chooseDirection(choice: LayoutChoice, view: ViewSize | undefined): LayoutDirection {
  if (choice !== 'auto') return choice;
  return view && view.width > 0 && view.height > view.width ? 'DOWN' : 'RIGHT';
}

/** A stored value, if it is still a valid choice (settings of older versions or hand edits fall back to auto). */
export function storedLayoutChoice(value: unknown): LayoutChoice {
  return typeof value === 'string' && (LAYOUT_CHOICES as readonly string[]).includes(value) ? (value as LayoutChoice) : 'auto';
}
