/**
 * The custody tree as stored in `merkle_nodes(level, idx, hash)`: the root of every perfect
 * subtree, level 0 being the leaves (node (L, i) covers leaves [i·2^L, (i+1)·2^L)). Any range
 * the RFC 6962 recursion asks for splits into O(log n) such subtrees, so roots and proofs cost
 * O(log n) point reads however large the log grows.
 */
import type Database from 'better-sqlite3';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import { EMPTY_ROOT, consistencyPath, inclusionPath, isPowerOfTwo, nodeHash, splitPoint } from './merkle';

interface Statements {
  get: Database.Statement<[number, number], Buffer>;
  put: Database.Statement<[number, number, Buffer]>;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      get: db
        .prepare<[number, number], Buffer>('SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?')
        .pluck(),
      put: db.prepare<[number, number, Buffer]>(
        'INSERT INTO merkle_nodes(level, idx, hash) VALUES (?, ?, ?)',
      ),
    };
    cache.set(db, s);
  }
  return s;
}

/** Reads the stored root of perfect subtree (level, idx); a missing node means a damaged tree. */
export function nodeAt(db: Db, level: number, idx: number): Buffer {
  const hash = statements(db).get.get(level, idx);
  if (!hash) {
    throw new EngineError(
      'DATABASE_CORRUPT',
      `The custody tree has no stored node at level ${level}, index ${idx}.`,
      {
        hint: 'Run `workstation verify` to find what was removed or damaged.',
      },
    );
  }
  return hash;
}

/**
 * Stores leaf `index` and every perfect subtree it completes (one per trailing 1-bit of the
 * index). Call inside the transaction that inserts the custody row, so both commit together.
 */
export function appendLeaf(db: Db, index: number, leafHash: Buffer): void {
  const { put } = statements(db);
  let hash = leafHash;
  let level = 0;
  let idx = index;
  put.run(level, idx, hash);
  while (idx % 2 === 1) {
    hash = nodeHash(nodeAt(db, level, idx - 1), hash);
    idx = (idx - 1) / 2;
    level++;
    put.run(level, idx, hash);
  }
}

/** MTH(D[a:b]) from stored perfect subtrees (reads one node per perfect piece). */
export function rangeHash(db: Db, a: number, b: number): Buffer {
  const n = b - a;
  if (n === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n) && a % n === 0) return nodeAt(db, Math.log2(n), a / n);
  const k = splitPoint(n);
  return nodeHash(rangeHash(db, a, a + k), rangeHash(db, a + k, b));
}

/** Root of the tree made of the first `size` leaves. */
export function rootAt(db: Db, size: number): Buffer {
  return size === 0 ? EMPTY_ROOT : rangeHash(db, 0, size);
}

/** Inclusion proof of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProofAt(db: Db, index: number, size: number): Buffer[] {
  return inclusionPath(index, size, (a, b) => rangeHash(db, a, b));
}

/** Consistency proof between the trees of the first `m` and the first `n` leaves. */
export function consistencyProofAt(db: Db, m: number, n: number): Buffer[] {
  return consistencyPath(m, n, (a, b) => rangeHash(db, a, b));
}
