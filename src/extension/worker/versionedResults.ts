// The host's bookkeeping of analyses by (uri, version) (pure): one request per version however many features ask,
// the newest requested version wins, results that arrive for an older version (or from before a settings change)
// are discarded, and the last finished result stays readable while a newer one is computed.
export interface Finished<T> {
  version: number;
  value: T;
}

interface InFlight<T> {
  version: number;
  generation: number;
  promise: Promise<T | undefined>;
}

export class VersionedResults<T> {
  private readonly finished = new Map<string, Finished<T>>();
  private readonly inFlight = new Map<string, InFlight<T>>();
  private generation = 0;

  /** `accepted` is told about each result that is the newest one of its document (what features should show). */
  constructor(private readonly accepted: (uri: string, version: number, value: T) => void = () => undefined) {}

  /**
   * The result for this version: the finished one, the one in flight, or a new one from `start`. Resolves
   * undefined when the version was superseded or failed (the caller's document has moved on, or it is logged).
   */
  get(uri: string, version: number, start: () => Promise<T | undefined>): Promise<T | undefined> {
    const done = this.finished.get(uri);
    if (done && done.version === version) return Promise.resolve(done.value);
    const flying = this.inFlight.get(uri);
    if (flying && flying.version === version && flying.generation === this.generation) return flying.promise;
    const generation = this.generation;
    const promise = start().then(
      (value) => this.settle(uri, version, generation, value),
      () => this.settle(uri, version, generation, undefined),
    );
    this.inFlight.set(uri, { version, generation, promise });
    return promise;
  }

  /** The finished result of exactly this version, if any. */
  current(uri: string, version: number): T | undefined {
    const done = this.finished.get(uri);
    return done && done.version === version ? done.value : undefined;
  }

  /** The newest finished result, whatever its version. */
  latest(uri: string): Finished<T> | undefined {
    return this.finished.get(uri);
  }

  /** The request in flight for exactly this version, if any. */
  pending(uri: string, version: number): Promise<T | undefined> | undefined {
    const flying = this.inFlight.get(uri);
    return flying && flying.version === version && flying.generation === this.generation ? flying.promise : undefined;
  }

  forget(uri: string): void {
    this.finished.delete(uri);
    this.inFlight.delete(uri);
  }

  /** Everything must be recomputed (settings changed): results still in flight are discarded when they arrive. */
  clear(): void {
    this.generation++;
    this.finished.clear();
    this.inFlight.clear();
  }

  private settle(uri: string, version: number, generation: number, value: T | undefined): T | undefined {
    const flying = this.inFlight.get(uri);
    if (flying?.version === version && flying.generation === generation) this.inFlight.delete(uri);
    if (generation !== this.generation) return undefined;
    const newer = (flying && flying.version > version) || (this.finished.get(uri)?.version ?? -Infinity) > version;
    if (newer || value === undefined) return value;
    this.finished.set(uri, { version, value });
    this.accepted(uri, version, value);
    return value;
  }
}
