import { strict as assert } from 'node:assert';
import { VersionedResults } from '../../../src/extension/worker/versionedResults';

/** A request whose answer the test gives later. */
function deferred<T>() {
  let resolve!: (value: T | undefined) => void;
  const promise = new Promise<T | undefined>((r) => (resolve = r));
  return { promise, resolve };
}

describe('versioned analysis results (host side)', () => {
  it('asks once per version however many features want it', async () => {
    let starts = 0;
    const results = new VersionedResults<string>();
    const start = () => Promise.resolve(`v1 #${++starts}`);
    const [a, b] = await Promise.all([results.get('u', 1, start), results.get('u', 1, start)]);
    assert.deepEqual([a, b, await results.get('u', 1, start), starts], ['v1 #1', 'v1 #1', 'v1 #1', 1]);
  });

  it('discards a result that arrives after a newer version was requested, and shows only the newest', async () => {
    const shown: string[] = [];
    const results = new VersionedResults<string>((uri, version, value) => shown.push(`${uri}@${version}=${value}`));
    const old = deferred<string>();
    const fresh = deferred<string>();
    const first = results.get('u', 1, () => old.promise);
    const second = results.get('u', 2, () => fresh.promise);
    fresh.resolve('two');
    old.resolve('one');
    assert.equal(await second, 'two');
    await first;
    assert.deepEqual(shown, ['u@2=two']);
    assert.equal(results.latest('u')?.version, 2);
    assert.equal(results.current('u', 1), undefined);
  });

  it('keeps the last finished result readable while the next version is computed', async () => {
    const results = new VersionedResults<string>();
    await results.get('u', 1, () => Promise.resolve('one'));
    const next = deferred<string>();
    void results.get('u', 2, () => next.promise);
    assert.equal(results.current('u', 2), undefined);
    assert.equal(results.latest('u')?.value, 'one');
    assert.ok(results.pending('u', 2));
    next.resolve('two');
    assert.equal(await results.pending('u', 2), 'two');
  });

  it('drops results computed with old settings (clear) and failed requests', async () => {
    const shown: number[] = [];
    const results = new VersionedResults<string>((_u, version) => shown.push(version));
    const slow = deferred<string>();
    void results.get('u', 1, () => slow.promise);
    results.clear();
    slow.resolve('old settings');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(results.latest('u'), undefined);
    assert.equal(await results.get('u', 3, () => Promise.reject(new Error('boom'))), undefined);
    assert.deepEqual(shown, []);
    assert.equal(await results.get('u', 3, () => Promise.resolve('retry')), 'retry');
  });
});
