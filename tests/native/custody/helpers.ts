/** Shared set-up for the custody tests: a real database in a fresh temp dir and a fixed clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../native/core/context';
import { openDatabase, type Db } from '../../../native/storage/db';
import { CustodyLog } from '../../../native/custody/custody-log';
import type { AppendInput } from '../../../native/custody/types';

/** A clock that starts at `start` and moves `stepMs` forward on every reading. */
export function steppingClock(
  start = '2025-03-01T08:00:00.000Z',
  stepMs = 1000,
): Clock & { set(iso: string): void } {
  let t = Date.parse(start);
  return {
    now: () => {
      const d = new Date(t);
      t += stepMs;
      return d;
    },
    set: (iso: string) => {
      t = Date.parse(iso);
    },
  };
}

export interface TestLog {
  dir: string;
  dbPath: string;
  db: Db;
  log: CustodyLog;
  clock: ReturnType<typeof steppingClock>;
  cleanup(): void;
}

/** A fresh workstation database with an empty custody log. */
export function freshLog(): TestLog {
  const dir = mkdtempSync(join(tmpdir(), 'custody-test-'));
  const dbPath = join(dir, 'workstation.db');
  const db = openDatabase(dbPath, { create: true });
  const clock = steppingClock();
  return {
    dir,
    dbPath,
    db,
    log: new CustodyLog(db, clock),
    clock,
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A varied entry for position i. */
export function sampleInput(i: number): AppendInput {
  return {
    actor: ['admin', 'clerk01', 'officer7'][i % 3]!,
    action: ['user.add', 'evidence.ingest', 'auth.login'][i % 3]!,
    subjects: [`user:${i}`],
    hashes: i % 2 ? { sha256: i.toString(16).padStart(64, '0') } : {},
    details: { n: i, note: `第${i}条 "quoted" \\ line\nbreak`, nested: { b: [1, null, true], a: 'x' } },
  };
}

/** Appends n sample entries, each in its own transaction. */
export function fill(log: CustodyLog, n: number): void {
  for (let i = 0; i < n; i++) log.append(sampleInput(i));
}
