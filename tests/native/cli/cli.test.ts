import { describe, expect, it, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { adminPassword, cli, initWorkstation, tempDir } from '../../helpers/cli';

const asAdmin = { WORKSTATION_PASSWORD: adminPassword };

describe('workstation CLI', () => {
  let data: string;
  beforeAll(() => {
    data = initWorkstation();
    const add = cli(
      [
        'user',
        'add',
        '--data',
        data,
        '--as',
        'admin',
        '--login',
        'clerk1',
        '--name',
        '李四',
        '--role',
        'clerk',
      ],
      {
        ...asAdmin,
        WORKSTATION_NEW_PASSWORD: 'clerk-pass-2026',
      },
    );
    expect(add.status, add.stderr).toBe(0);
  });

  it('lists users as JSON', () => {
    const r = cli(['user', 'list', '--data', data, '--as', 'admin', '--json'], asAdmin);
    expect(r.status, r.stderr).toBe(0);
    const users = JSON.parse(r.stdout) as { login: string; role: string }[];
    expect(users.map((u) => [u.login, u.role])).toEqual([
      ['admin', 'admin'],
      ['clerk1', 'clerk'],
    ]);
  });

  it('refuses a clerk adding users (engine-enforced), exit 2', () => {
    const r = cli(
      ['user', 'add', '--data', data, '--as', 'clerk1', '--login', 'x9', '--name', 'X', '--role', 'admin'],
      {
        WORKSTATION_PASSWORD: 'clerk-pass-2026',
        WORKSTATION_NEW_PASSWORD: 'whatever-123',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not have the permission 'users\.manage'/);
    const list = cli(['user', 'list', '--data', data, '--as', 'admin', '--json'], asAdmin);
    expect(JSON.parse(list.stdout).map((u: { login: string }) => u.login)).not.toContain('x9');
  });

  it('verifies a clean workstation (exit 0)', () => {
    const r = cli(['verify', '--data', data, '--as', 'admin', '--json'], asAdmin);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; entries: number };
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThan(3);
  });

  it('exports the log so a third party can recompute the root and check the signature', () => {
    const out = join(tempDir(), 'export');
    const r = cli(['log', 'export', '--data', data, '--as', 'admin', '--out', out], asAdmin);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'entries.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    // Independent RFC 6962 root, written here from the RFC rather than with the engine's code.
    const sha = (...b: Buffer[]) => createHash('sha256').update(Buffer.concat(b)).digest();
    const mth = (leaves: Buffer[]): Buffer => {
      if (leaves.length === 1) return sha(Buffer.from([0]), leaves[0]!);
      let k = 1;
      while (k * 2 < leaves.length) k *= 2;
      return sha(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
    };
    const note = readFileSync(join(out, 'checkpoint'), 'utf8');
    const [origin, size, rootB64] = note.split('\n');
    expect(origin).toMatch(/evidence-workstation/);
    const root = mth(lines.slice(0, Number(size)).map((l) => Buffer.from(l, 'utf8')));
    expect(root.toString('base64')).toBe(rootB64);
    // The Ed25519 signature on the note body, checked with the openssl CLI.
    const body = note.slice(0, note.indexOf('\n\n') + 1);
    const sigLine = note.slice(note.indexOf('\n\n') + 2).split('\n')[0]!;
    const sig = Buffer.from(sigLine.split(' ').pop()!, 'base64').subarray(4);
    const dir = tempDir();
    writeFileSync(join(dir, 'body'), body);
    writeFileSync(join(dir, 'sig'), sig);
    const ok = execFileSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        join(out, 'workstation-note.pub.pem'),
        '-rawin',
        '-in',
        join(dir, 'body'),
        '-sigfile',
        join(dir, 'sig'),
      ],
      { encoding: 'utf8' },
    );
    expect(ok).toMatch(/Signature Verified Successfully/);
  });

  it('exits 2 on bad usage, naming the flag', () => {
    const noAgency = cli(['init', '--data', join(tempDir(), 'd'), '--admin', 'a'], asAdmin);
    expect(noAgency.status).toBe(2);
    expect(noAgency.stderr).toMatch(/--agency is required/);
    expect(cli(['frobnicate']).status).toBe(2);
    const badRole = cli(
      ['user', 'add', '--data', data, '--as', 'admin', '--login', 'q1', '--name', 'Q', '--role', 'boss'],
      asAdmin,
    );
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toMatch(/--role boss is not a role/);
    const unknownFlag = cli(['user', 'list', '--data', data, '--bogus'], asAdmin);
    expect(unknownFlag.status).toBe(2);
    expect(unknownFlag.stderr).toMatch(/bogus/);
  });

  it('reports a missing or damaged database clearly (exit 2) and leaves it alone', () => {
    const missing = cli(['verify', '--data', join(tempDir(), 'nowhere'), '--as', 'admin'], asAdmin);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/No workstation database/);
    const damaged = join(tempDir(), 'damaged');
    const dd = initWorkstation(damaged);
    writeFileSync(join(dd, 'workstation.db'), Buffer.alloc(8192, 0x41));
    const r = cli(['verify', '--data', dd, '--as', 'admin'], asAdmin);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/database is damaged/);
    expect(readFileSync(join(dd, 'workstation.db'))).toEqual(Buffer.alloc(8192, 0x41));
  });

  it('a wrong password is refused with the attempts left; the fifth locks the account', () => {
    for (let i = 1; i <= 5; i++) {
      const r = cli(['user', 'list', '--data', data, '--as', 'clerk1'], {
        WORKSTATION_PASSWORD: 'wrong-password',
      });
      expect(r.status).toBe(2);
      if (i < 5) expect(r.stderr).toMatch(new RegExp(`${5 - i} attempts? left`));
      else expect(r.stderr).toMatch(/locked/i);
    }
    const right = cli(['user', 'list', '--data', data, '--as', 'clerk1'], {
      WORKSTATION_PASSWORD: 'clerk-pass-2026',
    });
    expect(right.status).toBe(2);
    expect(right.stderr).toMatch(/locked/i);
  });
});

describe('workstation verify on a tampered workstation', () => {
  it('names the custody entry changed with raw SQL (exit 1)', () => {
    const data = initWorkstation();
    const db = new Database(join(data, 'workstation.db'));
    db.exec('DROP TRIGGER custody_log_no_update');
    const row = db.prepare('SELECT seq, entry FROM custody_log WHERE seq = 1').get() as {
      seq: number;
      entry: Buffer;
    };
    const bytes = Buffer.from(row.entry);
    bytes[bytes.length - 3]! ^= 0x01;
    db.prepare('UPDATE custody_log SET entry = ? WHERE seq = 1').run(bytes);
    db.close();
    const r = cli(['verify', '--data', data, '--as', 'admin'], asAdmin);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/First: entry #1\b/);
  });

  it('names the stored original whose bytes changed (exit 1)', async () => {
    const data = initWorkstation();
    // Store a file through the engine's own store, as ingest will.
    const { storeFile } = await import('../../../native/storage/object-store');
    const src = join(tempDir(), 'clip.mp4');
    writeFileSync(src, Buffer.alloc(100_000, 7));
    const stored = await storeFile({ originals: join(data, 'originals'), tmp: join(data, 'tmp') }, src);
    const db = new Database(join(data, 'workstation.db'));
    db.prepare('INSERT INTO objects(sha256, size, stored_at) VALUES (?, ?, ?)').run(
      stored.sha256,
      stored.size,
      new Date().toISOString(),
    );
    db.close();
    expect(cli(['verify', '--data', data, '--as', 'admin'], asAdmin).status).toBe(0);
    chmodSync(stored.path, 0o644);
    const b = readFileSync(stored.path);
    b[5000]! ^= 0xff;
    writeFileSync(stored.path, b);
    const r = cli(['verify', '--data', data, '--as', 'admin'], asAdmin);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(stored.sha256);
    expect(existsSync(stored.path)).toBe(true);
  });
});
