/**
 * `workstation verify`: recomputes the custody chain and tree from the entry bytes, checks every
 * checkpoint's signature and its consistency with the rebuilt tree, and re-hashes every stored
 * original. Works in pages, yielding between them (progress can be polled; `signal` cancels).
 */
import type { JobProgress, VerifyProblem, VerifyReport } from '../api/types';
import { systemClock, type Clock } from '../core/context';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import { EMPTY_ROOT, verifyConsistency } from './merkle';
import { consistencyProofAt } from './merkle-store';
import { parseCheckpoint, parseVkey, verifyNote } from './signed-note';
import { scanEntries, type ProblemSink } from './verify-log';
import { verifyObjects } from './verify-objects';

export interface VerifyOptions {
  db: Db;
  originalsDir: string;
  /** Verifier key of the workstation's checkpoint signing key. */
  vkey: string;
  onProgress?(p: JobProgress): void;
  signal?: AbortSignal;
  /** For the report's timestamps (default: system clock). */
  clock?: Clock;
}

/** At most this many problems are listed; the rest are summarised in one final line. */
const MAX_PROBLEMS = 1000;

interface CheckpointRow {
  id: number;
  size: number;
  root: Buffer;
  note: string;
}

function sink(): ProblemSink & { list: VerifyProblem[]; finish(): VerifyProblem[] } {
  const list: VerifyProblem[] = [];
  let dropped = 0;
  return {
    list,
    add(p) {
      if (list.length < MAX_PROBLEMS) list.push(p);
      else dropped++;
    },
    finish() {
      if (dropped > 0)
        list.push({ kind: 'index', message: `${dropped} further problems were found and not listed.` });
      return list;
    },
  };
}

/** The entry with the lowest seq if any problem names one; else the first problem found. */
function pickFirst(problems: VerifyProblem[]): VerifyProblem | undefined {
  let best: VerifyProblem | undefined;
  for (const p of problems)
    if (p.seq !== undefined && (best?.seq === undefined || p.seq < best.seq)) best = p;
  return best ?? problems[0];
}

/** True when the stored tree yields a valid consistency proof between the two signed/rebuilt roots. */
function storedTreeProves(db: Db, m: number, root1: Buffer, n: number, root2: Buffer): boolean {
  try {
    return verifyConsistency(m, n, root1, root2, consistencyProofAt(db, m, n));
  } catch {
    return false; // a missing node: the stored tree cannot prove anything
  }
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Verifies the whole workstation; never modifies anything. Throws CANCELLED when aborted. */
export async function verifyWorkstation(opts: VerifyOptions): Promise<VerifyReport> {
  const { db, signal } = opts;
  const clock = opts.clock ?? systemClock;
  const startedAt = clock.now().toISOString();
  parseVkey(opts.vkey); // a malformed key is the caller's error, not a finding
  const problems = sink();
  const report = (phase: string, done: number, total: number) => opts.onProgress?.({ phase, done, total });
  const checkCancel = () => {
    if (signal?.aborted)
      throw new EngineError('CANCELLED', 'Verification was cancelled; nothing was changed.');
  };
  checkCancel();
  const pause = async () => {
    await yieldNow();
    checkCancel();
  };

  // 1. Checkpoints: signature first; the signed (size, root) is what the tree must reproduce.
  const cps = db.prepare('SELECT id, size, root, note FROM checkpoints ORDER BY id').all() as CheckpointRow[];
  const claims: { id: number; size: number; root: Buffer }[] = [];
  let lastSize = 0;
  for (const [i, cp] of cps.entries()) {
    if (i % 200 === 199) await pause(); // years of checkpoints: stay responsive
    const sig = verifyNote(cp.note, opts.vkey);
    if (!sig.ok) {
      problems.add({
        kind: 'checkpoint',
        message: `Checkpoint ${cp.id} (size ${cp.size}) has no valid signature by the workstation key: ${sig.reason}.`,
      });
      continue;
    }
    let claim;
    try {
      claim = parseCheckpoint(cp.note);
    } catch (err) {
      problems.add({
        kind: 'checkpoint',
        message: `Checkpoint ${cp.id} is not a valid checkpoint note: ${(err as Error).message}`,
      });
      continue;
    }
    if (claim.size !== cp.size || !claim.root.equals(cp.root)) {
      problems.add({
        kind: 'checkpoint',
        message: `Checkpoint ${cp.id}: its size/root columns differ from the signed note (the row was altered).`,
      });
    }
    if (claim.size < lastSize) {
      problems.add({
        kind: 'checkpoint',
        message: `Checkpoint ${cp.id} covers ${claim.size} entries, fewer than the checkpoint before it (${lastSize}).`,
      });
    }
    lastSize = Math.max(lastSize, claim.size);
    claims.push({ id: cp.id, size: claim.size, root: claim.root });
  }

  // 2. Entries, chain and tree.
  report('entries', 0, 0);
  const scan = await scanEntries(db, new Set(claims.map((c) => c.size)), problems, async (done, total) => {
    report('entries', done, total);
    await pause();
  });

  // 3. Each checkpoint against the rebuilt tree, and the stored tree's consistency proof to now.
  report('checkpoints', 0, claims.length);
  for (const [i, c] of claims.entries()) {
    if (i % 200 === 199) await pause();
    if (c.size > scan.size) {
      problems.add({
        kind: 'checkpoint',
        message: `Checkpoint ${c.id} was signed over ${c.size} entries but the log now has ${scan.size}: entries were removed.`,
      });
      continue;
    }
    const rebuilt = c.size === 0 ? EMPTY_ROOT : scan.rootsAt.get(c.size);
    if (!rebuilt?.equals(c.root)) {
      problems.add({
        kind: 'checkpoint',
        message: `Checkpoint ${c.id} does not match the log: the first ${c.size} entries no longer produce its signed root ${c.root.toString('hex').slice(0, 16)} (an entry below ${c.size} was altered).`,
      });
      continue;
    }
    if (!storedTreeProves(db, c.size, c.root, scan.size, scan.root)) {
      problems.add({
        kind: 'tree',
        message: `The stored tree cannot prove checkpoint ${c.id} (size ${c.size}) consistent with the current log: merkle_nodes were altered.`,
      });
    }
    report('checkpoints', i + 1, claims.length);
  }
  checkCancel();

  // 4. Originals.
  const objects = await verifyObjects(
    db,
    opts.originalsDir,
    problems,
    (done, total) => report('objects', done, total),
    signal,
  );

  const list = problems.finish();
  const first = pickFirst(list);
  return {
    ok: list.length === 0,
    entries: scan.entries,
    checkpoints: cps.length,
    objects,
    rootHex: scan.root.toString('hex'),
    problems: list,
    ...(first ? { firstProblem: first } : {}),
    startedAt,
    finishedAt: clock.now().toISOString(),
  };
}
