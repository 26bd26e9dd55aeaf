// Data safety for resources the Serverless Framework creates from a name (an `s3` event's bucket, an `sns` event's
// topic): their logical id is derived from the resolved name (`S3Bucket<Name>`), so a name holding a variable that
// can differ between deployments (`${sls:stage}`, `${opt:...}`, `${env:...}`, `${aws:...}`, `${ssm:...}`...) gives a
// different logical id on each stage. serverless.yml cannot write such an id under resources.Resources (variables are
// not resolved in keys; serverless@3 rejects `S3Bucket${sls:stage}`), so a fix that would declare the resource under
// the id of one stage is not offered, and says why.
import { isScalar } from 'yaml';
import { findVariables } from '../resolve/variables';
import { mapAtPath, ownPair } from '../edit';
import type { FixContext } from './context';

const MAX_HOPS = 10;

/** `${self:a.b}` addresses that the framework fills in per deployment, whatever the file says. */
const PER_DEPLOYMENT_SELF = new Set(['provider.stage', 'provider.region']);

/** The variables in `text` whose value can differ between deployments; `${self:...}` is followed to what it names. */
export function deploymentVariables(ctx: FixContext, text: string, hops = 0): string[] {
  const varying: string[] = [];
  for (const match of findVariables(text)) {
    const expression = text.slice(match.start, match.end);
    const self = /^self:([\w.-]+)$/.exec(match.body.trim());
    const target = self && !PER_DEPLOYMENT_SELF.has(self[1]) && hops < MAX_HOPS ? valueAt(ctx, self[1].split('.')) : undefined;
    if (target === undefined) varying.push(expression);
    else varying.push(...deploymentVariables(ctx, target, hops + 1).filter((inner) => !varying.includes(inner)));
  }
  return varying;
}

/** The scalar text at a dotted path of the file, or undefined when it is not a plain scalar there. */
function valueAt(ctx: FixContext, path: string[]): string | undefined {
  const parent = mapAtPath(ctx.edit.doc.contents, path.slice(0, -1));
  const value = ownPair(parent, path[path.length - 1])?.value;
  if (!isScalar(value) || value.tag || value.value === null || typeof value.value === 'object') return undefined;
  return String(value.value);
}

/** Why a framework-created resource named `name` cannot be declared under `logicalId`, or undefined when it can. */
export function perStageIdReason(ctx: FixContext, what: 'bucket' | 'topic', name: string, logicalId: string): string | undefined {
  const varying = deploymentVariables(ctx, name);
  if (varying.length === 0) return undefined;
  const resource = what === 'bucket' ? 'bucket, and the objects in it' : 'topic, and its subscriptions';
  return (
    `Not offered: the ${what} name ${name} depends on ${varying.join(', ')}, so its logical id (${logicalId} here) differs ` +
    `per stage. A fixed id in resources.Resources would make CloudFormation replace the ${resource}, on every other stage.`
  );
}
