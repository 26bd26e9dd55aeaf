// Reading and analysing one file for a command; unreadable files are reported, never thrown past the CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../core/analyze';
import type { DeepPartial, Settings } from '../core/settings';
import { includeReader, MAX_FILE_BYTES } from './files';

export class UnreadableFile extends Error {}

export function readText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UnreadableFile(`${file}: no such file`);
  }
  if (!stat.isFile()) throw new UnreadableFile(`${file}: not a file`);
  if (stat.size > MAX_FILE_BYTES) throw new UnreadableFile(`${file}: larger than ${MAX_FILE_BYTES} bytes, not read`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UnreadableFile(`${file}: ${(error as Error).message}`);
  }
}

/** The file's text, or undefined after telling the user on stderr why it cannot be read (exit code 2 territory). */
export function readOrReport(file: string, stderr: (text: string) => void): string | undefined {
  try {
    return readText(file);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    stderr(`pipeline-lens: cannot read ${error.message}\n`);
    return undefined;
  }
}

export function analyzeFile(file: string, text: string, settings?: DeepPartial<Settings>): Analysis {
  return analyze(text, { path: file.split(path.sep).join('/'), settings, readFile: includeReader(file) });
}

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  return shown.split(path.sep).join('/');
}
