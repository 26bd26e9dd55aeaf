// Logical ids the Serverless Framework gives the resources it creates (lib/plugins/aws/lib/naming.js), so nodes keep
// the id the deployed stack has and a fix that adds to them never renames (and so never replaces) a resource.

/** `normalizeName`: first letter upper-cased. */
export function normalizeName(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `normalizeNameToAlphaNumericOnly`: drop every character outside [0-9A-Za-z], then normalizeName. */
export function normalizeNameToAlphaNumericOnly(name: string): string {
  return normalizeName(name.replace(/[^0-9A-Za-z]/g, ''));
}

/** `getNormalizedFunctionName`: `-` -> `Dash`, `_` -> `Underscore`, first letter upper-cased. */
export function normalizedFunctionName(functionKey: string): string {
  return normalizeName(functionKey.replace(/-/g, 'Dash').replace(/_/g, 'Underscore'));
}

/** The bucket an `s3` event creates: `S3Bucket<Name>` (e.g. `my-uploads.dev` -> `S3BucketMyuploadsdev`). */
export function bucketLogicalId(bucketName: string): string {
  return `S3Bucket${normalizeNameToAlphaNumericOnly(bucketName)}`;
}

/** The topic an `sns` event creates from a topic name: `SNSTopic<Name>`. */
export function topicLogicalId(topicName: string): string {
  return `SNSTopic${normalizeNameToAlphaNumericOnly(topicName)}`;
}

/** A function's CloudFormation resource: `<Name>LambdaFunction` (e.g. `stand-alone` -> `StandDashaloneLambdaFunction`). */
export function lambdaLogicalId(functionKey: string): string {
  return `${normalizedFunctionName(functionKey)}LambdaFunction`;
}

/** A schedule event's rule: `<Name>EventsRuleSchedule<n>` (n counts from 1 per function). */
export function scheduleLogicalId(functionKey: string, index: number): string {
  return `${normalizedFunctionName(functionKey)}EventsRuleSchedule${index}`;
}

/** An iot event's rule: `<Name>IotTopicRule<n>`. */
export function iotLogicalId(functionKey: string, index: number): string {
  return `${normalizedFunctionName(functionKey)}IotTopicRule${index}`;
}

/** Logical ids of the APIs the framework creates for http, httpApi and websocket events. */
export const REST_API_ID = 'ApiGatewayRestApi';
export const HTTP_API_ID = 'HttpApi';
export const WEBSOCKET_API_ID = 'WebsocketsApi';
