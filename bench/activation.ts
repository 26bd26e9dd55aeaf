// Activation cost of the extension bundle outside VS Code: require() of dist/extension.js and activate() with a
// stand-in `vscode` module (every API returns another stand-in; nothing is shown). Measures what our code does at
// activation (module evaluation, registrations, starting the worker), not VS Code's own work.
import * as fs from 'node:fs';
import Module from 'node:module';

export interface ActivationTime {
  requireMs: number;
  activateMs: number;
  bundleBytes: number;
  bundleHasElk: boolean;
  bundleHasYaml: boolean;
}

/** A value that answers every property read, call and `new` with another such value (and iterates as empty). */
function standIn(name = 'vscode'): unknown {
  const target = function () {} as unknown as Record<string | symbol, unknown>;
  return new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === 'then') return undefined; // not a promise
      if (key === 'length') return 0;
      return standIn(`${name}.${String(key)}`);
    },
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`) as object,
  });
}

export async function activationTime(bundle: string): Promise<ActivationTime> {
  const text = fs.readFileSync(bundle, 'utf8');
  const moduleWithLoad = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = moduleWithLoad._load;
  const vscode = standIn();
  moduleWithLoad._load = (request, parent, isMain) => (request === 'vscode' ? vscode : load(request, parent, isMain));
  const subscriptions: { dispose?: () => void }[] = [];
  try {
    let started = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const extension = require(bundle) as { activate: (context: unknown) => unknown };
    const requireMs = performance.now() - started;
    const context = { subscriptions, extensionPath: bundle.replace(/[\\/]dist[\\/]extension\.js$/, ''), extensionUri: standIn('extensionUri') };
    started = performance.now();
    extension.activate(context);
    const activateMs = performance.now() - started;
    return {
      requireMs,
      activateMs,
      bundleBytes: Buffer.byteLength(text),
      bundleHasElk: /elk\.bundled|ElkLayered|org\.eclipse\.elk/.test(text),
      bundleHasYaml: /parseDocument|YAMLParseError/.test(text),
    };
  } finally {
    for (const s of subscriptions) {
      try {
        s.dispose?.();
      } catch {
        // stand-ins dispose to nothing
      }
    }
    moduleWithLoad._load = load;
  }
}
