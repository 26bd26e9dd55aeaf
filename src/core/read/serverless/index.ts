// The Serverless Framework reader (v1 to v4): serverless.yml -> PipelineModel. Order matters: resources first (so
// events and IAM resolve to them), then function nodes, then events, then what functions reach, then annotations.
import type { PipelineModel } from '../../model';
import type { ReadContext } from '../index';
import { ModelBuilder } from '../builder';
import { Resolver } from '../../resolve/resolver';
import { isMap } from 'yaml';
import { textOf } from '../../resolve/view';
import { ServerlessContext } from './context';
import { readProvider } from './provider';
import { readResources, resourceSources } from './resources';
import { addFunctionNode, functionEntries, readFunctionLinks } from './functions';
import { readEvents } from './events/index';
import { readPipelineLensBlock } from './annotations';
import { addLiftQueue, liftQueues } from './lift';
import { completeModel, markConditionalEdges } from '../cloudformation/index';

export function readServerless(read: ReadContext): PipelineModel {
  const doc = read.parsed.doc;
  const builder = new ModelBuilder('serverless');
  const resolver = new Resolver({ doc, path: read.path, readFile: read.readFile });
  const context = new ServerlessContext(resolver, builder, doc);
  const root = resolver.root();
  if (!isMap(root.node)) return builder.finish();

  const service = resolver.get(root, 'service');
  const serviceName = isMap(service?.node) ? resolver.get(service, 'name') : service;
  // An unresolved name stays as written (`${self:custom.app}-api`): honest, and still unique per file.
  context.service = serviceName?.text ?? 'service';
  context.stage = resolver.stage();
  builder.name = context.service;
  const lens = resolver.getIn(root, ['custom', 'pipelineLens']);
  builder.region = textOf(resolver.get(lens, 'region')) ?? resolver.region();

  const provider = readProvider(context, root);
  const lift = liftQueues(context, root);
  const entries = [...functionEntries(context, resolver.get(root, 'functions')), ...lift.map((q) => q.worker)];
  for (const entry of entries) context.functionKeys.add(entry.key);

  for (const source of resourceSources(context, resolver.get(root, 'resources'))) {
    readResources(context, source, context.addTemplate(source));
  }
  const nodes = entries.map((entry) => addFunctionNode(context, entry, provider));
  lift.forEach((queue) => addLiftQueue(context, queue, builder.getNode(queue.worker.key)?.fn?.timeoutS));
  entries.forEach((entry) => readEvents(context, entry.key, resolver.get(entry.value, 'events')));
  entries.forEach((entry, i) => readFunctionLinks(context, entry, provider, nodes[i]));
  readPipelineLensBlock(context, lens);
  completeModel(builder);
  return markConditionalEdges(builder.finish());
}
