// Debian chromium driven by playwright-core (no browser download): headless, fresh profile, no network chatter.
import * as fs from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { chromiumPath } from './paths';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`No chromium at ${chromiumPath}. Run: node scripts/install-editor-host.mjs (apt-get install chromium)`);
  }
  // launch() gives every browser a new, empty, temporary profile and deletes it on close.
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}
