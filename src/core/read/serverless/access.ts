// What a function can reach: environment variables and IAM statements, with the nodes they name, and the
// write/read edges that follow from the statements' actions.
import type { EnvVar, IamStatement } from '../../model';
import { intrinsicOf } from '../../parse/intrinsics';
import { textOf as templateText } from '../cloudformation/references';
import type { ServerlessContext, Target } from './context';
import { textOf, type Entry, type View } from '../../resolve/view';

export function readEnvironment(context: ServerlessContext, entries: Entry[]): EnvVar[] {
  return entries.map((entry) => ({
    name: entry.key,
    value: displayText(context, entry.value),
    refs: nodeRefs(context, context.targets(entry.value)),
    span: entry.keySpan,
  }));
}

/** Provider variables first, each replaced by a function variable of the same name. */
export function mergeEnvironment(provider: EnvVar[], own: EnvVar[]): EnvVar[] {
  const names = new Set(own.map((v) => v.name));
  return [...provider.filter((v) => !names.has(v.name)), ...own];
}

export function readStatement(context: ServerlessContext, statement: View): IamStatement {
  const { resolver } = context;
  const actions = listOf(context, resolver.get(statement, 'Action') ?? resolver.get(statement, 'NotAction'));
  const resourceViews = valuesOf(context, resolver.get(statement, 'Resource'));
  const resourceIds: string[] = [];
  const rawResources: string[] = [];
  for (const view of resourceViews) {
    const targets = context.targets(view);
    const ids = nodeRefs(context, targets);
    resourceIds.push(...ids);
    if (ids.length === 0) rawResources.push(displayText(context, view));
  }
  return {
    effect: textOf(resolver.get(statement, 'Effect')) === 'Deny' ? 'Deny' : 'Allow',
    actions,
    resourceIds: [...new Set(resourceIds)],
    rawResources,
    span: statement.span,
  };
}

/** Node ids among targets: resources and functions of this file, and externals already in the model. */
export function nodeRefs(context: ServerlessContext, targets: Target[]): string[] {
  return targets
    .filter((t) => t.id !== undefined && (!t.external || context.builder.hasNode(t.id)))
    .map((t) => t.id as string);
}

/** A value as text for display: resolved scalars, intrinsic text (`${Table.Arn}`), or the unresolved expression. */
export function displayText(context: ServerlessContext, view: View | undefined): string {
  if (!view) return '';
  if (view.text !== undefined) return view.text;
  return templateText(view.node, context.templateFor(view.doc)) ?? '';
}

export function valuesOf(context: ServerlessContext, view: View | undefined): View[] {
  if (!view) return [];
  if (intrinsicOf(view.node, view.doc)) return [view];
  const listed = context.resolver.items(view);
  return listed.length > 0 ? listed : [view];
}

function listOf(context: ServerlessContext, view: View | undefined): string[] {
  return valuesOf(context, view)
    .map((v) => textOf(v))
    .filter((t): t is string => t !== undefined);
}
