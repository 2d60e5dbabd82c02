import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobProgress } from '../../../native/api/types';
import { EngineError } from '../../../native/core/errors';
import { storeFile } from '../../../native/storage/object-store';
import { writeCheckpoint } from '../../../native/custody/checkpoints';
import { leafHash } from '../../../native/custody/merkle';
import { appendLeaf } from '../../../native/custody/merkle-store';
import { checkpointBody, generateNoteKey, signNote } from '../../../native/custody/signed-note';
import { verifyWorkstation } from '../../../native/custody/verify';
import { fill, freshLog, type TestLog } from './helpers';

const NAME = 'evidence.example/ws-1';
const key = generateNoteKey(NAME);
const signer = { name: NAME, privateKeyPem: key.privateKeyPem };

let t: TestLog;
beforeEach(() => {
  t = freshLog();
});
afterEach(() => t.cleanup());

const verify = (extra: { onProgress?: (p: JobProgress) => void; signal?: AbortSignal } = {}) =>
  verifyWorkstation({ db: t.db, originalsDir: join(t.dir, 'originals'), vkey: key.vkey, ...extra });

/** What an attacker with the database file does first. */
function dropTriggers(): void {
  for (const name of [
    'custody_log_no_update',
    'custody_log_no_delete',
    'checkpoints_no_update',
    'checkpoints_no_delete',
  ]) {
    t.db.exec(`DROP TRIGGER ${name}`);
  }
}

/** Changes one byte of entry `seq` (inside its actor string, so it stays valid JSON). */
function tamperEntry(seq: number, opts: { leafToo?: boolean } = {}): Buffer {
  const entry = Buffer.from(
    t.db.prepare('SELECT entry FROM custody_log WHERE seq = ?').pluck().get(seq) as Buffer,
  );
  const at = entry.indexOf('"actor":"') + '"actor":"'.length;
  entry[at] = entry[at]! === 0x78 ? 0x79 : 0x78;
  t.db.prepare('UPDATE custody_log SET entry = ? WHERE seq = ?').run(entry, seq);
  if (opts.leafToo)
    t.db.prepare('UPDATE custody_log SET leaf_hash = ? WHERE seq = ?').run(leafHash(entry), seq);
  return entry;
}

/** Recomputes every stored tree node from the leaf_hash column, as a thorough attacker would. */
function rebuildStoredTree(): void {
  t.db.exec('DELETE FROM merkle_nodes');
  const rows = t.db.prepare('SELECT seq, leaf_hash FROM custody_log ORDER BY seq').all() as {
    seq: number;
    leaf_hash: Buffer;
  }[];
  t.db.transaction(() => rows.forEach((r) => appendLeaf(t.db, r.seq, r.leaf_hash)))();
}

async function storeOriginal(name: string, content: string): Promise<{ sha256: string; path: string }> {
  const src = join(t.dir, name);
  writeFileSync(src, content);
  const stored = await storeFile({ originals: join(t.dir, 'originals'), tmp: join(t.dir, 'tmp') }, src);
  t.db
    .prepare('INSERT INTO objects(sha256, size, stored_at) VALUES (?, ?, ?)')
    .run(stored.sha256, stored.size, '2025-03-01T08:00:00Z');
  return stored;
}

describe('verifyWorkstation', () => {
  it('passes an intact workstation and reports progress', async () => {
    fill(t.log, 40);
    writeCheckpoint(t.db, t.log, signer, NAME, t.clock);
    fill(t.log, 9);
    writeCheckpoint(t.db, t.log, signer, NAME, t.clock);
    await storeOriginal('a.mp4', 'video one');
    await storeOriginal('b.mp4', 'video two');
    const phases = new Set<string>();
    const report = await verify({ onProgress: (p) => phases.add(p.phase) });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      entries: 49,
      checkpoints: 2,
      objects: 2,
      rootHex: t.log.root().toString('hex'),
    });
    expect(report.firstProblem).toBeUndefined();
    expect([...phases]).toEqual(['entries', 'checkpoints', 'objects']);
  });

  it('passes an empty workstation', async () => {
    const report = await verify();
    expect(report).toMatchObject({
      ok: true,
      entries: 0,
      rootHex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('names an entry whose bytes were changed', async () => {
    fill(t.log, 30);
    writeCheckpoint(t.db, t.log, signer, NAME, t.clock);
    dropTriggers();
    tamperEntry(17);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toMatchObject({ kind: 'entry', seq: 17 });
    expect(report.firstProblem!.message).toContain('Entry 17 was altered');
    expect(report.problems.some((p) => p.kind === 'checkpoint')).toBe(true);
  });

  it('names an entry changed together with its leaf hash', async () => {
    fill(t.log, 30);
    dropTriggers();
    tamperEntry(9, { leafToo: true });
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstProblem?.seq).toBe(9);
    expect(report.problems.every((p) => p.seq === 9)).toBe(true);
  });

  it('names an entry even when the leaf hash and the whole stored tree were rewritten', async () => {
    fill(t.log, 30);
    writeCheckpoint(t.db, t.log, signer, NAME, t.clock);
    dropTriggers();
    tamperEntry(12, { leafToo: true });
    rebuildStoredTree();
    const report = await verify();
    expect(report.ok).toBe(false);
    // The changed byte sits in the actor, so the actor column disagrees too; the chain names it as well.
    expect(report.firstProblem?.seq).toBe(12);
    expect(report.problems.find((p) => p.kind === 'chain')).toMatchObject({ seq: 12 });
    expect(report.problems.find((p) => p.kind === 'checkpoint')?.message).toContain('does not match the log');
  });

  it('names the last entry when it was changed', async () => {
    fill(t.log, 30);
    dropTriggers();
    tamperEntry(29);
    const report = await verify();
    expect(report.firstProblem).toMatchObject({ kind: 'entry', seq: 29 });
    const t2 = await (async () => {
      tamperEntry(29, { leafToo: true });
      return verify();
    })();
    expect(t2.ok).toBe(false);
    expect(t2.firstProblem?.seq).toBe(29);
  });

  it('reports a changed time/actor/action column, a removed entry and a truncated log', async () => {
    fill(t.log, 30);
    writeCheckpoint(t.db, t.log, signer, NAME, t.clock);
    dropTriggers();
    t.db.prepare("UPDATE custody_log SET actor = 'nobody' WHERE seq = 4").run();
    let report = await verify();
    expect(report.firstProblem).toMatchObject({ kind: 'index', seq: 4 });

    t.db.prepare("UPDATE custody_log SET actor = 'clerk01' WHERE seq = 4").run();
    t.db.prepare('DELETE FROM custody_log WHERE seq = 20').run();
    report = await verify();
    expect(report.firstProblem).toMatchObject({ kind: 'chain', seq: 20 });
    expect(report.firstProblem!.message).toContain('Entries 20–20 are missing');

    t.db.prepare('DELETE FROM custody_log WHERE seq >= 20').run();
    report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.message).join('\n')).toContain(
      'signed over 30 entries but the log now has 20',
    );
  });

  it('reports a stored tree node that was changed', async () => {
    fill(t.log, 16);
    t.db.prepare('UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 2 AND idx = 1').run();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.firstProblem).toMatchObject({ kind: 'tree', seq: 4 });
  });

  it('reports a checkpoint with a bad signature', async () => {
    fill(t.log, 10);
    writeCheckpoint(t.db, t.log, signer, NAME, t.clock);
    const forger = generateNoteKey(NAME);
    const forged = signNote(checkpointBody(NAME, 10, t.log.root()), NAME, forger.privateKeyPem);
    t.db
      .prepare('INSERT INTO checkpoints(size, root, note, created_at) VALUES (?, ?, ?, ?)')
      .run(10, t.log.root(), forged, '2025-03-02T00:00:00Z');
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.firstProblem).toMatchObject({ kind: 'checkpoint' });
    expect(report.firstProblem!.message).toMatch(/Checkpoint 2 .*no valid signature/);
  });

  it('names a modified and a missing original by path and hash', async () => {
    fill(t.log, 3);
    const a = await storeOriginal('a.mp4', 'first video');
    const b = await storeOriginal('b.mp4', 'second video');
    chmodSync(a.path, 0o644);
    const bytes = readFileSync(a.path);
    bytes[3] = bytes[3]! ^ 0x20;
    writeFileSync(a.path, bytes);
    let report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toMatchObject({ kind: 'object', file: a.path });
    expect(report.firstProblem!.message).toContain(a.sha256);

    rmSync(b.path);
    report = await verify();
    expect(report.problems.map((p) => p.file)).toEqual(expect.arrayContaining([a.path, b.path]));
    expect(report.problems.find((p) => p.file === b.path)!.message).toContain('missing');
  });

  it('names the lowest bad entry before any file', async () => {
    fill(t.log, 10);
    const a = await storeOriginal('a.mp4', 'video');
    rmSync(a.path);
    dropTriggers();
    tamperEntry(8);
    tamperEntry(3);
    const report = await verify();
    expect(report.firstProblem?.seq).toBe(3);
  });

  it('stops with CANCELLED when aborted', async () => {
    fill(t.log, 5);
    const ac = new AbortController();
    ac.abort();
    await expect(verify({ signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    const ac2 = new AbortController();
    const run = verify({
      signal: ac2.signal,
      onProgress: (p) => p.phase === 'entries' && p.done > 0 && ac2.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(EngineError);
  });

  it('refuses a malformed verifier key', async () => {
    await expect(
      verifyWorkstation({ db: t.db, originalsDir: t.dir, vkey: 'nonsense' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
