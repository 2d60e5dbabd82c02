import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAgencyCa, type CaMaterial } from '../../../native/identity/ca';
import { keyMatchesCert, parseCert } from '../../../native/identity/cert-info';
import { signDetached } from '../../../native/identity/cms';
import {
  authenticate,
  changePassword,
  createUser,
  getUser,
  MAX_FAILED_ATTEMPTS,
  unlockSigningKey,
  unlockUser,
  updateUser,
} from '../../../native/identity/users';
import type { UserInfo } from '../../../native/api/types';
import { agency, caught, makeFixture, openssl, realClock, saveTemplate, type Fixture } from './helpers';

let ca: CaMaterial;
let f: Fixture;
let user: UserInfo;
let template: string;
const PW = 'Clerk-Passw0rd';

beforeAll(async () => {
  ca = await createAgencyCa(agency, realClock);
  // Users are made once; each test starts from a copy of this database, without the set-up entries.
  const setup = makeFixture();
  await createUser(
    setup.deps,
    { login: 'admin', name: '管理员', role: 'admin', password: 'Admin-Passw0rd' },
    ca,
    'system',
  );
  user = await createUser(
    setup.deps,
    { login: 'clerk1', name: '钱八', role: 'clerk', password: PW },
    ca,
    'admin',
  );
  setup.db.prepare("DELETE FROM settings WHERE key LIKE 'custody.%'").run();
  template = saveTemplate(setup);
  setup.cleanup();
});
beforeEach(() => {
  f = makeFixture(realClock, template);
});
afterEach(() => f.cleanup());
afterAll(() => rmSync(dirname(template), { recursive: true, force: true }));

const actions = () => f.sink.entries().map((e) => e.action);
const failedAttempts = () =>
  f.db.prepare('SELECT failed_attempts FROM users WHERE id = ?').pluck().get(user.id);

describe('authenticate', () => {
  it('signs in with the right password and logs auth.login', () => {
    expect(MAX_FAILED_ATTEMPTS).toBe(5);
    const u = authenticate(f.deps, 'clerk1', PW);
    expect(u.id).toBe(user.id);
    expect(f.sink.entries().at(-1)).toEqual({
      actor: 'clerk1',
      action: 'auth.login',
      subjects: [`user:${user.id}`],
      details: { login: 'clerk1' },
    });
    expect(authenticate(f.deps, 'CLERK1', PW).id).toBe(user.id);
  });

  it('a wrong password says how many attempts are left; the failure is committed and logged', async () => {
    const err = await caught(() => authenticate(f.deps, 'clerk1', 'not-the-password'));
    expect(err.code).toBe('WRONG_PASSWORD');
    expect(err.message).toBe('Wrong login or password. 4 attempts left before the account is locked.');
    expect(failedAttempts()).toBe(1);
    expect(f.sink.entries().at(-1)).toEqual({
      actor: 'system',
      action: 'auth.login.failed',
      subjects: [`user:${user.id}`],
      details: { login: 'clerk1', purpose: 'login', reason: 'wrong-password', failedAttempts: 1 },
    });
    expect((await caught(() => authenticate(f.deps, 'clerk1', 'again-wrong'))).message).toContain(
      '3 attempts left',
    );
    // Success clears the count of consecutive failures.
    authenticate(f.deps, 'clerk1', PW);
    expect(failedAttempts()).toBe(0);
  });

  it('locks the account at the fifth consecutive failure until an administrator unlocks it', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await caught(() => authenticate(f.deps, 'clerk1', `wrong-${i}`))).code);
    expect(codes).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'LOCKED']);
    expect(getUser(f.db, user.id)?.locked).toBe(true);
    expect(actions().filter((a) => a === 'user.locked')).toHaveLength(1);
    expect(f.sink.entries().find((e) => e.action === 'user.locked')).toEqual({
      actor: 'system',
      action: 'user.locked',
      subjects: [`user:${user.id}`],
      details: { login: 'clerk1', failedAttempts: 5 },
    });
    // The right password does not open a locked account; the message says what to do.
    const locked = await caught(() => authenticate(f.deps, 'clerk1', PW));
    expect(locked.code).toBe('LOCKED');
    expect(locked.message).toMatch(/locked.*administrator must unlock it/);
    expect(f.sink.entries().at(-1)?.details).toMatchObject({ reason: 'locked' });
    const unlocked = unlockUser(f.deps, user.id, 'admin');
    expect(unlocked.locked).toBe(false);
    expect(f.sink.entries().at(-1)).toMatchObject({
      actor: 'admin',
      action: 'user.unlock',
      subjects: [`user:${user.id}`],
    });
    expect(authenticate(f.deps, 'clerk1', PW).locked).toBe(false);
  });

  it('an unknown login gets the same answer as a wrong password, and is logged', async () => {
    const real = await caught(() => authenticate(f.deps, 'clerk1', 'wrong'));
    const unknown = await caught(() => authenticate(f.deps, 'nobody-here', 'wrong'));
    expect(unknown.code).toBe(real.code);
    expect(unknown.message).toBe(real.message);
    expect(unknown.hint).toBe(real.hint);
    expect(f.sink.entries().at(-1)).toEqual({
      actor: 'system',
      action: 'auth.login.failed',
      details: {
        loginHash: createHash('sha256').update('nobody-here').digest('hex').slice(0, 16),
        purpose: 'login',
        reason: 'unknown-login',
      },
    });
    // The typed text itself is never kept (it may be a password typed into the wrong field).
    expect(JSON.stringify(f.sink.entries())).not.toContain('nobody-here');
    // …including the lock after five attempts.
    const codes: string[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await caught(() => authenticate(f.deps, 'nobody-here', 'wrong'))).code);
    expect(codes.at(-1)).toBe('LOCKED');
  });

  it('a disabled account gets DISABLED with the right password', async () => {
    updateUser(f.deps, user.id, { disabled: true }, 'admin');
    const err = await caught(() => authenticate(f.deps, 'clerk1', PW));
    expect(err.code).toBe('DISABLED');
    expect(f.sink.entries().at(-1)?.details).toMatchObject({ reason: 'disabled' });
    expect((await caught(() => authenticate(f.deps, 'clerk1', 'wrong'))).code).toBe('WRONG_PASSWORD');
  });

  it('refuses to run inside a transaction, where the failure count would roll back', async () => {
    const err = await caught(() => f.db.transaction(() => authenticate(f.deps, 'clerk1', 'wrong'))());
    expect(err.code).toBe('INTERNAL');
    expect(failedAttempts()).toBe(0);
  });

  it('never logs a password', async () => {
    await caught(() => authenticate(f.deps, 'clerk1', 'Typo-Password-123'));
    authenticate(f.deps, 'clerk1', PW);
    const all = JSON.stringify(f.sink.entries());
    expect(all).not.toContain('Typo-Password-123');
    expect(all).not.toContain(PW);
  });
});

describe('unlockSigningKey', () => {
  it('returns the key of the user’s certificate; its CMS signature verifies with openssl', () => {
    const { keyPem, certPem } = unlockSigningKey(f.deps, user.id, PW);
    expect(keyMatchesCert(keyPem, parseCert(certPem))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'auth-cms-'));
    try {
      const content = Buffer.from('案件材料清单\n');
      writeFileSync(join(dir, 'ca.pem'), ca.certPem);
      writeFileSync(join(dir, 'f.txt'), content);
      writeFileSync(join(dir, 'f.p7s'), signDetached(content, certPem, keyPem, realClock));
      const r = openssl([
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        join(dir, 'f.p7s'),
        '-content',
        join(dir, 'f.txt'),
        '-CAfile',
        join(dir, 'ca.pem'),
        '-out',
        '/dev/null',
      ]);
      expect(r.status, r.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('wrong passwords count toward the same lockout', async () => {
    await caught(() => authenticate(f.deps, 'clerk1', 'wrong'));
    const errs: string[] = [];
    for (let i = 0; i < 4; i++)
      errs.push((await caught(() => unlockSigningKey(f.deps, user.id, 'wrong'))).code);
    expect(errs).toEqual(['WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'LOCKED']);
    expect(f.sink.entries().filter((e) => e.details?.purpose === 'signing')).toHaveLength(4);
    expect((await caught(() => unlockSigningKey(f.deps, user.id, PW))).code).toBe('LOCKED');
    expect((await caught(() => authenticate(f.deps, 'clerk1', PW))).code).toBe('LOCKED');
  });
});

describe('changePassword', () => {
  it('re-encrypts the same key under the new password and logs the change', async () => {
    const next = 'Changed-Passw0rd';
    const wrong = await caught(() => changePassword(f.deps, user.id, 'wrong-old', next));
    expect(wrong.code).toBe('WRONG_PASSWORD');
    expect(wrong.message).toContain('Wrong password.');
    expect(failedAttempts()).toBe(1);
    expect((await caught(() => changePassword(f.deps, user.id, PW, 'short'))).field).toBe('newPassword');
    const after = changePassword(f.deps, user.id, PW, next);
    expect(after.certFingerprint).toBe(user.certFingerprint);
    expect(failedAttempts()).toBe(0);
    expect(f.sink.entries().at(-1)).toEqual({
      actor: 'clerk1',
      action: 'user.password.change',
      subjects: [`user:${user.id}`],
      details: { login: 'clerk1' },
    });
    expect((await caught(() => authenticate(f.deps, 'clerk1', PW))).code).toBe('WRONG_PASSWORD');
    expect(authenticate(f.deps, 'clerk1', next).id).toBe(user.id);
    const { keyPem, certPem } = unlockSigningKey(f.deps, user.id, next);
    expect(keyMatchesCert(keyPem, parseCert(certPem))).toBe(true);
    expect(JSON.stringify(f.sink.entries())).not.toContain(next);
  });
});
