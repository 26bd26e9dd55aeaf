import * as assert from 'node:assert/strict';
import { isCloudFormationJsonName, looksLikeCloudFormationJson } from '../../../src/extension/present/fileNames';

describe('extension: which JSON files are CloudFormation templates', () => {
  it('names: *.template.json (cdk.out, sam build), not other JSON', () => {
    assert.ok(isCloudFormationJsonName('/w/cdk.out/ProducerStack.template.json'));
    assert.ok(isCloudFormationJsonName('/w/infra/App.Template.JSON'));
    assert.ok(!isCloudFormationJsonName('/w/package.json'));
    assert.ok(!isCloudFormationJsonName('/w/template.yaml'));
  });

  it('content: an object with Resources and an AWS:: type; package.json, tsconfig and YAML are not', () => {
    assert.ok(looksLikeCloudFormationJson('{\n "Resources": {\n  "Q": { "Type": "AWS::SQS::Queue" }\n }\n}'));
    assert.ok(!looksLikeCloudFormationJson('{ "name": "x", "dependencies": { "aws-sdk": "2" } }'));
    assert.ok(!looksLikeCloudFormationJson('{ "compilerOptions": { "strict": true } }'));
    assert.ok(!looksLikeCloudFormationJson('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n'));
    assert.ok(!looksLikeCloudFormationJson('{ "Resources": {} }'));
  });
});
