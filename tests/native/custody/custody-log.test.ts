import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../native/core/canonical-json';
import { EngineError } from '../../../native/core/errors';
import { encodeEntry } from '../../../native/custody/entry';
import { leafHash, rootOf, verifyConsistency, verifyInclusion } from '../../../native/custody/merkle';
import { fill, freshLog, sampleInput, type TestLog } from './helpers';

let t: TestLog;
beforeEach(() => {
  t = freshLog();
});
afterEach(() => t.cleanup());

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof EngineError ? e.code : `not an EngineError: ${String(e)}`;
  }
  return undefined;
};

describe('append', () => {
  it('writes canonical entries chained by prev, leaves of the tree', () => {
    fill(t.log, 12);
    expect(t.log.size()).toBe(12);
    const leaves: Buffer[] = [];
    for (let seq = 0; seq < 12; seq++) {
      const got = t.log.get(seq)!;
      const parsed = JSON.parse(got.bytes.toString('utf8'));
      expect(got.bytes.equals(canonicalBytes(parsed))).toBe(true);
      expect(Object.keys(parsed).sort()).toEqual([
        'action',
        'actor',
        'details',
        'hashes',
        'prev',
        'seq',
        'subjects',
        'time',
        'v',
      ]);
      expect(parsed).toMatchObject({
        v: 1,
        seq,
        actor: sampleInput(seq).actor,
        details: sampleInput(seq).details,
      });
      expect(parsed.prev).toBe(seq === 0 ? '' : leaves[seq - 1]!.toString('hex'));
      expect(got.view.time).toBe(new Date(Date.parse('2025-03-01T08:00:00.000Z') + seq * 1000).toISOString());
      expect(got.bytes.includes(0x0a)).toBe(false);
      leaves.push(leafHash(got.bytes));
      expect(got.view.leafHash).toBe(leaves[seq]!.toString('hex'));
    }
    expect(t.log.root().equals(rootOf(leaves))).toBe(true);
    expect(t.log.root(5).equals(rootOf(leaves.slice(0, 5)))).toBe(true);
    expect(t.log.get(12)).toBeUndefined();
  });

  it('returns the stored view and defaults subjects, hashes and details', () => {
    const v = t.log.append({ actor: 'system', action: 'system.init' });
    expect(v).toMatchObject({
      seq: 0,
      actor: 'system',
      action: 'system.init',
      subjects: [],
      hashes: {},
      details: {},
      prev: '',
    });
    expect(t.log.get(0)!.view).toEqual(v);
  });

  it('encodes entries byte-identically to canonicalBytes', () => {
    const samples: {
      details: Record<string, unknown>;
      hashes: Record<string, string>;
      subjects: string[];
    }[] = [
      { details: {}, hashes: {}, subjects: [] },
      {
        details: {
          z: 1,
          a: [1, 'x', { y: null, b: false }],
          é: '中文',
          '\u{1F600}': 'emoji',
          drop: undefined,
        },
        hashes: { b: 'x', a: 'y' },
        subjects: ['s:1', 's:0'],
      },
      { details: { n: -0.5, big: 1e21, tiny: 5e-7, s: '\u2028\u0000"\\' }, hashes: {}, subjects: ['a\nb'] },
    ];
    for (const [i, s] of samples.entries()) {
      const e = {
        v: 1,
        seq: i * 1000,
        time: '2025-01-01T00:00:00.000Z',
        actor: 'a"b',
        action: 'x.y',
        prev: 'ab'.repeat(32),
        ...s,
      };
      expect(encodeEntry(e).toString('utf8')).toBe(canonicalBytes(e).toString('utf8'));
    }
  });

  it('refuses bad input without writing anything', () => {
    expect(codeOf(() => t.log.append({ actor: '', action: 'x' }))).toBe('BAD_INPUT');
    expect(codeOf(() => t.log.append({ actor: 'a', action: '  ' }))).toBe('BAD_INPUT');
    expect(codeOf(() => t.log.append({ actor: 'a', action: 'x', subjects: [1 as unknown as string] }))).toBe(
      'BAD_INPUT',
    );
    expect(codeOf(() => t.log.append({ actor: 'a', action: 'x', details: { n: Number.NaN } }))).toBe(
      'BAD_INPUT',
    );
    expect(codeOf(() => t.log.append({ actor: 'a', action: 'x', details: { f: () => 1 } as never }))).toBe(
      'BAD_INPUT',
    );
    expect(t.log.size()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM merkle_nodes').pluck().get()).toBe(0);
  });

  it('commits and rolls back with the caller’s transaction', () => {
    fill(t.log, 3);
    const put = t.db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)');
    expect(() =>
      t.db.transaction(() => {
        put.run('k1', 'v1');
        t.log.append({ actor: 'admin', action: 'settings.change' });
        throw new Error('caller fails after logging');
      })(),
    ).toThrow('caller fails');
    expect(t.log.size()).toBe(3);
    expect(t.db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM merkle_nodes WHERE level = 0').pluck().get()).toBe(3);

    // The next append continues from the committed tail, not from the rolled-back entry.
    const next = t.log.append({ actor: 'admin', action: 'after.rollback' });
    expect(next.seq).toBe(3);
    expect(next.prev).toBe(t.log.get(2)!.view.leafHash);

    t.db.transaction(() => {
      put.run('k2', 'v2');
      t.log.append({ actor: 'admin', action: 'settings.change' });
    })();
    expect(t.log.size()).toBe(5);
    expect(t.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('k2')).toBe('v2');
  });

  it('a failing append inside a caller transaction leaves the caller’s other work intact', () => {
    t.db.transaction(() => {
      t.db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('k', 'v');
      expect(codeOf(() => t.log.append({ actor: 'a', action: 'x', details: { bad: 10n } as never }))).toBe(
        'BAD_INPUT',
      );
    })();
    expect(t.db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
    expect(t.log.size()).toBe(0);
  });

  it('an append that fails after writing its row is undone by its savepoint', () => {
    // A stray tree node makes the append fail after the custody row was inserted.
    t.db.prepare("INSERT INTO merkle_nodes(level, idx, hash) VALUES (0, 0, x'00')").run();
    t.db.transaction(() => {
      t.db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('k', 'v');
      expect(codeOf(() => t.log.append({ actor: 'a', action: 'x' }))).toBe('INTERNAL');
    })();
    expect(t.db.prepare('SELECT count(*) FROM custody_log').pluck().get()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
  });
});

describe('append-only triggers', () => {
  it('refuse UPDATE and DELETE on log rows and checkpoints', () => {
    fill(t.log, 2);
    expect(() => t.db.prepare('UPDATE custody_log SET actor = ? WHERE seq = 0').run('mallory')).toThrow(
      /append-only: UPDATE refused/,
    );
    expect(() => t.db.prepare('DELETE FROM custody_log WHERE seq = 1').run()).toThrow(
      /append-only: DELETE refused/,
    );
    expect(() => t.db.prepare('DELETE FROM custody_log').run()).toThrow(/DELETE refused/);
    t.db.prepare("INSERT INTO checkpoints(size, root, note, created_at) VALUES (1, x'00', 'n', 't')").run();
    expect(() => t.db.prepare('UPDATE checkpoints SET size = 2').run()).toThrow(/UPDATE refused/);
    expect(() => t.db.prepare('DELETE FROM checkpoints').run()).toThrow(/DELETE refused/);
    expect(t.log.size()).toBe(2);
    expect(t.log.get(0)!.view.actor).toBe('admin');
  });
});

describe('reading', () => {
  it('lists newest first with filters, pages and distinct values', () => {
    fill(t.log, 30);
    const all = t.log.list({ page: 1, pageSize: 10 });
    expect(all.total).toBe(30);
    expect(all.entries.map((e) => e.seq)).toEqual([29, 28, 27, 26, 25, 24, 23, 22, 21, 20]);
    expect(all.actors).toEqual(['admin', 'clerk01', 'officer7']);
    expect(all.actions).toEqual(['auth.login', 'evidence.ingest', 'user.add']);
    expect(t.log.list({ page: 3, pageSize: 10 }).entries.map((e) => e.seq)).toEqual([
      9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ]);
    expect(t.log.list({ page: 4, pageSize: 10 }).entries).toEqual([]);

    const clerk = t.log.list({ page: 1, pageSize: 50, actor: 'clerk01' });
    expect(clerk.total).toBe(10);
    expect(clerk.entries.every((e) => e.actor === 'clerk01')).toBe(true);
    expect(t.log.list({ page: 1, pageSize: 50, actor: 'clerk01', action: 'user.add' }).total).toBe(0);

    // Entries are one second apart from 08:00:00Z; the filter accepts any offset.
    const window = t.log.list({
      page: 1,
      pageSize: 50,
      from: '2025-03-01T16:00:05+08:00',
      to: '2025-03-01T08:00:09Z',
    });
    expect(window.entries.map((e) => e.seq)).toEqual([9, 8, 7, 6, 5]);
    expect(codeOf(() => t.log.list({ page: 1, pageSize: 10, from: 'yesterday' }))).toBe('BAD_INPUT');
    expect(codeOf(() => t.log.list({ page: 0, pageSize: 10 }))).toBe('BAD_INPUT');
  });

  it('gives inclusion and consistency proofs that verify', () => {
    fill(t.log, 21);
    for (const [seq, size] of [
      [0, 1],
      [0, 21],
      [20, 21],
      [13, 17],
      [7, 8],
    ] as const) {
      const p = t.log.inclusion(seq, size);
      expect(p.verified).toBe(true);
      expect(p.leafHashHex).toBe(t.log.get(seq)!.view.leafHash);
      expect(p.rootHex).toBe(t.log.root(size).toString('hex'));
      const proof = p.pathHex.map((x) => Buffer.from(x, 'hex'));
      expect(
        verifyInclusion(seq, size, Buffer.from(p.leafHashHex, 'hex'), proof, Buffer.from(p.rootHex, 'hex')),
      ).toBe(true);
    }
    expect(t.log.inclusion(4).treeSize).toBe(21);
    for (const [m, n] of [
      [1, 21],
      [8, 21],
      [13, 21],
      [21, 21],
      [5, 9],
    ] as const) {
      const c = t.log.consistency(m, n);
      expect(c.verified, `${m}→${n}`).toBe(true);
      const ok = verifyConsistency(
        m,
        n,
        Buffer.from(c.fromRootHex, 'hex'),
        Buffer.from(c.toRootHex, 'hex'),
        c.pathHex.map((x) => Buffer.from(x, 'hex')),
      );
      expect(ok).toBe(true);
    }
    expect(codeOf(() => t.log.inclusion(21))).toBe('BAD_INPUT');
    expect(codeOf(() => t.log.inclusion(3, 22))).toBe('BAD_INPUT');
    expect(codeOf(() => t.log.consistency(5, 22))).toBe('BAD_INPUT');
    expect(codeOf(() => t.log.consistency(6, 5))).toBe('BAD_INPUT');
    expect(codeOf(() => t.log.root(22))).toBe('BAD_INPUT');
  });
});
