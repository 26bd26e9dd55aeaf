// SAM's samconfig names the stack `sam deploy` creates from the template beside it: `${cf:}` and exports that name
// that stack join to the template.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samConfigFormat, samConfigStackName } from '../../../src/core/workspace';
import { cli } from '../cli/run';
import { FIXTURES, joinFixtures } from './load';

describe('workspace: stack names from samconfig', () => {
  it('reads the default environment, deploy parameters over global ones (TOML)', () => {
    assert.equal(samConfigStackName(readFileSync(join(FIXTURES, 'samconfig/orders/samconfig.toml'), 'utf8'), 'toml'), 'orders-api');
    assert.equal(samConfigStackName('version = 0.1\n[default.global.parameters]\nstack_name = \'shared\'\n', 'toml'), 'shared');
    assert.equal(samConfigStackName('[prod.deploy.parameters]\nstack_name = "only-prod"\n', 'toml'), undefined, 'sam deploy without --config-env reads default only');
  });

  it('reads the YAML form too, and says nothing for broken input', () => {
    assert.equal(samConfigStackName('version: 0.1\ndefault:\n  deploy:\n    parameters:\n      stack_name: orders-yaml\n', 'yaml'), 'orders-yaml');
    assert.equal(samConfigStackName('default: [\n', 'yaml'), undefined);
    assert.equal(samConfigStackName('a: &a [*a, *a]\n', 'yaml'), undefined);
    assert.equal(samConfigStackName('', 'toml'), undefined);
  });

  it('knows the file names SAM reads', () => {
    assert.equal(samConfigFormat('svc/samconfig.toml'), 'toml');
    assert.equal(samConfigFormat('samconfig.yml'), 'yaml');
    assert.equal(samConfigFormat('svc/samconfig.json'), undefined);
    assert.equal(samConfigFormat('svc/mysamconfig.toml'), undefined);
  });

  it('joins a serverless consumer to the SAM stack samconfig names, and the queue rules land in the SAM file', () => {
    const paths = ['samconfig/orders/template.yaml', 'samconfig/billing/serverless.yml'];
    const named = joinFixtures(paths, {}, { 'samconfig/orders/template.yaml': 'orders-api' });
    assert.deepEqual(named.joins.map((j) => [j.from.file, j.raw, j.to.file, j.to.id, j.via]), [
      ['samconfig/billing/serverless.yml', '${cf:orders-api.QueueArn}', 'samconfig/orders/template.yaml', 'OrdersQueue', 'cf-output'],
    ]);
    const orders = named.files.find((f) => f.path === paths[0])!.analysis;
    assert.ok(orders.findings.some((f) => f.rule === 'visibility-timeout-too-short'));
    assert.deepEqual(joinFixtures(paths).joins, [], 'without the stack name nothing joins');
  });

  it('the CLI reads samconfig.toml beside the template', async () => {
    const run = await cli(['check', 'samconfig', '--workspace'], { cwd: FIXTURES });
    assert.match(run.stdout, /joined samconfig\/billing\/serverless\.yml: \$\{cf:orders-api\.QueueArn\} -> samconfig\/orders\/template\.yaml OrdersQueue \(cf-output\)/);
    assert.match(run.stdout, /samconfig\/orders\/template\.yaml:\d+:\d+ error visibility-timeout-too-short/);
  });
});
