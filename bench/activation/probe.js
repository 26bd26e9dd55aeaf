// Child process of bench/extension.bench.ts: loads dist/extension.js with a stand-in `vscode` module and calls
// activate() with a fake context, then prints {loadMs, activateMs, cpuMs} as JSON. Plain JS so no loader runs in it.
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS that node runs directly, no loader */
'use strict';
const Module = require('node:module');
const path = require('node:path');

/**
 * Any property, call or `new` of the stand-in gives another stand-in (assignments are kept); it is not thenable
 * and iterates as empty.
 */
function standIn(name) {
  const target = function () {};
  const children = new Map();
  return new Proxy(target, {
    get(_target, key) {
      if (children.has(key)) return children.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === 'prototype') return target.prototype;
      if (!children.has(key)) children.set(key, standIn(`${name}.${String(key)}`));
      return children.get(key);
    },
    set(_target, key, value) {
      children.set(key, value);
      return true;
    },
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`),
  });
}

const bundle = path.resolve(process.argv[2]);
// The bundle copies the module's own properties (esbuild's ESM interop): give it every name the API declares.
const api = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const names = new Set(Array.from(api.matchAll(/^\s*export (?:class|enum|namespace|const|function|let) (\w+)/gm), (m) => m[1]));
const vscode = Object.fromEntries(Array.from(names, (name) => [name, standIn(`vscode.${name}`)]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const context = new Proxy({ subscriptions: [], extensionPath: path.dirname(path.dirname(bundle)) }, {
  get: (target, key) => (key in target ? target[key] : standIn(`context.${String(key)}`)),
});
const cpu = process.cpuUsage();
const start = performance.now();
const extension = require(bundle);
const loaded = performance.now();
extension.activate(context);
const activated = performance.now();
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
process.stdout.write(JSON.stringify({ loadMs: loaded - start, activateMs: activated - loaded, cpuMs, subscriptions: context.subscriptions.length }));
// The stand-in's timers and watchers may keep the process alive: the measurement is done.
process.exit(0);
