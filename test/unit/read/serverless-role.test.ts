// A function's own `role:` (a logical id of an AWS::IAM::Role in resources) is what it may do.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';

const file = (role: string) => `service: roles
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [dynamodb:PutItem]
          Resource: !GetAtt Orders.Arn
functions:
  write:
    handler: write.handler
${role}
resources:
  Resources:
    Orders:
      Type: AWS::DynamoDB::Table
    Audit:
      Type: AWS::DynamoDB::Table
    WriteRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] }
        Policies:
          - PolicyName: write
            PolicyDocument:
              Statement:
                - Effect: Allow
                  Action: [dynamodb:PutItem]
                  Resource: !GetAtt Audit.Arn
`;

const reached = (text: string) => analyze(text, { path: 'serverless.yml' }).model.nodes.find((n) => n.id === 'write')!.fn!.iamStatements.flatMap((s) => s.resourceIds);

describe('serverless reader: a function role of the file', () => {
  it('reads the statements of `role: WriteRole` and not the provider role', () => {
    assert.deepEqual(reached(file('    role: WriteRole')), ['Audit']);
    assert.deepEqual(reached(file('    role: !GetAtt WriteRole.Arn')), ['Audit']);
  });

  it('keeps the provider statements without a role, and reads nothing from a role outside the file', () => {
    assert.deepEqual(reached(file('')), ['Orders']);
    assert.deepEqual(reached(file('    role: arn:aws:iam::123456789012:role/elsewhere')), []);
  });
});
