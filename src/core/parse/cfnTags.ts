// CloudFormation short-form intrinsic tags (!Ref, !GetAtt, ...). Each tag is accepted on a scalar, a sequence and
// a mapping, and the node keeps its tag so readers can treat `!Ref X` exactly like `{ Ref: X }`.
import type { Tags } from 'yaml';

/** Short tag -> the long-form key CloudFormation uses. */
export const SHORT_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!ImportValue': 'Fn::ImportValue',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Condition': 'Condition',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

const CFN_TAGS: Tags = Object.keys(SHORT_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
]) as unknown as Tags;

/**
 * The `customTags` option: a function, not the array. Given an array, yaml concatenates its entries one at a time
 * and de-duplicates them pairwise for every document (~80 us each: as long as parsing a small file); a function is
 * one concat. Same tags, same order.
 */
export const CFN_CUSTOM_TAGS = (tags: Tags): Tags => tags.concat(CFN_TAGS);
