import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisService } from '../../../src/extension/worker/analysisService';
import type { AnalysisPayload } from '../../../src/extension/worker/protocol';
import { AnalysisSnapshot } from '../../../src/extension/worker/snapshot';
import { statusText } from '../../../src/extension/present/statusText';

const file = path.join(__dirname, '..', '..', '..', 'examples', 'clickstream', 'serverless.yml');
const text = fs.readFileSync(file, 'utf8');

describe('analysis snapshot (host side)', () => {
  it('parses the model and reports only when first read, counts that time, and reads like the analysis', async () => {
    const payload = (await new AnalysisService().handle({ kind: 'analyze', uri: 'file:///c/serverless.yml', version: 3, path: file, onDisk: true, text, openTexts: {}, keep: false })) as AnalysisPayload;
    const parses: number[] = [];
    const snapshot = new AnalysisSnapshot(structuredClone(payload), text, (ms) => parses.push(ms));
    assert.equal(parses.length, 0, 'nothing parsed for diagnostics');
    assert.ok(snapshot.findings.length > 0);
    const status = statusText(snapshot).text;
    assert.equal(parses.length, 1, 'the reports, once');
    assert.match(status, /\$5\d\d\.\d\d\/day \$\(error\) 1 /);
    assert.equal(snapshot.model.nodes.find((n) => n.id === 'sessionize')?.kind, 'function');
    void snapshot.model;
    assert.equal(parses.length, 2, 'the model, once');
    assert.equal(snapshot.parsed.text, text);
    assert.equal(snapshot.version, 3);
  });
});
