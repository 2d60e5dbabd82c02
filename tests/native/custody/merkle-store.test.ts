import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Db } from '../../../native/storage/db';
import { consistencyProof, inclusionProof, leafHash, rootOf } from '../../../native/custody/merkle';
import {
  appendLeaf,
  consistencyProofAt,
  inclusionProofAt,
  rootAt,
} from '../../../native/custody/merkle-store';
import { EngineError } from '../../../native/core/errors';

let dir: string;
let db: Db;
let reads = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'merkle-store-'));
  db = openDatabase(join(dir, 'w.db'), { create: true });
  // Count the store's node reads (instrumentation only; the statements still run on SQLite).
  const prepare = db.prepare.bind(db);
  (db as unknown as { prepare: typeof prepare }).prepare = ((sql: string) => {
    const st = prepare(sql);
    if (sql.startsWith('SELECT hash FROM merkle_nodes')) {
      const get = st.get.bind(st);
      st.get = ((...args: unknown[]) => {
        reads++;
        return get(...(args as []));
      }) as typeof st.get;
    }
    return st;
  }) as typeof prepare;
  reads = 0;
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const hex = (bs: Buffer[]) => bs.map((b) => b.toString('hex'));

describe('stored tree', () => {
  it('matches the in-memory tree for every size 1..70 and every index', () => {
    const leaves = Array.from({ length: 70 }, () => leafHash(randomBytes(16)));
    const tx = db.transaction(() => leaves.forEach((l, i) => appendLeaf(db, i, l)));
    tx();
    for (let n = 1; n <= 70; n++) {
      const prefix = leaves.slice(0, n);
      expect(rootAt(db, n).equals(rootOf(prefix)), `root ${n}`).toBe(true);
      for (let i = 0; i < n; i++)
        expect(hex(inclusionProofAt(db, i, n)), `inclusion ${i}/${n}`).toEqual(
          hex(inclusionProof(i, prefix)),
        );
      for (let m = 1; m <= n; m++) {
        expect(hex(consistencyProofAt(db, m, n)), `consistency ${m}→${n}`).toEqual(
          hex(consistencyProof(m, prefix)),
        );
      }
    }
    expect(rootAt(db, 0).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('stores exactly the perfect subtrees (2n − popcount(n) nodes)', () => {
    const n = 45;
    db.transaction(() => {
      for (let i = 0; i < n; i++) appendLeaf(db, i, leafHash(Buffer.from([i])));
    })();
    const count = db.prepare('SELECT count(*) FROM merkle_nodes').pluck().get() as number;
    expect(count).toBe(2 * n - n.toString(2).split('1').length + 1);
    const top = db.prepare('SELECT level, idx FROM merkle_nodes ORDER BY level DESC LIMIT 1').get();
    expect(top).toEqual({ level: 5, idx: 0 });
  });

  it('answers roots and proofs in O(log n) node reads', () => {
    const n = 1000;
    db.transaction(() => {
      for (let i = 0; i < n; i++) appendLeaf(db, i, leafHash(Buffer.from(String(i))));
    })();
    const log2 = Math.ceil(Math.log2(n));
    for (const [what, run] of [
      ['root', () => rootAt(db, 999)],
      ['inclusion', () => inclusionProofAt(db, 517, 999)],
      ['inclusion last', () => inclusionProofAt(db, 998, 999)],
      ['consistency', () => consistencyProofAt(db, 377, 999)],
    ] as const) {
      reads = 0;
      run();
      expect(reads, what).toBeGreaterThan(0);
      expect(reads, what).toBeLessThanOrEqual(3 * log2);
    }
  });

  it('refuses a leaf stored twice and reports a missing node as a damaged tree', () => {
    db.transaction(() => {
      for (let i = 0; i < 4; i++) appendLeaf(db, i, leafHash(Buffer.from([i])));
    })();
    expect(() => appendLeaf(db, 3, leafHash(Buffer.from([3])))).toThrow();
    db.prepare('DELETE FROM merkle_nodes WHERE level = 2').run();
    let err: unknown;
    try {
      rootAt(db, 4);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('DATABASE_CORRUPT');
    expect((err as EngineError).message).toContain('level 2, index 0');
  });
});
