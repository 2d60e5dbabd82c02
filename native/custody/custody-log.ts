/**
 * The append-only custody log: one canonical-JSON entry per action, each a leaf of the RFC 6962
 * tree and each carrying the previous entry's leaf hash. `append` joins the caller's
 * transaction (better-sqlite3 turns a nested transaction into a savepoint), so an entry commits
 * or rolls back together with the change it records.
 */
import type Database from 'better-sqlite3';
import { EngineError, toEngineError } from '../core/errors';
import type { Clock } from '../core/context';
import type { Db } from '../storage/db';
import type { ConsistencyProofView, CustodyEntryView, CustodyPage, InclusionProofView } from '../api/types';
import { ENTRY_VERSION, checkAppendInput, encodeEntry, entryView } from './entry';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle';
import { appendLeaf, consistencyProofAt, inclusionProofAt, rootAt } from './merkle-store';
import type { AppendInput, CustodyFilter } from './types';

interface Row {
  seq: number;
  entry: Buffer;
  leaf_hash: Buffer;
}

/** Number of entries in the log (last seq + 1), read from the database. */
export function custodySize(db: Db): number {
  const last = db.prepare('SELECT seq FROM custody_log ORDER BY seq DESC LIMIT 1').pluck().get() as
    number | undefined;
  return last === undefined ? 0 : last + 1;
}

/** Distinct values of an indexed column, by skipping through the index (O(k log n), not a scan). */
function distinct(db: Db, column: 'actor' | 'action'): string[] {
  const sql = `WITH RECURSIVE d(v) AS (
      SELECT min(${column}) FROM custody_log
      UNION ALL SELECT (SELECT min(${column}) FROM custody_log WHERE ${column} > d.v) FROM d WHERE d.v IS NOT NULL
    ) SELECT v FROM d WHERE v IS NOT NULL`;
  return db.prepare(sql).pluck().all() as string[];
}

function isoOrThrow(value: string, field: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new EngineError('BAD_INPUT', `Custody filter: ${field} is not a date-time: ${value}`, {
      field,
      hint: 'Use an ISO 8601 date-time such as 2025-01-31T08:00:00+08:00.',
    });
  }
  return d.toISOString();
}

function checkInt(value: number, min: number, max: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new EngineError('BAD_INPUT', `${field} must be an integer from ${min} to ${max}; got ${value}.`, {
      field,
    });
  }
}

export class CustodyLog {
  private readonly lastRow: Database.Statement<[], { seq: number; leaf_hash: Buffer }>;
  private readonly insertRow: Database.Statement<[number, Buffer, Buffer, string, string, string]>;
  private readonly rowBySeq: Database.Statement<[number], Row>;
  private readonly appendTx: (input: AppendInput) => CustodyEntryView;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.lastRow = db.prepare('SELECT seq, leaf_hash FROM custody_log ORDER BY seq DESC LIMIT 1');
    this.insertRow = db.prepare(
      'INSERT INTO custody_log(seq, entry, leaf_hash, time, actor, action) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.rowBySeq = db.prepare('SELECT seq, entry, leaf_hash FROM custody_log WHERE seq = ?');
    this.appendTx = db.transaction((input: AppendInput) => this.appendInTx(input));
  }

  /**
   * Appends one entry and its tree nodes; returns the entry as stored. The last seq and leaf
   * hash are read inside the transaction (a primary-key lookup), so a rolled-back caller
   * transaction can never leave a stale in-memory tail behind.
   */
  append(input: AppendInput): CustodyEntryView {
    checkAppendInput(input);
    try {
      return this.appendTx(input);
    } catch (err) {
      throw toEngineError(err);
    }
  }

  private appendInTx(input: AppendInput): CustodyEntryView {
    const last = this.lastRow.get();
    const seq = last ? last.seq + 1 : 0;
    const entry = {
      v: ENTRY_VERSION,
      seq,
      time: this.clock.now().toISOString(),
      actor: input.actor,
      action: input.action,
      subjects: input.subjects ?? [],
      hashes: input.hashes ?? {},
      details: input.details ?? {},
      prev: last ? last.leaf_hash.toString('hex') : '',
    };
    const bytes = encodeEntry(entry);
    const leaf = leafHash(bytes);
    this.insertRow.run(seq, bytes, leaf, entry.time, entry.actor, entry.action);
    appendLeaf(this.db, seq, leaf);
    return entryView(bytes, leaf.toString('hex'));
  }

  /** Number of entries (tree size). */
  size(): number {
    const last = this.lastRow.get();
    return last ? last.seq + 1 : 0;
  }

  /** Root of the tree of the first `size` entries (default: all). */
  root(size?: number): Buffer {
    const n = this.size();
    const s = size ?? n;
    checkInt(s, 0, n, 'size');
    return rootAt(this.db, s);
  }

  /** One entry with its exact stored bytes, or undefined. */
  get(seq: number): { view: CustodyEntryView; bytes: Buffer } | undefined {
    const row = this.rowBySeq.get(seq);
    if (!row) return undefined;
    return { view: entryView(row.entry, row.leaf_hash.toString('hex')), bytes: row.entry };
  }

  /** A page of entries, newest first, with the distinct actors and actions for filters. */
  list(filter: CustodyFilter): CustodyPage {
    checkInt(filter.page, 1, Number.MAX_SAFE_INTEGER, 'page');
    checkInt(filter.pageSize, 1, 1000, 'pageSize');
    const where: string[] = [];
    const params: string[] = [];
    const add = (condition: string, value: string) => {
      where.push(condition);
      params.push(value);
    };
    if (filter.actor) add('actor = ?', filter.actor);
    if (filter.action) add('action = ?', filter.action);
    if (filter.from) add('time >= ?', isoOrThrow(filter.from, 'from'));
    if (filter.to) add('time <= ?', isoOrThrow(filter.to, 'to'));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Unfiltered, the count is the last seq + 1 (O(1)); verify reports any gap separately.
    const total = where.length
      ? (this.db
          .prepare(`SELECT count(*) FROM custody_log ${clause}`)
          .pluck()
          .get(...params) as number)
      : this.size();
    const rows = this.db
      .prepare(`SELECT seq, entry, leaf_hash FROM custody_log ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...params, filter.pageSize, (filter.page - 1) * filter.pageSize) as Row[];
    return {
      total,
      page: filter.page,
      pageSize: filter.pageSize,
      entries: rows.map((r) => entryView(r.entry, r.leaf_hash.toString('hex'))),
      actors: distinct(this.db, 'actor'),
      actions: distinct(this.db, 'action'),
    };
  }

  /**
   * Inclusion proof of entry `seq` in the tree of `size` entries (default: all). The leaf hash
   * is recomputed from the stored bytes, so a proof for an altered entry reports verified=false.
   */
  inclusion(seq: number, size?: number): InclusionProofView {
    const n = this.size();
    const s = size ?? n;
    checkInt(s, 1, n, 'size');
    checkInt(seq, 0, s - 1, 'seq');
    const row = this.rowBySeq.get(seq);
    if (!row) {
      throw new EngineError('DATABASE_CORRUPT', `Custody entry ${seq} is missing from the log.`, {
        hint: 'Run `workstation verify` to see what was removed.',
      });
    }
    const leaf = leafHash(row.entry);
    const path = inclusionProofAt(this.db, seq, s);
    const root = rootAt(this.db, s);
    return {
      seq,
      treeSize: s,
      rootHex: root.toString('hex'),
      leafHashHex: leaf.toString('hex'),
      pathHex: path.map((h) => h.toString('hex')),
      verified: verifyInclusion(seq, s, leaf, path, root),
    };
  }

  /** Consistency proof between the trees of `m` and `n` entries (m ≤ n ≤ size). */
  consistency(m: number, n: number): ConsistencyProofView {
    const size = this.size();
    checkInt(n, 0, size, 'toSize');
    checkInt(m, 0, n, 'fromSize');
    const path = consistencyProofAt(this.db, m, n);
    const r1 = rootAt(this.db, m);
    const r2 = rootAt(this.db, n);
    return {
      fromSize: m,
      toSize: n,
      fromRootHex: r1.toString('hex'),
      toRootHex: r2.toString('hex'),
      pathHex: path.map((h) => h.toString('hex')),
      verified: verifyConsistency(m, n, r1, r2, path),
    };
  }
}
