import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAgencyCa, type CaMaterial } from '../../../native/identity/ca';
import { decryptPrivateKey } from '../../../native/identity/keys';
import { keyMatchesCert, parseCert } from '../../../native/identity/cert-info';
import { verifyPassword } from '../../../native/identity/passwords';
import {
  authenticate,
  createUser,
  getUser,
  getUserByLogin,
  listUsers,
  resetPassword,
  updateUser,
} from '../../../native/identity/users';
import type { UserRow } from '../../../native/identity/user-store';
import { agency, caught, makeFixture, realClock, type Fixture } from './helpers';

let ca: CaMaterial;
let f: Fixture;
const PW = 'Admin-Passw0rd';

beforeAll(async () => {
  ca = await createAgencyCa(agency, realClock);
});
beforeEach(() => {
  f = makeFixture();
});
afterEach(() => f.cleanup());

const row = (id: number) => f.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow;

describe('createUser', () => {
  it('stores a user with a CA-issued certificate, an encrypted key and a scrypt hash, and logs user.add', async () => {
    const u = await createUser(
      f.deps,
      { login: 'zhangsan', name: '张三', role: 'clerk', password: PW },
      ca,
      'admin',
    );
    expect(u).toMatchObject({
      id: 1,
      login: 'zhangsan',
      name: '张三',
      role: 'clerk',
      locked: false,
      disabled: false,
    });
    expect(u.certSubject).toBe(`CN=张三, UID=zhangsan, O=${agency.name}, C=CN`);
    expect(u.certFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const r = row(u.id);
    expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(verifyPassword(PW, r.password_hash)).toBe(true);
    expect(r.key_pem_encrypted).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(keyMatchesCert(decryptPrivateKey(r.key_pem_encrypted, PW), parseCert(r.cert_pem))).toBe(true);
    expect(f.sink.entries()).toEqual([
      {
        actor: 'admin',
        action: 'user.add',
        subjects: ['user:1'],
        details: { login: 'zhangsan', name: '张三', role: 'clerk', certFingerprint: u.certFingerprint },
      },
    ]);
  });

  it('never writes the password: not in custody entries, not in the database file', async () => {
    const secret = 'Very-Secret-Password-7781';
    await createUser(f.deps, { login: 'lisi', name: '李四', role: 'officer', password: secret }, ca, 'admin');
    expect(JSON.stringify(f.sink.entries())).not.toContain(secret);
    f.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of [f.layout.database, `${f.layout.database}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('lists and gets users; logins are case-insensitive', async () => {
    const a = await createUser(
      f.deps,
      { login: 'Admin', name: '管理员', role: 'admin', password: PW },
      ca,
      'system',
    );
    expect(listUsers(f.db).map((u) => u.login)).toEqual(['Admin']);
    expect(getUser(f.db, a.id)?.login).toBe('Admin');
    expect(getUser(f.db, 99)).toBeUndefined();
    expect(getUserByLogin(f.db, 'ADMIN')?.id).toBe(a.id);
    const dup = await caught(() =>
      createUser(f.deps, { login: 'admin', name: 'x', role: 'clerk', password: PW }, ca, 'Admin'),
    );
    expect(dup.code).toBe('CONFLICT');
    expect(dup.field).toBe('login');
  });

  it('refuses bad input naming the field, before any work', async () => {
    const base = { login: 'ok.login', name: '某人', role: 'clerk' as const, password: PW };
    const cases: [Record<string, unknown>, string][] = [
      [{ login: 'has space' }, 'login'],
      [{ login: 'x' }, 'login'],
      [{ name: '  ' }, 'name'],
      [{ role: 'root' }, 'role'],
      [{ password: 'short' }, 'password'],
    ];
    for (const [change, field] of cases) {
      const err = await caught(() => createUser(f.deps, { ...base, ...change } as never, ca, 'admin'));
      expect(err.code).toBe('BAD_INPUT');
      expect(err.field).toBe(field);
    }
    expect(listUsers(f.db)).toEqual([]);
    expect(f.sink.entries()).toEqual([]);
  });

  it('the user row and its custody entry commit or roll back together', async () => {
    // A sink that really writes in the same database, then fails: the whole change must vanish.
    const failing = {
      append(input: { action: string }) {
        f.db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('custody.attempt', input.action);
        throw new Error('custody append failed after writing');
      },
    };
    await expect(
      createUser(
        { ...f.deps, custody: failing },
        { login: 'wangwu', name: '王五', role: 'clerk', password: PW },
        ca,
        'admin',
      ),
    ).rejects.toThrow('custody append failed');
    expect(listUsers(f.db)).toEqual([]);
    expect(f.db.prepare("SELECT count(*) FROM settings WHERE key = 'custody.attempt'").pluck().get()).toBe(0);
    // With a working sink the same user is added, entry and row together.
    await createUser(f.deps, { login: 'wangwu', name: '王五', role: 'clerk', password: PW }, ca, 'admin');
    expect(listUsers(f.db)).toHaveLength(1);
    expect(f.sink.entries().map((e) => e.action)).toEqual(['user.add']);
  });
});

describe('updateUser', () => {
  it('changes role and disabled flag, logging from → to; no change, no entry', async () => {
    await createUser(f.deps, { login: 'admin', name: '管理员', role: 'admin', password: PW }, ca, 'system');
    const u = await createUser(
      f.deps,
      { login: 'zhao', name: '赵六', role: 'officer', password: PW },
      ca,
      'admin',
    );
    const changed = updateUser(f.deps, u.id, { role: 'reviewer', disabled: true }, 'admin');
    expect(changed).toMatchObject({ role: 'reviewer', disabled: true });
    const last = f.sink.entries().at(-1)!;
    expect(last).toEqual({
      actor: 'admin',
      action: 'user.update',
      subjects: [`user:${u.id}`],
      details: {
        login: 'zhao',
        changes: { role: { from: 'officer', to: 'reviewer' }, disabled: { from: false, to: true } },
      },
    });
    const n = f.sink.entries().length;
    updateUser(f.deps, u.id, { role: 'reviewer' }, 'admin');
    expect(f.sink.entries()).toHaveLength(n);
    expect((await caught(() => updateUser(f.deps, 999, { disabled: true }, 'admin'))).code).toBe('NOT_FOUND');
    expect((await caught(() => updateUser(f.deps, u.id, { role: 'root' as never }, 'admin'))).code).toBe(
      'BAD_INPUT',
    );
  });

  it('never demotes or disables the last active administrator', async () => {
    const a = await createUser(
      f.deps,
      { login: 'admin', name: '管理员', role: 'admin', password: PW },
      ca,
      'system',
    );
    for (const change of [{ role: 'clerk' as const }, { disabled: true }]) {
      const err = await caught(() => updateUser(f.deps, a.id, change, 'admin'));
      expect(err.code).toBe('CONFLICT');
      expect(err.message).toContain('last active administrator');
    }
    // A disabled second admin does not count; an enabled one does.
    const b = await createUser(
      f.deps,
      { login: 'admin2', name: '管理员二', role: 'admin', password: PW },
      ca,
      'admin',
    );
    updateUser(f.deps, b.id, { disabled: true }, 'admin');
    expect((await caught(() => updateUser(f.deps, a.id, { role: 'clerk' }, 'admin'))).code).toBe('CONFLICT');
    updateUser(f.deps, b.id, { disabled: false }, 'admin');
    expect(updateUser(f.deps, a.id, { role: 'supervisor' }, 'admin2').role).toBe('supervisor');
    expect((await caught(() => updateUser(f.deps, b.id, { disabled: true }, 'admin2'))).code).toBe(
      'CONFLICT',
    );
  });
});

describe('resetPassword', () => {
  it('issues a new key and certificate under the new password, unlocks, and logs both fingerprints', async () => {
    const u = await createUser(
      f.deps,
      { login: 'sun', name: '孙七', role: 'archivist', password: PW },
      ca,
      'admin',
    );
    for (let i = 0; i < 5; i++) await caught(() => authenticate(f.deps, 'sun', 'wrong-password'));
    expect(getUser(f.db, u.id)?.locked).toBe(true);
    const fresh = 'New-Password-After-Reset';
    const after = await resetPassword(f.deps, u.id, fresh, ca, 'admin');
    expect(after.locked).toBe(false);
    expect(after.certFingerprint).not.toBe(u.certFingerprint);
    expect(after.certSubject).toBe(u.certSubject);
    const r = row(u.id);
    expect(r.failed_attempts).toBe(0);
    expect(keyMatchesCert(decryptPrivateKey(r.key_pem_encrypted, fresh), parseCert(r.cert_pem))).toBe(true);
    expect((await caught(() => authenticate(f.deps, 'sun', PW))).code).toBe('WRONG_PASSWORD');
    expect(authenticate(f.deps, 'sun', fresh).id).toBe(u.id);
    const entry = f.sink.entries().find((e) => e.action === 'user.password.reset')!;
    expect(entry).toEqual({
      actor: 'admin',
      action: 'user.password.reset',
      subjects: [`user:${u.id}`],
      details: {
        login: 'sun',
        certFingerprint: after.certFingerprint,
        previousCertFingerprint: u.certFingerprint,
      },
    });
    expect(JSON.stringify(f.sink.entries())).not.toContain(fresh);
    expect((await caught(() => resetPassword(f.deps, u.id, 'short', ca, 'admin'))).field).toBe('password');
  });
});
