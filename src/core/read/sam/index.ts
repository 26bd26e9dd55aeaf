// SAM reader: AWS::Serverless::* resources (with Globals.Function) on top of the CloudFormation resource readers.
import type { PipelineModel } from '../../model';
import { asMap, get, getIn } from '../../parse/nodes';
import { ModelBuilder } from '../builder';
import type { ReadContext } from '../index';
import { readPermissions, readResourceNodes, readResourceRelations, templateRegion } from '../cloudformation/index';
import type { CfnContext } from '../cloudformation/context';
import { completeModel, markConditionalEdges } from '../cloudformation/dataflow';
import { Template } from '../cloudformation/template';
import { readSamFunction } from './function';
import { readSamEvents } from './events';

export function readSam(context: ReadContext): PipelineModel {
  const doc = context.parsed.doc;
  const root = asMap(doc?.contents);
  const builder = new ModelBuilder('sam');
  builder.region = templateRegion(root, doc);
  const template = new Template(doc, asMap(get(root, 'Resources', doc)), root, { region: builder.region });
  const ctx: CfnContext = { builder, template, doc };
  const globals = asMap(getIn(root, ['Globals', 'Function'], doc));
  const functions = template.ofType('AWS::Serverless::Function');
  readResourceNodes(ctx);
  for (const entry of functions) readSamFunction(ctx, entry, globals);
  readResourceRelations(ctx);
  for (const entry of functions) {
    readSamEvents(ctx, entry.logicalId, asMap(get(entry.properties, 'Events', doc)), entry.condition);
  }
  readPermissions(ctx);
  completeModel(builder);
  return markConditionalEdges(builder.finish());
}
