import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryPages, storedNodes } from '../../../native/custody/verify-pages';
import { fill, freshLog, type TestLog } from './helpers';

let t: TestLog;
beforeEach(() => {
  t = freshLog();
  fill(t.log, 40);
  t.db.exec('DROP TRIGGER custody_log_no_update; DROP TRIGGER custody_log_no_delete');
});
afterEach(() => t.cleanup());

interface Row {
  seq: number;
  entry: Buffer;
  leaf_hash: Buffer;
  time: string;
  actor: string;
  action: string;
}
const rows = (from: number, to: number) =>
  t.db.prepare('SELECT * FROM custody_log WHERE seq BETWEEN ? AND ? ORDER BY seq').all(from, to) as Row[];

describe('verify page readers', () => {
  it('return exactly the stored bytes, even NUL and invalid UTF-8', () => {
    t.db
      .prepare('UPDATE custody_log SET entry = ? WHERE seq = 7')
      .run(Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0xc3, 0x28, 0x7d]));
    t.db.prepare("UPDATE custody_log SET entry = x'' WHERE seq = 8").run();
    const page = entryPages(t.db)(3, 39, 30);
    const want = rows(3, 32);
    expect(page.seqs).toEqual(want.map((r) => r.seq));
    page.entries.forEach((e, i) => expect(e.equals(want[i]!.entry), `entry ${want[i]!.seq}`).toBe(true));
    page.leaves.forEach((l, i) => expect(l.equals(want[i]!.leaf_hash)).toBe(true));
    expect(page.cols).toEqual(want.map((r) => [r.time, r.actor, r.action]));
  });

  it('fall back to row-by-row reads for gaps and odd column types, with the same result', () => {
    t.db.prepare('DELETE FROM custody_log WHERE seq = 10').run();
    t.db.prepare("UPDATE custody_log SET leaf_hash = 'text, not a hash' WHERE seq = 12").run();
    t.db.prepare("UPDATE custody_log SET actor = x'4142' WHERE seq = 13").run(); // a blob: JSON cannot hold it
    const page = entryPages(t.db)(0, 39, 15);
    expect(page.seqs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15]);
    expect(page.leaves[page.seqs.indexOf(12)]!.toString()).toBe('text, not a hash');
    expect(page.cols[page.seqs.indexOf(13)]![1]).toEqual(Buffer.from('AB'));
    expect(page.entries[page.seqs.indexOf(11)]!.equals(rows(11, 11)[0]!.entry)).toBe(true);
    // The blob column alone (no gap, no bad hash in range) also makes the page fall back.
    expect(entryPages(t.db)(13, 39, 3).cols.map((c) => c[1])).toEqual([
      Buffer.from('AB'),
      'officer7',
      'admin',
    ]);
  });

  it('read stored tree nodes by level, leaving holes where nodes are missing', () => {
    const read = storedNodes(t.db);
    const level1 = t.db
      .prepare('SELECT hash FROM merkle_nodes WHERE level = 1 AND idx >= 2 AND idx < 12 ORDER BY idx')
      .pluck()
      .all() as Buffer[];
    expect(read(1, 2, 12).map((b) => b!.toString('hex'))).toEqual(level1.map((b) => b.toString('hex')));
    t.db.prepare('DELETE FROM merkle_nodes WHERE level = 1 AND idx = 5').run();
    const holes = read(1, 2, 12);
    expect(holes).toHaveLength(10);
    expect(holes[3]).toBeUndefined();
    expect(holes[4]!.equals(level1[4]!)).toBe(true);
  });
});
