/**
 * Streaming check of the custody log for `verifyWorkstation`: recomputes every leaf from the
 * entry bytes, checks seq continuity and the prev chain, rebuilds the tree from the recomputed
 * leaves (the stored merkle_nodes are compared, never trusted) and captures the roots at the
 * sizes checkpoints claim. Reads in pages and yields between them so the host stays responsive.
 */
import type { VerifyProblem } from '../api/types';
import type { Db } from '../storage/db';
import { EMPTY_ROOT, leafHash, nodeHash } from './merkle';
import { entryPages, storedNodes } from './verify-pages';

/** Collects problems (the list is capped; the rest are counted). */
export interface ProblemSink {
  add(p: VerifyProblem): void;
}

export interface EntryScan {
  /** Rows read. */
  entries: number;
  /** Leaves in the rebuilt tree (equals entries). */
  size: number;
  /** Root of the rebuilt tree. */
  root: Buffer;
  /** Roots of the rebuilt tree at the requested sizes. */
  rootsAt: Map<number, Buffer>;
}

// About 40 ms of work per page on this machine: short enough that a server stays responsive.
const PAGE = 4096;
const short = (hex: string) => (hex ? hex.slice(0, 16) + '…' : "''");

interface StoredLevel {
  base: number;
  hashes: (Buffer | undefined)[];
}

/** Fold of the compact stack of perfect subtrees into the root. */
function foldRoot(stack: Buffer[]): Buffer {
  if (stack.length === 0) return EMPTY_ROOT;
  let r = stack[stack.length - 1]!;
  for (let i = stack.length - 2; i >= 0; i--) r = nodeHash(stack[i]!, r);
  return r;
}

/** Scans every custody row; `tick` reports progress, yields and throws when cancelled. */
export async function scanEntries(
  db: Db,
  wantRootsAt: ReadonlySet<number>,
  problems: ProblemSink,
  tick: (done: number, total: number) => Promise<void>,
): Promise<EntryScan> {
  const stats = db.prepare('SELECT count(*), min(seq), max(seq) FROM custody_log').raw().get() as [
    number,
    number | null,
    number | null,
  ];
  const [total, lo, hi] = stats;
  const readPage = entryPages(db);
  const readNodes = storedNodes(db);

  const stack: Buffer[] = [];
  const stackOk: boolean[] = [];
  const rootsAt = new Map<number, Buffer>();
  if (wantRootsAt.has(0)) rootsAt.set(0, EMPTY_ROOT);
  let leaves = 0;
  let expected = 0;
  let prevHex = '';
  let from = lo ?? 0;
  let done = 0;

  // Compares a rebuilt node with the stored one; reports a difference only where it starts
  // (both children matched), so one altered leaf is named once, not once per ancestor.
  const checkStored = (
    stored: StoredLevel[],
    level: number,
    idx: number,
    hash: Buffer,
    childrenOk: boolean,
  ): boolean => {
    const lv = stored[level];
    const s = lv?.hashes[idx - lv.base];
    if (s?.equals(hash)) return true;
    const first = idx * 2 ** level;
    const span = level === 0 ? `entry ${first}` : `entries ${first}–${first + 2 ** level - 1}`;
    if (!s) {
      problems.add({
        kind: 'tree',
        seq: first,
        message: `The stored custody tree has no node for ${span} (level ${level}).`,
      });
      return false;
    }
    if (level === 0) {
      problems.add({
        kind: 'tree',
        seq: first,
        message: `Entry ${first} does not match the stored tree: the tree leaf differs from the hash of the entry's bytes (the entry or the tree was altered).`,
      });
    } else if (childrenOk) {
      problems.add({
        kind: 'tree',
        seq: first,
        message: `The stored tree node for ${span} (level ${level}) was altered.`,
      });
    }
    return false;
  };

  while (hi !== null && from <= hi) {
    const page = readPage(from, hi, PAGE);
    const count = page.seqs.length;
    if (count === 0) break;
    // Stored nodes completed by this page: level L, idx in [a >> L, b >> L).
    const a = leaves;
    const b = leaves + count;
    const stored: StoredLevel[] = [];
    for (let level = 0; Math.floor(b / 2 ** level) > Math.floor(a / 2 ** level); level++) {
      const base = Math.floor(a / 2 ** level);
      stored[level] = { base, hashes: readNodes(level, base, Math.floor(b / 2 ** level)) };
    }

    for (let r = 0; r < count; r++) {
      const seq = page.seqs[r]!;
      const entry = page.entries[r]!;
      const storedLeaf = page.leaves[r]!;
      const [time, actor, action] = page.cols[r]!;
      const inSequence = seq === expected;
      if (!inSequence) {
        problems.add(
          seq > expected
            ? {
                kind: 'chain',
                seq: expected,
                message: `Entries ${expected}–${seq - 1} are missing from the custody log.`,
              }
            : { kind: 'entry', seq, message: `Entry ${seq} is out of sequence (expected ${expected}).` },
        );
      }
      const leaf = leafHash(entry);
      const leafHex = leaf.toString('hex');
      if (!leaf.equals(storedLeaf)) {
        problems.add({
          kind: 'entry',
          seq,
          message: `Entry ${seq} was altered: its bytes hash to ${short(leafHex)}, not to the recorded leaf hash ${short(storedLeaf.toString('hex'))}.`,
        });
      }
      let e:
        | { v?: unknown; seq?: unknown; prev?: unknown; time?: unknown; actor?: unknown; action?: unknown }
        | undefined;
      try {
        e = JSON.parse(entry.toString('utf8')) as typeof e;
      } catch {
        problems.add({ kind: 'entry', seq, message: `Entry ${seq} is not valid JSON: it was altered.` });
      }
      if (e && typeof e === 'object') {
        if (e.v !== 1 || e.seq !== seq) {
          problems.add({
            kind: 'entry',
            seq,
            message: `Entry ${seq} records seq ${String(e.seq)} (format v${String(e.v)}): it was altered or moved.`,
          });
        }
        if (e.prev !== prevHex && inSequence) {
          // A broken link names the earlier entry: rewriting an entry (and its stored hashes)
          // breaks the link in the next one, and that earlier entry is what was changed.
          problems.add(
            seq === 0
              ? {
                  kind: 'chain',
                  seq,
                  message: `Entry 0 records a prev (${short(String(e.prev))}) but the first entry has none: it was altered.`,
                }
              : {
                  kind: 'chain',
                  seq: seq - 1,
                  message: `Entry ${seq - 1} was altered (or the link stored in entry ${seq}): entry ${seq} records prev ${short(String(e.prev))}, but entry ${seq - 1} hashes to ${short(prevHex)}.`,
                },
          );
        }
        if (e.time !== time || e.actor !== actor || e.action !== action) {
          problems.add({
            kind: 'index',
            seq,
            message: `Entry ${seq}: the time/actor/action columns differ from the entry itself (the row was altered).`,
          });
        }
      } else if (e !== undefined) {
        problems.add({ kind: 'entry', seq, message: `Entry ${seq} is not a JSON object: it was altered.` });
      }

      // Append the recomputed leaf to the compact tree, checking each completed subtree.
      let hash = leaf;
      let ok = checkStored(stored, 0, leaves, leaf, true);
      let level = 0;
      let idx = leaves;
      while (idx % 2 === 1) {
        const leftOk = stackOk.pop()!;
        hash = nodeHash(stack.pop()!, hash);
        idx = (idx - 1) / 2;
        level++;
        ok = checkStored(stored, level, idx, hash, leftOk && ok);
      }
      stack.push(hash);
      stackOk.push(ok);
      leaves++;
      if (wantRootsAt.has(leaves)) rootsAt.set(leaves, foldRoot(stack));
      prevHex = leafHex;
      expected = seq + 1;
      from = seq + 1;
    }
    done += count;
    await tick(done, total);
  }
  return { entries: done, size: leaves, root: foldRoot(stack), rootsAt };
}
