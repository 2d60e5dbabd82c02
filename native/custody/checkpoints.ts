/**
 * Signed checkpoints of the custody tree: a C2SP note over (origin, size, root), written after
 * each batch of work and at least daily. Copies kept off the machine (exported file, short root
 * on the paper shift form) are what stop a key holder from silently rewriting history.
 */
import type { CheckpointView } from '../api/types';
import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';
import { durably, type Db } from '../storage/db';
import type { CustodyLog } from './custody-log';
import { custodySize } from './custody-log';
import { checkpointBody, signNote } from './signed-note';
import type { NoteSigner } from './types';

interface CheckpointRow {
  id: number;
  size: number;
  root: Buffer;
  note: string;
  created_at: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function view(r: CheckpointRow): CheckpointView {
  const rootHex = r.root.toString('hex');
  return {
    id: r.id,
    size: r.size,
    rootHex,
    shortRoot: rootHex.slice(0, 16),
    note: r.note,
    createdAt: r.created_at,
  };
}

/** The most recent checkpoint, or undefined when none was written yet. */
export function latestCheckpoint(db: Db): CheckpointView | undefined {
  const row = db.prepare('SELECT * FROM checkpoints ORDER BY id DESC LIMIT 1').get() as
    CheckpointRow | undefined;
  return row && view(row);
}

/** Every checkpoint, newest first. */
export function listCheckpoints(db: Db): CheckpointView[] {
  return (db.prepare('SELECT * FROM checkpoints ORDER BY id DESC').all() as CheckpointRow[]).map(view);
}

/**
 * Signs and stores a checkpoint of the current tree when it grew since the latest one (or when
 * there is none yet); otherwise returns the latest unchanged. Run on its own, the commit is
 * fsynced, which makes every earlier entry durable against power loss as well.
 */
export function writeCheckpoint(
  db: Db,
  log: CustodyLog,
  signer: NoteSigner,
  origin: string,
  clock: Clock,
): CheckpointView {
  const write = () => {
    const latest = latestCheckpoint(db);
    const size = log.size();
    if (latest && latest.size > size) {
      throw new EngineError(
        'DATABASE_CORRUPT',
        `The custody log has ${size} entries but checkpoint ${latest.id} covers ${latest.size}: entries were removed.`,
        { hint: 'Run `workstation verify` and restore the data directory from backup.' },
      );
    }
    if (latest && latest.size === size) return latest;
    const root = log.root(size);
    const note = signNote(checkpointBody(origin, size, root), signer.name, signer.privateKeyPem);
    const createdAt = clock.now().toISOString();
    const id = db
      .prepare('INSERT INTO checkpoints(size, root, note, created_at) VALUES (?, ?, ?, ?)')
      .run(size, root, note, createdAt).lastInsertRowid;
    return view({ id: Number(id), size, root, note, created_at: createdAt });
  };
  // Its own commit is fsynced (synchronous=FULL): the durability barrier for the batch it covers.
  // Inside a caller's transaction it is a savepoint and the caller's commit is the barrier —
  // calling durably() there would reset synchronous before that outer commit.
  return db.inTransaction ? db.transaction(write)() : durably(db, write);
}

/** True when the tree grew since the latest checkpoint and that one is a day old or more (or absent). */
export function checkpointDue(db: Db, clock: Clock): boolean {
  const latest = latestCheckpoint(db);
  const size = custodySize(db);
  if (!latest) return size > 0;
  if (size <= latest.size) return false;
  return clock.now().getTime() - Date.parse(latest.createdAt) >= DAY_MS;
}
