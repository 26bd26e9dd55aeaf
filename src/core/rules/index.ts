// Runs every rule over a model. Severity settings, ignore comments and fix offers are applied by analyze().
import type { Finding } from '../findings';
import type { PipelineModel } from '../model';
import type { FunctionReport } from '../report';
import type { Settings } from '../settings';
import type { Rule } from './types';
import { asyncWithoutBuffer } from './async-without-buffer';
import { chainedWithoutBuffer } from './chained-without-buffer';
import { costAboveCluster } from './cost-above-cluster';
import { downstreamUnprotected } from './downstream-unprotected';
import { queueWithoutDlq } from './queue-without-dlq';
import { statefulWithoutStore } from './stateful-without-store';
import { streamRetryUnbounded } from './stream-retry-unbounded';
import { throughputExceedsConcurrency } from './throughput-exceeds-concurrency';
import { visibilityTimeoutTooShort } from './visibility-timeout-too-short';

export const MODEL_RULES: Rule[] = [
  statefulWithoutStore,
  asyncWithoutBuffer,
  streamRetryUnbounded,
  queueWithoutDlq,
  visibilityTimeoutTooShort,
  throughputExceedsConcurrency,
  downstreamUnprotected,
  chainedWithoutBuffer,
  costAboveCluster,
];

export function runRules(model: PipelineModel, settings: Settings, reports: FunctionReport[]): Finding[] {
  return MODEL_RULES.flatMap((rule) => rule(model, settings, reports));
}

export { readProblemFindings } from './read-problems';
