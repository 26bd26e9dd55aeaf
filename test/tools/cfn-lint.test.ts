// Every SAM/CloudFormation template a quick fix writes must pass cfn-lint (no errors, no warnings) when cfn-lint is
// installed. It is a Python tool that npm cannot install; without it these checks are skipped, and say so.
// One cfn-lint run covers every file (it takes seconds to start); its parseable lines are split per file.
import * as assert from 'node:assert/strict';
import { cfnLint, cfnLintPath } from './tools';
import { toolCases } from './cases';

describe('real tool: cfn-lint accepts what the fixes write', function () {
  const cases = toolCases().filter((c) => c.format === 'sam' || c.format === 'cloudformation');
  const present = cfnLintPath() !== undefined;
  if (!present) {
    console.log('    cfn-lint is NOT installed: SAM/CloudFormation fix outputs are NOT checked by a real tool (pip install cfn-lint)');
  }
  let problems: string[] = [];
  let status: number | null = null;
  before(function () {
    if (!present || cases.length === 0) return;
    this.timeout(600_000);
    const result = cfnLint(cases.flatMap((c) => [c.inputPath, c.expectedPath]));
    status = result.status;
    problems = result.stdout.split('\n').filter((line) => line.trim() !== '');
  });

  it('has SAM/CloudFormation golden cases to check', () => assert.ok(cases.length >= 4, `found ${cases.length}`));

  it('ran cfn-lint to completion', function () {
    if (!present) this.skip(); // reason printed above: cfn-lint is not installed on this machine
    // cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; 1 means it crashed.
    assert.ok(status !== null && (status & 1) === 0, `cfn-lint exit status ${status}`);
  });

  for (const c of cases) {
    it(`${c.fixId}: ${c.name} lints clean, as its input does`, function () {
      if (!present) this.skip(); // reason printed above: cfn-lint is not installed on this machine
      const about = (file: string) => problems.filter((line) => line.startsWith(`${file}:`) && !/:I\d{4}:/.test(line));
      assert.deepEqual(about(c.inputPath), [], 'the input fixture lints clean');
      assert.deepEqual(about(c.expectedPath), [], 'the fixed template lints clean');
    });
  }
});
