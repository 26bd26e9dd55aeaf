// stateful-without-store: a step that keeps state across events but reaches no external store.
import type { Finding } from '../findings';
import type { PipelineModel, PipelineNode } from '../model';
import { functionNodes } from '../model';
import {  } from './lookup';
import { triggerEdges } from '../concurrency/limits';
import { finding, type Rule } from './types';
import { storeReached } from './reach';
import { words } from './words';

/** Lambda carries tumbling-window state between invocations, within these limits (RULES.md). */
export const MAX_TUMBLING_WINDOW_S = 900;

// Words in a function's key, name, handler or environment names that mean it keeps state across events.
const STATEFUL_WORD = /^(sessioni[sz]\w*|sessions?|windows?|windowed|windowing|aggregat\w*|aggs?|dedupe?s?|dedup(licat\w*|er|ing)?|join(s|er|ed|ing)?|counts?|counters?|counting|rollups?|accumulat\w*|tumbling)$/;

// Environment names are settings (MAX_COUNT, JOIN_TIMEOUT are not state); only the strongest words count there.
const STATEFUL_SETTING_WORD = /^(sessioni[sz]\w*|sessions?|windows?|aggregat\w*|dedup\w*|rollups?|tumbling)$/;

/** Why the function looks stateful, in words; undefined when it does not (or declares `stateful: false`). */
export function statefulEvidence(node: PipelineNode): string | undefined {
  const fn = node.fn;
  if (!fn) return undefined;
  const declared = fn.annotation?.stateful?.value;
  if (declared === false) return undefined;
  if (declared === true) return 'it is declared `stateful: true`';
  const sources: [string, string | undefined][] = [
    ['its key', node.id],
    ['its name', fn.name],
    ['its handler', fn.handler],
  ];
  for (const [what, text] of sources) {
    const word = text ? words(text).find((w) => STATEFUL_WORD.test(w)) : undefined;
    if (word) return word === text?.toLowerCase() ? `${what} is '${text}'` : `${what} '${text}' contains '${word}'`;
  }
  for (const env of fn.environment) {
    const word = words(env.name).find((w) => STATEFUL_SETTING_WORD.test(w));
    if (word) return `its environment variable ${env.name} contains '${word}'`;
  }
  return undefined;
}

function tumblingWindow(model: PipelineModel, node: PipelineNode): number | undefined {
  return triggerEdges(model, node.id)
    .map((e) => e.trigger?.tumblingWindowInSeconds?.value)
    .find((s): s is number => s !== undefined && s > 0);
}

export const statefulWithoutStore: Rule = (model) => {
  const out: Finding[] = [];
  for (const node of functionNodes(model)) {
    const window = tumblingWindow(model, node);
    const evidence = statefulEvidence(node) ?? (window !== undefined ? `it aggregates over a ${window} s tumbling window` : undefined);
    if (!evidence || storeReached(model, node)) continue;
    if (window !== undefined && window <= MAX_TUMBLING_WINDOW_S) continue;
    const windowNote =
      window !== undefined
        ? ` Its ${window} s tumbling window is above the ${MAX_TUMBLING_WINDOW_S} s Lambda allows, so Lambda cannot carry that state.`
        : ` The only state Lambda keeps for you is a tumbling window (up to ${MAX_TUMBLING_WINDOW_S} s and 1 MB per shard).`;
    const annotation = node.fn?.annotation?.stateful;
    out.push(
      finding('stateful-without-store', {
        node: node.id,
        span: node.span,
        related: annotation ? [{ span: annotation.span, message: 'declared stateful here' }] : [],
        message:
          `'${node.label}' keeps state across events (${evidence}) but reaches no external store: no DynamoDB table, ` +
          `S3 bucket, cache or database in its environment, IAM statements, destinations or \`stores\` annotation. ` +
          `Lambda recycles execution environments and runs one copy per shard or batch, so state held in memory is lost or split.` +
          windowNote +
          ` Keep the state in DynamoDB (or ElastiCache/S3) and grant access to it, or list it under \`stores\` if it lives elsewhere.`,
      }),
    );
  }
  return out;
};
