// The rules over the real templates of ../shared/corpus: they never throw, every finding points inside its file
// with a message naming what it is about, and findings checked by hand against the templates stay right.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../src/core/analyze';
import { isRuleId } from '../../../src/core/findings';
import { CORPUS_DIR, describeCorpus } from '../../support/corpus';

const CORPUS = CORPUS_DIR;

function corpusFile(path: string): Analysis {
  return analyze(readFileSync(join(CORPUS, path), 'utf8'), { path });
}

describeCorpus('rules over the shared corpus', function () {
  this.timeout(60_000);

  it('analyses every template with findings that point inside the file and name their subject', () => {
    const files = ['serverless', 'sam'].flatMap((dir) => readdirSync(join(CORPUS, dir)).map((f) => `${dir}/${f}`));
    assert.ok(files.length >= 30);
    for (const path of files) {
      const text = readFileSync(join(CORPUS, path), 'utf8');
      const analysis = analyze(text, { path });
      for (const f of analysis.findings) {
        assert.ok(isRuleId(f.rule), `${path}: ${f.rule}`);
        assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `${path}: ${f.rule} span`);
        assert.ok(f.message.length > 40, `${path}: ${f.rule} message`);
        if (f.node) assert.ok(analysis.model.nodes.some((n) => n.id === f.node), `${path}: ${f.rule} node ${f.node}`);
      }
    }
  });

  it('flags the unbounded Kinesis mapping of dsmith hello, at its stream event', () => {
    const analysis = corpusFile('serverless/dsmith_kinesis-lambda-sns.yml');
    const found = analysis.findings.filter((f) => f.rule === 'stream-retry-unbounded');
    assert.deepEqual(found.map((f) => f.node), ['hello']);
    assert.match(analysis.parsed.text.slice(found[0].span.start, found[0].span.end), /type: kinesis/);
  });

  it('flags the SNS topic that invokes FileAudit directly (Protocol: lambda) with nothing to catch failures', () => {
    const analysis = corpusFile('sam/sp_s3-sns-sqs-lambda-java.yml');
    const found = analysis.findings.filter((f) => f.rule === 'async-without-buffer');
    assert.deepEqual(found.map((f) => f.node), ['FileAudit']);
    assert.match(found[0].message, /SNS topic AuditSNSTopic/);
  });

  it('warns that IngressQueue visibility of 20 s is below 6 x 10 s + 2 s, and does not call it a deploy error', () => {
    const analysis = corpusFile('sam/sp_sqs-lambda-ddb-ts.yml');
    const [found] = analysis.findings.filter((f) => f.rule === 'visibility-timeout-too-short');
    assert.equal(found.severity, 'warning');
    assert.match(found.message, /6 x 10 s \+ 2 s batching window = 62 s/);
  });

  it('does not ask the SNS subscription DLQ of txma-audit for a DLQ of its own', () => {
    const analysis = corpusFile('sam/govuk_txma-audit.yml');
    assert.deepEqual(analysis.findings.filter((f) => f.rule === 'queue-without-dlq').map((f) => f.node), []);
  });
});
