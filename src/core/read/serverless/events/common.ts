// Shared by every event reader: the event being read, and how a trigger edge with its facts is added.
import type { Located, PipelineEdge, Span, TriggerFacts } from '../../../model';
import type { ServerlessContext } from '../context';
import { boolOf, textOf, type View } from '../../../resolve/view';
import { located } from '../destinations';

export interface EventInput {
  context: ServerlessContext;
  functionKey: string;
  /** Event type as written (`stream`, `sqs`, `httpApi`...). */
  type: string;
  typeSpan: Span;
  /** The event's value (`arn:...`, or its settings mapping). */
  value: View;
  /** The list item (`- stream: ...`), the span fixes edit. */
  item: View;
  /** 1-based count of this event type within the function (Serverless numbers rules this way). */
  index: number;
}

export function setting(input: EventInput, key: string): View | undefined {
  return input.context.resolver.get(input.value, key);
}

export function numberSetting(input: EventInput, key: string): Located<number> | undefined {
  return located(setting(input, key));
}

/** A number that caps concurrency: when it cannot be resolved, the user is told (the cap is then unknown). */
export function capSetting(input: EventInput, key: string): Located<number> | undefined {
  const view = setting(input, key);
  if (view && view.unresolved.length > 0) input.context.unresolved(view, `The ${key} of ${input.functionKey}'s ${input.type} event`, input.functionKey);
  return located(view);
}

export function boolSetting(input: EventInput, key: string): Located<boolean> | undefined {
  const view = setting(input, key);
  const value = boolOf(view);
  return view && value !== undefined ? { value, span: view.span } : undefined;
}

export function textSetting(input: EventInput, key: string): string | undefined {
  return textOf(setting(input, key));
}

/** Adds the trigger edge source -> function; `facts` holds what this event type knows. */
export function addTrigger(input: EventInput, sourceId: string, facts: Omit<TriggerFacts, 'eventSpan'>): PipelineEdge | undefined {
  // A source written as a bare word can collide with a function key: a function does not trigger itself this way.
  if (sourceId === input.functionKey) return undefined;
  const trigger: TriggerFacts = { ...facts, eventSpan: input.item.span };
  for (const key of Object.keys(trigger) as (keyof TriggerFacts)[]) if (trigger[key] === undefined) delete trigger[key];
  return input.context.builder.addEdge({ from: sourceId, to: input.functionKey, kind: 'trigger', span: input.typeSpan, trigger });
}

/** `enabled: false` switches a mapping off; undefined when not written. */
export function enabledSetting(input: EventInput): boolean | undefined {
  return boolOf(setting(input, 'enabled'));
}

/** Filter patterns (Lambda filter criteria) or an SNS filter policy are present. */
export function filtered(input: EventInput, ...keys: string[]): boolean | undefined {
  return keys.some((key) => setting(input, key) !== undefined) || undefined;
}
