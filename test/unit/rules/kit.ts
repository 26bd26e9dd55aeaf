// Hand-built pipeline models for engine and rule tests: the model is the rules' input, so these tests do not
// depend on the readers. Spans are small distinct numbers so a test can tell which place a finding points at.
import type {
  FunctionFacts, PipelineEdge, PipelineModel, PipelineNode, QueueFacts, StreamFacts, TableFacts, TriggerFacts,
} from '../../../src/core/model';

let next = 0;
export const span = () => ({ start: (next += 10), end: next + 5 });
export const located = <T>(value: T) => ({ value, span: span() });

export function fn(id: string, facts: Partial<FunctionFacts> = {}): PipelineNode {
  return {
    id, kind: 'function', label: id, span: span(), defined: true,
    fn: {
      name: id, memoryMb: 1024, timeoutS: 6, architecture: 'x86_64', ephemeralStorageMb: 512,
      environment: [], iamStatements: [], async: {}, ...facts,
    },
  };
}

export function withLoad(node: PipelineNode, ratePerSecond: number, durationMs: number): PipelineNode {
  node.fn!.annotation = { span: span(), rate: located(ratePerSecond), durationMs: located(durationMs) };
  return node;
}

export function stream(id: string, facts: StreamFacts = {}): PipelineNode {
  return { id, kind: 'stream', label: id, span: span(), defined: true, resourceType: 'AWS::Kinesis::Stream', stream: facts };
}

export function queue(id: string, facts: Partial<QueueFacts> = {}): PipelineNode {
  return { id, kind: 'queue', label: id, span: span(), defined: true, resourceType: 'AWS::SQS::Queue', queue: { fifo: false, deadLetterFor: [], ...facts } };
}

export function table(id: string, facts: Partial<TableFacts> = {}): PipelineNode {
  return { id, kind: 'table', label: id, span: span(), defined: true, resourceType: 'AWS::DynamoDB::Table', table: { billingMode: 'PAY_PER_REQUEST', streamEnabled: false, ...facts } };
}

export function node(id: string, kind: PipelineNode['kind'], extra: Partial<PipelineNode> = {}): PipelineNode {
  return { id, kind, label: id, span: span(), defined: true, ...extra };
}

export function trigger(from: string, to: string, facts: Partial<TriggerFacts> & Pick<TriggerFacts, 'source' | 'invocation'>): PipelineEdge {
  return { id: `trigger:${from}->${to}`, from, to, kind: 'trigger', span: span(), trigger: { eventSpan: span(), ...facts } };
}

export function edge(from: string, to: string, kind: PipelineEdge['kind']): PipelineEdge {
  return { id: `${kind}:${from}->${to}`, from, to, kind, span: span() };
}

export function model(nodes: PipelineNode[], edges: PipelineEdge[] = [], format: PipelineModel['format'] = 'serverless'): PipelineModel {
  return { format, nodes, edges, problems: [] };
}
