import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../../native/storage/db';
import { CustodyLog } from '../../../native/custody/custody-log';
import { generateNoteKey } from '../../../native/custody/signed-note';
import { verifyWorkstation } from '../../../native/custody/verify';
import { systemClock } from '../../../native/core/context';

const fixture = fileURLToPath(new URL('./fixtures/append-many.ts', import.meta.url));
const TOTAL = 10_000;
const KILL_AFTER = 2_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'custody-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the appender and SIGKILLs it once it has printed KILL_AFTER committed seqs. */
function appendUntilKilled(
  dbPath: string,
): Promise<{ printed: number[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, dbPath, String(TOTAL)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!child.killed && out.split('\n').length > KILL_AFTER) child.kill('SIGKILL');
    });
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      const printed = out
        .split('\n')
        .filter((l) => l !== '')
        .map(Number);
      resolve({ printed, signal, stderr });
    });
  });
}

describe('crash safety', () => {
  it('a log whose writer was SIGKILLed while appending verifies and holds every committed entry', async () => {
    const dbPath = join(dir, 'workstation.db');
    const { printed, signal, stderr } = await appendUntilKilled(dbPath);
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(printed.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(printed.length).toBeLessThan(TOTAL);
    expect(printed).toEqual(printed.map((_, i) => i));

    const db = openDatabase(dbPath);
    try {
      const log = new CustodyLog(db, systemClock);
      expect(log.size()).toBeGreaterThanOrEqual(printed.length);
      for (const seq of printed) expect(log.get(seq), `seq ${seq}`).toBeDefined();
      const report = await verifyWorkstation({
        db,
        originalsDir: join(dir, 'originals'),
        vkey: generateNoteKey('crash').vkey,
      });
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.entries).toBe(log.size());
      // And the log takes further entries after the crash.
      expect(log.append({ actor: 'system', action: 'system.start' }).seq).toBe(report.entries);
    } finally {
      db.close();
    }
  });
});
