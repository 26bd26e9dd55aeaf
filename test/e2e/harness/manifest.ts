// What the extension's manifest promises a user, read from package.json (so tests follow the manifest's owner).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

interface ManifestCommand { command: string; title: string; category?: string }

export function manifest(): { name: string; publisher: string; version: string; contributes?: { commands?: ManifestCommand[] } } {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
}

/** Palette titles ("Category: Title") of the contributed commands. */
export function manifestCommandTitles(): string[] {
  return (manifest().contributes?.commands ?? []).map((entry) => (entry.category ? `${entry.category}: ${entry.title}` : entry.title));
}
