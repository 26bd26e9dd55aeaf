import * as assert from 'node:assert/strict';
import { version } from '../../../package.json';
import { cli } from './run';

describe('cli: arguments, help and exit code 2', () => {
  it('prints usage on --help and with no command, exit 0', async () => {
    for (const args of [['--help'], [], ['check', '--help']]) {
      const run = await cli(args);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: pipeline-lens <command>/);
      assert.match(run.stdout, /check <file\|dir>\.\.\./);
      assert.match(run.stdout, /fix <file> --rule <id>/);
    }
  });

  it('prints the package version on --version', async () => {
    const run = await cli(['--version']);
    assert.deepEqual(run, { code: 0, stdout: `${version}\n`, stderr: '' });
  });

  const usageErrors: [string[], RegExp][] = [
    [['lint', 'x.yml'], /unknown command "lint"/],
    [['check'], /check needs at least one file or directory/],
    [['check', 'x.yml', '--format', 'xml'], /--format must be one of text, json, sarif/],
    [['check', 'x.yml', '--arch', 'sparc'], /--arch must be one of x86_64, arm64/],
    [['check', 'x.yml', '--colour'], /unknown option --colour/],
    [['check', 'x.yml', '--region'], /--region needs a value/],
    [['graph'], /graph needs exactly one file/],
    [['graph', 'a.yml', '--format', 'png'], /--format must be one of svg, json, dot/],
    [['fix', 'a.yml'], /fix needs --rule <id>/],
    [['fix', 'a.yml', '--rule', 'no-such-rule'], /unknown rule id "no-such-rule"/],
  ];
  for (const [args, message] of usageErrors) {
    it(`exits 2 with a message on stderr for: ${args.join(' ')}`, async () => {
      const run = await cli(args);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
    });
  }

  it('exits 2 when a named file does not exist, for every command', async () => {
    for (const args of [['check', 'missing.yml'], ['graph', 'missing.yml'], ['fix', 'missing.yml', '--rule', 'queue-without-dlq']]) {
      const run = await cli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /cannot read .*missing\.yml/);
    }
  });
});
