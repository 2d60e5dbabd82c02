/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, proofs and proof verification. Pure functions over
 * leaf-hash arrays; the stored tree (merkle-store.ts) reuses `inclusionPath` and
 * `consistencyPath` with its own range hasher, so both produce identical proofs.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** Root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** Hash of the subtree covering leaves [a, b) (MTH(D[a:b])). */
export type RangeHasher = (a: number, b: number) => Buffer;

// One-shot hashing over a reused scratch buffer is about twice as fast as a Hash object per
// call, which matters when verify recomputes two million hashes. Older runtimes lack
// crypto.hash; they take the Hash-object path.
const fast = typeof oneShotHash === 'function';
const scratch = Buffer.alloc(64 * 1024);

/** Leaf hash: SHA-256(0x00 ‖ bytes). */
export function leafHash(bytes: Uint8Array): Buffer {
  if (fast && bytes.length < scratch.length) {
    scratch[0] = 0x00;
    scratch.set(bytes, 1);
    return oneShotHash('sha256', scratch.subarray(0, bytes.length + 1), 'buffer');
  }
  return createHash('sha256').update(LEAF_PREFIX).update(bytes).digest();
}

/** Interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (fast && left.length === 32 && right.length === 32) {
    scratch[0] = 0x01;
    scratch.set(left, 1);
    scratch.set(right, 33);
    return oneShotHash('sha256', scratch.subarray(0, 65), 'buffer');
  }
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** Largest power of two strictly less than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** True when n is a power of two (n ≥ 1). */
export function isPowerOfTwo(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

function isSize(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** MTH over an in-memory array of leaf hashes. */
function arrayHasher(leaves: readonly Buffer[]): RangeHasher {
  const mth: RangeHasher = (a, b) => {
    const n = b - a;
    if (n === 0) return EMPTY_ROOT;
    if (n === 1) return leaves[a]!;
    const k = splitPoint(n);
    return nodeHash(mth(a, a + k), mth(a + k, b));
  };
  return mth;
}

/** Merkle Tree Hash (RFC 6962 §2.1) of the given leaf hashes. */
export function rootOf(leafHashes: readonly Buffer[]): Buffer {
  return arrayHasher(leafHashes)(0, leafHashes.length);
}

/**
 * Audit path PATH(index, D[0:size]) (RFC 6962 §2.1.1), deepest sibling first, computed with
 * `hashRange` for every sibling subtree.
 */
export function inclusionPath(index: number, size: number, hashRange: RangeHasher): Buffer[] {
  if (!isSize(size) || !isSize(index) || index >= size) {
    throw new RangeError(`inclusion proof: index ${index} is not inside a tree of size ${size}`);
  }
  const out: Buffer[] = [];
  const walk = (a: number, b: number): void => {
    const n = b - a;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (index - a < k) {
      walk(a, a + k);
      out.push(hashRange(a + k, b));
    } else {
      walk(a + k, b);
      out.push(hashRange(a, a + k));
    }
  };
  walk(0, size);
  return out;
}

/**
 * Consistency proof PROOF(m, D[0:n]) (RFC 6962 §2.1.2) computed with `hashRange`. Empty when
 * m is 0 or m equals n.
 */
export function consistencyPath(m: number, n: number, hashRange: RangeHasher): Buffer[] {
  if (!isSize(m) || !isSize(n) || m > n) {
    throw new RangeError(`consistency proof: sizes ${m} → ${n} are not an older and a newer tree size`);
  }
  const out: Buffer[] = [];
  if (m === 0 || m === n) return out;
  const sub = (count: number, a: number, b: number, complete: boolean): void => {
    const size = b - a;
    if (count === size) {
      if (!complete) out.push(hashRange(a, b));
      return;
    }
    const k = splitPoint(size);
    if (count <= k) {
      sub(count, a, a + k, complete);
      out.push(hashRange(a + k, b));
    } else {
      sub(count - k, a + k, b, false);
      out.push(hashRange(a, a + k));
    }
  };
  sub(m, 0, n, true);
  return out;
}

/** Inclusion proof for leaf `index` in the tree made of all of `leafHashes`. */
export function inclusionProof(index: number, leafHashes: readonly Buffer[]): Buffer[] {
  return inclusionPath(index, leafHashes.length, arrayHasher(leafHashes));
}

/** Consistency proof from the first `m` leaves to all of `leafHashes`. */
export function consistencyProof(m: number, leafHashes: readonly Buffer[]): Buffer[] {
  return consistencyPath(m, leafHashes.length, arrayHasher(leafHashes));
}

function is32(b: Uint8Array | undefined): b is Uint8Array {
  return b instanceof Uint8Array && b.length === 32;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

/** Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isSize(index) || !isSize(size) || index >= size) return false;
  if (!is32(leaf) || !is32(root) || !proof.every(is32)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Uint8Array = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && same(r, root);
}

/**
 * Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2. Equal sizes need an
 * empty proof and equal roots; size 0 needs an empty proof (and root1 the empty-tree hash).
 */
export function verifyConsistency(
  m: number,
  n: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isSize(m) || !isSize(n) || m > n) return false;
  if (!is32(root1) || !is32(root2) || !proof.every(is32)) return false;
  if (m === n) return proof.length === 0 && same(root1, root2);
  if (m === 0) return proof.length === 0 && same(root1, EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path: Uint8Array[] = isPowerOfTwo(m) ? [root1, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Uint8Array = path[0]!;
  let sr: Uint8Array = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && same(fr, root1) && same(sr, root2);
}
