// Activation cost of the extension bundle outside VS Code: require() of dist/extension.js and activate() with a
// stand-in `vscode` module (every API returns another stand-in; nothing is shown), in a fresh plain `node` process
// each time (no TypeScript loader, cold module cache, as in the extension host). Measures what our code does at
// activation (module evaluation, registrations, starting the worker thread), not VS Code's own work.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

export interface ActivationTime {
  requireMs: number;
  activateMs: number;
  /** CPU time of the same steps: wall time swells on a busy machine, this much less. */
  requireCpuMs: number;
  activateCpuMs: number;
  bundleBytes: number;
  bundleHasElk: boolean;
  bundleHasYaml: boolean;
}

/** Runs in the child process: plain CommonJS, no dependencies. */
const CHILD = String.raw`'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const bundle = process.argv[1];
const text = fs.readFileSync(bundle, 'utf8');
const keys = [...new Set([...text.matchAll(/\bvscode\d*\.([A-Za-z]\w*)/g)].map((m) => m[1]))];
// A value that answers every read, call and new with another such value, iterates as empty, accepts assignments;
// it lists the vscode names the bundle uses as its own (esbuild's ESM interop copies own properties).
function standIn(own) {
  const target = function () {};
  return new Proxy(target, {
    ownKeys: () => [...(own || []), 'prototype'],
    getOwnPropertyDescriptor: (t, key) => key === 'prototype' ? Reflect.getOwnPropertyDescriptor(target, key) : { configurable: true, enumerable: true, value: standIn() },
    get(t, key) {
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === 'then') return undefined;
      if (key === 'length') return 0;
      if (key === 'get') return () => undefined; // configuration values: the defaults
      return standIn();
    },
    set: () => true,
    apply: () => standIn(),
    construct: () => standIn(),
  });
}
const vscode = standIn(keys);
const load = Module._load;
Module._load = (request, parent, isMain) => (request === 'vscode' ? vscode : load(request, parent, isMain));
const cpuMs = (since) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1000; };
let started = performance.now();
let cpu = process.cpuUsage();
const extension = require(bundle);
const requireMs = performance.now() - started;
const requireCpuMs = cpuMs(cpu);
const subscriptions = [];
started = performance.now();
cpu = process.cpuUsage();
extension.activate({ subscriptions, extensionPath: require('node:path').resolve(bundle, '..', '..'), extensionUri: standIn() });
const activateMs = performance.now() - started;
const activateCpuMs = cpuMs(cpu);
process.stdout.write(JSON.stringify({ requireMs, activateMs, requireCpuMs, activateCpuMs }));
for (const s of subscriptions) { try { s.dispose && s.dispose(); } catch {} }
process.exit(0);
`;

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function activationTime(bundle: string): ActivationTime {
  const text = fs.readFileSync(bundle, 'utf8');
  const runs: Omit<ActivationTime, 'bundleBytes' | 'bundleHasElk' | 'bundleHasYaml'>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const out = execFileSync(process.execPath, ['-e', CHILD, bundle], { env, encoding: 'utf8', timeout: 60_000 });
    runs.push(JSON.parse(out) as (typeof runs)[number]);
  }
  return {
    requireMs: median(runs.map((r) => r.requireMs)),
    activateMs: median(runs.map((r) => r.activateMs)),
    requireCpuMs: median(runs.map((r) => r.requireCpuMs)),
    activateCpuMs: median(runs.map((r) => r.activateCpuMs)),
    bundleBytes: Buffer.byteLength(text),
    bundleHasElk: /elk\.bundled|ElkLayered|org\.eclipse\.elk/.test(text),
    bundleHasYaml: /parseDocument|YAMLParseError/.test(text),
  };
}
