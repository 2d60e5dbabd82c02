import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source (tsx), as a separate process, exactly as a user would. */
export function cli(
  args: string[],
  env: Record<string, string> = {},
  opts: { user?: string } = {},
): CliResult {
  const node = [process.execPath, '--import', 'tsx', 'native/cli/main.ts', ...args];
  const [cmd, ...rest] = opts.user ? ['runuser', '-u', opts.user, '--', ...node] : node;
  const r = spawnSync(cmd!, rest, {
    encoding: 'utf8',
    env: {
      ...process.env,
      WORKSTATION_PASSWORD: '',
      WORKSTATION_NEW_PASSWORD: '',
      EVIDENCE_DATA: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp directory for one test (removed with the run's temp root, tests/helpers/temp-root.ts). */
export function tempDir(prefix = 'ews-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A temp directory removed as soon as the calling test finishes: for the hundreds of megabytes a
 * large-file test writes, so a run's peak disk use stays low. Call it inside a test.
 */
export function scratchDir(prefix = 'ews-scratch-'): string {
  const dir = tempDir(prefix);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const adminPassword = 'admin-pass-2026';

/** `workstation init` on a fresh data directory; returns it. */
export function initWorkstation(dataDir = join(tempDir(), 'data')): string {
  const r = cli(
    [
      'init',
      '--data',
      dataDir,
      '--agency',
      '示范市综合行政执法局',
      '--admin',
      'admin',
      '--credit-code',
      '11110000MB0000000X',
      '--address',
      '人民路1号',
      '--phone',
      '010-12345678',
    ],
    { WORKSTATION_PASSWORD: adminPassword },
  );
  if (r.status !== 0) throw new Error(`init failed: ${r.stderr}`);
  return dataDir;
}

export const clerkCliPassword = 'clerk-pass-2026';

/** Adds evidence clerk `clerk1` (password clerkCliPassword) through the CLI, as the administrator. */
export function addClerk(dataDir: string, name = '李证据'): void {
  const r = cli(
    [
      'user',
      'add',
      '--data',
      dataDir,
      '--as',
      'admin',
      '--login',
      'clerk1',
      '--name',
      name,
      '--role',
      'clerk',
    ],
    {
      WORKSTATION_PASSWORD: adminPassword,
      WORKSTATION_NEW_PASSWORD: clerkCliPassword,
    },
  );
  if (r.status !== 0) throw new Error(`user add failed: ${r.stderr}`);
}
