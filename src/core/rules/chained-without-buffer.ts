// chained-without-buffer: a function hands its output straight to another function, with no queue between.
import type { Finding } from '../findings';
import type { PipelineNode, Span } from '../model';
import { functionNodes } from '../model';
import { findNode, edgesOutOf } from './lookup';
import { finding, type Rule } from './types';
import { allowsInvoke } from './reach';

export const chainedWithoutBuffer: Rule = (model) => {
  const out: Finding[] = [];
  for (const node of functionNodes(model)) {
    const links = new Map<string, { span: Span; how: string }>();
    const add = (target: string | undefined, span: Span, how: string) => {
      if (target && target !== node.id && findNode(model, target)?.kind === 'function' && !links.has(target)) links.set(target, { span, how });
    };
    for (const e of edgesOutOf(model, node.id)) {
      if (e.kind === 'on-success' || e.kind === 'trigger') add(e.to, e.span, e.kind === 'on-success' ? 'an on-success destination' : 'a direct invocation');
    }
    add(node.fn?.async.onSuccess?.target, node.fn?.async.onSuccess?.span ?? node.span, 'an on-success destination');
    for (const statement of node.fn?.iamStatements ?? []) {
      if (allowsInvoke(statement)) for (const id of statement.resourceIds) add(id, statement.span, 'lambda:InvokeFunction permission');
    }
    for (const [targetId, link] of links) out.push(chainFinding(node, findNode(model, targetId)!, link));
  }
  return out;
};

function chainFinding(from: PipelineNode, to: PipelineNode, link: { span: Span; how: string }): Finding {
  return finding('chained-without-buffer', {
    node: from.id,
    span: link.span,
    related: [{ span: to.span, message: `'${to.label}' is the next stage` }],
    message:
      `'${from.label}' hands its output straight to '${to.label}' (${link.how}) with no queue, stream or bucket ` +
      `between them: '${from.label}' waits for or fires at '${to.label}', throttles of one stall the other, and an ` +
      `event in flight is retried only as an async invocation (2 retries, then dropped). Put an SQS queue or a ` +
      `stream between the stages if they should scale and fail apart.`,
  });
}
