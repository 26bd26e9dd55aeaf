// The e2e harness: see README.md in this folder for how to write a test with it.
export * from './browser';
export * from './cleanup';
export * from './codeServer';
export * from './graphView';
export * from './manifest';
export * from './paths';
export * from './session';
export * from './workbench';
export * from './workspace';
export * from './zip';
