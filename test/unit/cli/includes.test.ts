import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { includeReader } from '../../../src/cli/files';
import { cli } from './run';

describe('cli: ${file()} includes stay inside the analysed folder', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-cli-inc-'));
    fs.mkdirSync(path.join(root, 'app', 'config'), { recursive: true });
    fs.writeFileSync(path.join(root, 'app', 'config', 'load.yml'), 'timeout: 30\n');
    fs.writeFileSync(path.join(root, 'secret.yml'), 'token: outside\n');
    fs.writeFileSync(path.join(root, 'app', 'config', 'run.js'), 'module.exports = () => ({ timeout: 1 })\n');
    fs.symlinkSync(path.join(root, 'secret.yml'), path.join(root, 'app', 'config', 'link.yml'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads YAML/JSON below the file, never above it, through a symlink out, or a script', () => {
    const read = includeReader(path.join(root, 'app', 'serverless.yml'));
    assert.equal(read('config/load.yml'), 'timeout: 30\n');
    assert.equal(read(path.join(root, 'app', 'config', 'load.yml')), 'timeout: 30\n');
    assert.equal(read('../secret.yml'), undefined);
    assert.equal(read('config/link.yml'), undefined);
    assert.equal(read('config/run.js'), undefined);
    assert.equal(read('config/missing.yml'), undefined);
  });

  it('resolves an include in check, so the included timeout drives the rule', async () => {
    fs.writeFileSync(
      path.join(root, 'app', 'serverless.yml'),
      'service: inc\nprovider:\n  name: aws\nfunctions:\n  worker:\n    handler: h.main\n    timeout: ${file(./config/load.yml):timeout}\n' +
        '    events:\n      - sqs:\n          arn: !GetAtt Jobs.Arn\nresources:\n  Resources:\n    Jobs:\n      Type: AWS::SQS::Queue\n' +
        '      Properties:\n        VisibilityTimeout: 60\n        RedrivePolicy:\n          deadLetterTargetArn: !GetAtt JobsDLQ.Arn\n' +
        '          maxReceiveCount: 5\n    JobsDLQ:\n      Type: AWS::SQS::Queue\n',
    );
    const run = await cli(['check', path.join(root, 'app'), '--format', 'json']);
    const file = JSON.parse(run.stdout).files[0];
    assert.equal(file.functions[0].timeoutS, 30);
    const finding = file.findings.find((f: { rule: string }) => f.rule === 'visibility-timeout-too-short');
    assert.match(finding.message, /visibility timeout of 60 s but its consumer 'worker' may run for 30 s/);
  });
});
