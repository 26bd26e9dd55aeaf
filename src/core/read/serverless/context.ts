// What every part of the serverless reader shares: the resolver, the builder, the CloudFormation templates of
// `resources:` (one per document), and how a value (ARN, Ref, GetAtt, name, `${...}`) becomes a node id.
import { Scalar, type Document } from 'yaml';
import type { NodeKind, Span } from '../../model';
import type { ModelBuilder } from '../builder';
import { Template } from '../cloudformation/template';
import { parseArn, resolveAll, type ArnParts, type ResolvedRef } from '../cloudformation/references';
import { PHYSICAL_NAME_KEYS } from '../cloudformation/template';
import { tableStreamId } from '../cloudformation/resources';
import type { Resolver } from '../../resolve/resolver';
import { describeUnresolved, textOf, type View } from '../../resolve/view';
import { asMap } from '../../parse/nodes';
import { lambdaLogicalId } from './naming';

/** A `resources:` block: its Resources/Outputs mappings and the include site when it came from another file. */
export interface ResourceSource {
  doc: Document | undefined;
  /** The block holding Resources (and Outputs, Conditions, Mappings, Parameters). */
  block?: View;
  resources?: View;
  included?: Span;
}

export interface Target {
  /** Node id when the value names a node (a resource, a function, an ARN/name used as an external id). */
  id?: string;
  /** Text shown when the value could not be resolved (kept as written). */
  raw?: string;
  /** True when `id` is only the written text (an ARN or name of something outside this file). */
  external?: boolean;
  attribute?: string;
  unresolved?: boolean;
}

export class ServerlessContext {
  readonly functionKeys = new Set<string>();
  /** Deployed function name -> function key, for destinations written as names. */
  readonly functionNames = new Map<string, string>();
  /** `<Name>LambdaFunction` -> function key. */
  private readonly lambdaIds = new Map<string, string>();
  private readonly templates = new Map<Document | undefined, Template>();
  private readonly definedIds = new Set<string>();
  /** Physical name (QueueName, TableName...) after variable resolution -> logical id, over every resources block. */
  private readonly physicalNames = new Map<string, { id: string; type: string }>();
  service = 'service';
  stage = 'dev';

  constructor(
    readonly resolver: Resolver,
    readonly builder: ModelBuilder,
    readonly mainDoc: Document | undefined,
  ) {}

  /** Registers the Template of one `resources:` document (so its logical ids resolve from everywhere). */
  addTemplate(source: ResourceSource): Template {
    const template = new Template(source.doc, asMap(source.resources?.node), asMap(source.block?.node), this.templateOptions());
    for (const id of template.resources.keys()) this.definedIds.add(id);
    this.templates.set(source.doc, template);
    for (const entry of this.resolver.entries(source.resources)) {
      const type = textOf(this.resolver.get(entry.value, 'Type')) ?? '';
      const nameKey = PHYSICAL_NAME_KEYS[type];
      const name = nameKey ? textOf(this.resolver.getIn(entry.value, ['Properties', nameKey])) : undefined;
      if (name && !this.physicalNames.has(name)) this.physicalNames.set(name, { id: entry.key, type });
    }
    return template;
  }

  templateFor(doc: Document | undefined): Template {
    let template = this.templates.get(doc);
    if (!template) {
      template = new Template(doc, undefined, undefined, this.templateOptions());
      this.templates.set(doc, template);
    }
    return template;
  }

  private templateOptions() {
    return {
      region: this.resolver.region(),
      nodeIdFor: (logicalId: string) => this.nodeIdFor(logicalId),
      resolveString: (text: string) => this.resolver.resolveText(text, { start: 0, end: 0 }).text,
    };
  }

  /** Logical ids outside one template: other resource files, functions (`XLambdaFunction`), framework resources. */
  private nodeIdFor(logicalId: string): string | undefined {
    if (this.definedIds.has(logicalId) || this.builder.hasNode(logicalId)) return logicalId;
    if (this.lambdaIds.size !== this.functionKeys.size) {
      for (const key of this.functionKeys) this.lambdaIds.set(lambdaLogicalId(key), key);
    }
    return this.lambdaIds.get(logicalId);
  }

  /**
   * Resolves a value to the nodes it names. Plain text that is not a resource of this file becomes an external id
   * (the ARN text or name). `report` marks values that matter for the analysis: unresolved ones become problems.
   */
  targets(view: View | undefined, report?: { what: string; node?: string }): Target[] {
    if (!view || view.node === undefined) {
      // A literal from a variable fallback (`${opt:queue, 'arn:...'}`): matched like written text.
      const text = textOf(view);
      return text ? [this.toTarget(this.fromText(text, this.mainDoc))] : [];
    }
    if (view.unresolved.length > 0) {
      const construct = this.constructTarget(view);
      if (construct) return [construct];
      if (report) this.unresolved(view, report.what, report.node);
      return [{ raw: view.text ?? describeUnresolved(view), unresolved: true }];
    }
    const sink = report ? (message: string, span: Span) => this.builder.problem('unresolved-reference', message, view.included ?? span, report.node) : undefined;
    const resolved = this.resolvedText(view);
    const refs = resolved !== undefined ? [this.fromText(resolved, view.doc)] : resolveAll(view.node, this.templateFor(view.doc), sink);
    return refs.map((ref) => this.toTarget(ref));
  }

  target(view: View | undefined, report?: { what: string; node?: string }): Target | undefined {
    return this.targets(view, report)[0];
  }

  /** `${construct:jobs.queueUrl}` (serverless-lift) names the construct's node when the file defines it. */
  private constructTarget(view: View): Target | undefined {
    const ids = view.unresolved.map((u) => /^\$\{construct:([\w-]+)\./.exec(u.expression)?.[1]);
    const id = ids[0];
    return id && ids.every((other) => other === id) && this.builder.hasNode(id) ? { id } : undefined;
  }

  /** A function key from a destination or reference written as a function key or deployed name. */
  functionKeyOf(text: string): string | undefined {
    if (this.functionKeys.has(text)) return text;
    return this.functionNames.get(text);
  }

  /** Records an unresolved-reference problem (info) for a value that matters to the analysis. */
  unresolved(view: View, what: string, node?: string, consequence?: string): void {
    const then = consequence ? ` ${consequence}` : '';
    this.builder.problem('unresolved-reference', `${what} cannot be resolved here: ${describeUnresolved(view)}.${then}`, view.span, node);
  }

  /** Resolved text of a scalar whose raw value held variables (the template would see only the raw `${...}`). */
  private resolvedText(view: View): string | undefined {
    const raw = (view.node as { value?: unknown } | undefined)?.value;
    const tagged = (view.node as { tag?: string } | undefined)?.tag;
    if (tagged || typeof raw !== 'string' || view.text === undefined) return undefined;
    return raw === view.text ? undefined : view.text;
  }

  private fromText(text: string, doc: Document | undefined): ResolvedRef {
    return resolveAll(new Scalar(text), this.templateFor(doc))[0] ?? { raw: text };
  }

  private toTarget(ref: ResolvedRef): Target {
    if (ref.id !== undefined) return { id: ref.id, attribute: ref.attribute };
    const raw = ref.raw ?? '';
    if (ref.unresolved || ref.attribute === 'ImportValue' || ref.attribute === 'Parameter') return { raw, attribute: ref.attribute, unresolved: ref.unresolved };
    const arn = parseArnText(raw);
    if (arn?.service === 'lambda' && this.functionKeyOf(arn.name)) return { id: this.functionKeyOf(arn.name) };
    const named = this.physicalNames.get(arn?.name ?? queueUrlName(raw) ?? raw);
    if (named) {
      const stream = arn?.tableStream && /DynamoDB/.test(named.type);
      return { id: stream ? tableStreamId(named.id) : named.id, attribute: stream ? 'StreamArn' : undefined };
    }
    return raw ? { id: raw, raw, external: true } : {};
  }

  /** Adds an external node for a target that is not a node yet (e.g. an ARN string). */
  ensureNode(target: Target, kind: NodeKind, span: Span, label?: string): string | undefined {
    const id = target.id ?? target.raw;
    if (!id) return undefined;
    if (!this.builder.hasNode(id)) this.builder.external(id, kind, span, label ?? labelOf(id));
    return id;
  }
}

/** A short label for an ARN (its resource name) or any other id. */
export function labelOf(id: string): string {
  const arn = parseArnText(id);
  return arn?.name || id;
}

/** parseArn that also accepts serverless-pseudo-parameters' `#{AWS::AccountId}` in the region/account parts. */
export function parseArnText(text: string): ArnParts | undefined {
  return parseArn(text.replace(/#\{([^}]*)\}/g, '${$1}'));
}

function queueUrlName(text: string): string | undefined {
  return /^https:\/\/sqs\.[^/]+\/[^/]+\/([^/]+)$/.exec(text.trim())?.[1];
}
