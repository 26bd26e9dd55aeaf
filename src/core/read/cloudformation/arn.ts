// ARN strings: which service and resource they name, so a plain ARN can be matched to a resource of the file.

/** Parts of an ARN; `name` is the resource's own name (queue, table, bucket...). */
export interface ArnParts {
  service: string;
  region: string;
  account: string;
  resource: string;
  name: string;
  /** DynamoDB `table/T/stream/...`: the table's stream rather than the table. */
  tableStream?: boolean;
}

const ARN = /^arn:([^:]*):([^:]*):(\$\{[^}]*\}|[^:]*):(\$\{[^}]*\}|[^:]*):(.*)$/;

export function parseArn(text: string): ArnParts | undefined {
  const match = ARN.exec(text.trim());
  if (!match) return undefined;
  const [, , service, region, account, resource] = match;
  let name = resource;
  let tableStream: boolean | undefined;
  switch (service) {
    case 'kinesis':
    case 'firehose':
    case 'events':
      name = resource.split('/')[1] ?? resource;
      break;
    case 'dynamodb': {
      const parts = resource.split('/');
      name = parts[1] ?? resource;
      tableStream = parts[2] === 'stream' || undefined;
      break;
    }
    case 's3':
      name = resource.split('/')[0];
      break;
    case 'lambda':
    case 'states':
      name = resource.split(':')[1] ?? resource;
      break;
    case 'sns':
    case 'sqs':
      name = resource.split(':')[0];
      break;
    default:
      name = resource.split(/[/:]/).pop() ?? resource;
  }
  return { service, region, account, resource, name, tableStream };
}

/** The last path segment of an SQS queue URL (`https://sqs.<region>.amazonaws.com/<account>/<name>`). */
export function queueUrlName(text: string): string | undefined {
  const match = /^https:\/\/sqs\.[^/]+\/[^/]+\/([^/]+)$/.exec(text.trim());
  return match?.[1];
}

/** The service prefix of a resource type's ARNs (to prefer a queue over a topic of the same name). */
export function serviceOf(type: string | undefined): string | undefined {
  if (!type) return undefined;
  if (type.includes('DynamoDB') || type.includes('SimpleTable')) return 'dynamodb';
  if (type.includes('KinesisFirehose')) return 'firehose';
  if (type.includes('Kinesis')) return 'kinesis';
  if (type.includes('SQS')) return 'sqs';
  if (type.includes('SNS')) return 'sns';
  if (type.includes('S3')) return 's3';
  if (type.includes('Function')) return 'lambda';
  if (type.includes('StateMachine')) return 'states';
  if (type.includes('Events')) return 'events';
  return undefined;
}
