// Surgical YAML edits for quick fixes: style detection, snippet rendering, insertion points, applying edits.
export * from './style';
export * from './render';
export * from './locate';
export * from './insert';
export * from './apply';
export * from './comments';
export * from './json';
