import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkpointDue,
  latestCheckpoint,
  listCheckpoints,
  writeCheckpoint,
} from '../../../native/custody/checkpoints';
import { generateNoteKey, parseCheckpoint, verifyNote } from '../../../native/custody/signed-note';
import { durably } from '../../../native/storage/db';
import { fill, freshLog, steppingClock, type TestLog } from './helpers';

const NAME = 'evidence.example/ws-1';
const key = generateNoteKey(NAME);
const signer = { name: NAME, privateKeyPem: key.privateKeyPem };

let t: TestLog;
beforeEach(() => {
  t = freshLog();
});
afterEach(() => t.cleanup());

describe('checkpoints', () => {
  it('signs the current tree and writes a new one only when the tree grew', () => {
    const clock = steppingClock('2025-03-01T10:00:00.000Z', 60_000);
    expect(latestCheckpoint(t.db)).toBeUndefined();
    fill(t.log, 5);
    const first = writeCheckpoint(t.db, t.log, signer, NAME, clock);
    expect(first).toMatchObject({
      size: 5,
      rootHex: t.log.root().toString('hex'),
      createdAt: '2025-03-01T10:00:00.000Z',
    });
    expect(first.shortRoot).toBe(first.rootHex.slice(0, 16));
    expect(verifyNote(first.note, key.vkey).ok).toBe(true);
    const parsed = parseCheckpoint(first.note);
    expect(parsed).toMatchObject({ origin: NAME, size: 5 });
    expect(parsed.root.toString('hex')).toBe(first.rootHex);

    expect(writeCheckpoint(t.db, t.log, signer, NAME, clock)).toEqual(first);
    expect(listCheckpoints(t.db)).toHaveLength(1);

    fill(t.log, 3);
    const second = writeCheckpoint(t.db, t.log, signer, NAME, clock);
    expect(second.id).toBeGreaterThan(first.id);
    expect(second.size).toBe(8);
    expect(latestCheckpoint(t.db)).toEqual(second);
    expect(listCheckpoints(t.db).map((c) => c.size)).toEqual([8, 5]);
    expect(t.log.consistency(first.size, second.size).verified).toBe(true);
  });

  it('is due when the tree grew and no checkpoint is younger than a day', () => {
    const clock = steppingClock('2025-03-01T10:00:00.000Z', 0);
    expect(checkpointDue(t.db, clock)).toBe(false); // empty log, nothing to sign
    fill(t.log, 2);
    expect(checkpointDue(t.db, clock)).toBe(true); // never signed
    writeCheckpoint(t.db, t.log, signer, NAME, clock);
    expect(checkpointDue(t.db, clock)).toBe(false);
    clock.set('2025-03-02T10:00:00.000Z');
    expect(checkpointDue(t.db, clock)).toBe(false); // a day old, but nothing new
    fill(t.log, 1);
    clock.set('2025-03-02T09:59:59.000Z');
    expect(checkpointDue(t.db, clock)).toBe(false); // grew, but signed less than 24 h ago
    clock.set('2025-03-02T10:00:00.000Z');
    expect(checkpointDue(t.db, clock)).toBe(true);
  });

  it('fsyncs its own commit, and leaves a caller’s durable commit durable', () => {
    const sync = () => t.db.pragma('synchronous', { simple: true });
    const before = sync();
    fill(t.log, 2);
    writeCheckpoint(t.db, t.log, signer, NAME, t.clock);
    expect(sync()).toBe(before);
    fill(t.log, 1);
    let inside: unknown;
    durably(t.db, () => {
      writeCheckpoint(t.db, t.log, signer, NAME, t.clock);
      inside = sync();
    });
    expect(inside).toBe(2); // still FULL when the outer transaction commits
    expect(listCheckpoints(t.db).map((c) => c.size)).toEqual([3, 2]);
  });
});
