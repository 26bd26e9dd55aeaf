// Reading names and targets out of a template's values (Resources, Outputs) for the workspace index: the text a
// name will have (variables kept as wildcards), and the logical id a Ref/GetAtt/Sub points at.
import { isMap, isSeq } from 'yaml';
import { intrinsicOf } from '../parse/intrinsics';
import type { Resolver } from '../resolve/resolver';
import type { View } from '../resolve/view';

export interface ValueContext {
  resolver: Resolver;
  /** The stack's name when known (replaces `${AWS::StackName}`). */
  stackName?: string;
  /** Parameter name -> default text. */
  parameters: Map<string, string>;
}

function argOf(ctx: ValueContext, view: View, fn: string): View | undefined {
  return isMap(view.node) ? ctx.resolver.get(view, fn) : view;
}

function substitute(ctx: ValueContext, text: string): string {
  return text.replace(/\$\{([\w:.]+)\}/g, (whole, name: string) => {
    if (name === 'AWS::StackName') return ctx.stackName ?? whole;
    return ctx.parameters.get(name) ?? whole;
  });
}

/** The text a value will have, with unknown parts as `${...}`; undefined when it has none (a list, an import). */
export function valueText(ctx: ValueContext, view: View | undefined, depth = 0): string | undefined {
  if (!view || depth > 8) return undefined;
  const fn = intrinsicOf(view.node, view.doc);
  if (!fn) return view.text;
  const arg = argOf(ctx, view, fn.fn);
  switch (fn.fn) {
    case 'Ref': {
      const name = arg?.text ?? '';
      if (name === 'AWS::StackName' && ctx.stackName) return ctx.stackName;
      return ctx.parameters.get(name) ?? '${' + name + '}';
    }
    case 'Fn::Sub': {
      const text = isSeq(arg?.node) ? ctx.resolver.get(arg, '0')?.text : arg?.text;
      return text === undefined ? undefined : substitute(ctx, text);
    }
    case 'Fn::Join': {
      const [delimiter, list] = ctx.resolver.items(arg);
      const parts = ctx.resolver.items(list).map((part) => valueText(ctx, part, depth + 1) ?? '${?}');
      return parts.join(delimiter?.text ?? '');
    }
    default:
      return undefined;
  }
}

/** The logical id (and attribute) a value points at: `Ref X`, `GetAtt X.Arn`, `Sub ${X.Arn}`. */
export function valueTarget(ctx: ValueContext, view: View | undefined): { id: string; attribute?: string } | undefined {
  if (!view) return undefined;
  const fn = intrinsicOf(view.node, view.doc);
  if (!fn) return undefined;
  const arg = argOf(ctx, view, fn.fn);
  if (fn.fn === 'Ref') return arg?.text ? { id: arg.text } : undefined;
  if (fn.fn === 'Fn::GetAtt') {
    if (isSeq(arg?.node)) {
      const [id, attribute] = ctx.resolver.items(arg).map((v) => v.text);
      return id ? { id, attribute } : undefined;
    }
    const [id, ...rest] = (arg?.text ?? '').split('.');
    return id ? { id, attribute: rest.join('.') || undefined } : undefined;
  }
  if (fn.fn === 'Fn::Sub') {
    const text = isSeq(arg?.node) ? ctx.resolver.get(arg, '0')?.text : arg?.text;
    const whole = /^\$\{([\w]+)(?:\.([\w.]+))?\}$/.exec(text ?? '');
    return whole ? { id: whole[1], attribute: whole[2] } : undefined;
  }
  return undefined;
}
