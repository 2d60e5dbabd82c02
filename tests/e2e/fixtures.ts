import { test as base, type Page, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface Workstation {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

/**
 * Starts `workstation serve` (the built CLI) on a fresh data directory and waits for the line
 * it prints with its URL — an event, not a sleep.
 */
export async function startWorkstation(dataDir: string): Promise<Workstation> {
  const child = spawn(process.execPath, ['bin/workstation.mjs', 'serve', '--data', dataDir, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch (err) {
        reject(new Error(`unexpected serve output: ${line} (${String(err)})`));
      }
    });
    child.once('exit', (code) => reject(new Error(`workstation serve exited with ${code}`)));
  });
  return { url, dataDir, process: child };
}

/** Saves a full-page screenshot as a test artifact (attached to the report and kept on disk). */
export async function screenshot(page: Page, info: TestInfo, name: string): Promise<void> {
  const dir = join('test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}

export const test = base.extend<{ workstation: Workstation }>({
  // Playwright requires the destructuring pattern even when no fixture is used.
  // eslint-disable-next-line no-empty-pattern
  workstation: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ews-e2e-'));
    const ws = await startWorkstation(dataDir);
    await use(ws);
    ws.process.kill('SIGTERM');
    await new Promise((r) => ws.process.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
