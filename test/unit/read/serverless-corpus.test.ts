// Every serverless.yml of the shared corpus (../shared/corpus/serverless, read in place, never copied): each
// function under `functions:` is a node at its key, and each item of its `events:` list is one trigger into it
// (from a source node that exists), and reading reports nothing but unresolved references.
import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { isMap, isSeq } from 'yaml';
import { parseYaml } from '../../../src/core/parse/parseYaml';
import { asMap, get, keyText, pairs } from '../../../src/core/parse/nodes';
import { readServerless } from '../../../src/core/read/serverless/index';
import { corpusPath, describeCorpus } from '../../support/corpus';

const CORPUS = corpusPath('serverless');

/** Function key -> number of event items, read from the raw YAML (no resolution: the corpus writes lists inline). */
function writtenEvents(text: string): Map<string, number> {
  const doc = parseYaml(text).doc;
  const functions = asMap(get(asMap(doc?.contents), 'functions', doc));
  const counts = new Map<string, number>();
  for (const pair of pairs(functions, doc)) {
    const events = get(asMap(pair.value), 'events', doc);
    counts.set(keyText(pair) ?? '', isSeq(events) ? events.items.filter((item) => isMap(item)).length : 0);
  }
  return counts;
}

describeCorpus('serverless reader: corpus', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yml'));

  it('finds the corpus beside the repository', () => {
    assert.ok(files.length >= 17, `expected the shared corpus at ${CORPUS}`);
  });

  for (const file of files) {
    it(`${file}: every function with one trigger per event`, () => {
      const path = join(CORPUS, file);
      const text = readFileSync(path, 'utf8');
      const model = readServerless({ parsed: parseYaml(text), path, readFile: () => undefined });
      for (const [key, events] of writtenEvents(text)) {
        const node = model.nodes.find((n) => n.id === key && n.kind === 'function');
        assert.ok(node, `function ${key}`);
        assert.equal(text.slice(node.span.start, node.span.end), key);
        // Triggers written in the function's events (resources may add more, e.g. a Firehose processor).
        const block = node.blockSpan ?? node.span;
        const inside = (start = -1) => start >= block.start && start < block.end;
        const triggers = model.edges.filter((e) => e.kind === 'trigger' && e.to === key && inside(e.trigger?.eventSpan.start));
        assert.equal(triggers.length, events, `${key}: triggers ${triggers.map((e) => e.from).join(', ')}`);
        for (const trigger of triggers) assert.ok(model.nodes.some((n) => n.id === trigger.from), `source ${trigger.from}`);
      }
      assert.deepEqual(model.problems.filter((p) => p.rule !== 'unresolved-reference'), []);
    });
  }
});
