/**
 * Password checks with lockout: sign-in, unlocking a signing key, changing one's password.
 * Five consecutive wrong passwords lock the account until an administrator unlocks it. Every
 * failure and every lock is written to the custody log, and that write commits before the error
 * is thrown — so these functions must not run inside a caller's transaction (checked).
 */
import { sha256Hex } from '../core/hash';
import { EngineError } from '../core/errors';
import type { UserInfo } from '../api/types';
import { SYSTEM_ACTOR, type IdentityDeps } from './deps';
import { decryptPrivateKey, encryptPrivateKey } from './keys';
import { hashPassword, verifyPassword } from './passwords';
import { checkNewPassword, requireUserRow, toUserInfo, userRowByLogin, type UserRow } from './user-store';

export const MAX_FAILED_ATTEMPTS = 5;

type Purpose = 'login' | 'signing' | 'password-change';

/**
 * Unknown logins get the same answers as real ones, counter and lock included, so the login
 * screen does not reveal which accounts exist. Kept in memory (bounded): nothing to persist.
 */
const unknownFailures = new Map<string, number>();
let dummyHash: string | undefined;

function lockedError(): EngineError {
  return new EngineError(
    'LOCKED',
    `This account is locked after ${MAX_FAILED_ATTEMPTS} consecutive wrong passwords. An administrator must unlock it.`,
    { hint: 'Ask a system administrator (系统管理员) to unlock the account under Admin → Users.' },
  );
}

function wrongPasswordError(remaining: number, knownUser: boolean): EngineError {
  const what = knownUser ? 'Wrong password.' : 'Wrong login or password.';
  const left = `${remaining} attempt${remaining === 1 ? '' : 's'} left before the account is locked.`;
  return new EngineError('WRONG_PASSWORD', `${what} ${left}`, {
    field: 'password',
    hint: `Check Caps Lock and the input method; after ${MAX_FAILED_ATTEMPTS} consecutive failures an administrator must unlock the account.`,
  });
}

function disabledError(): EngineError {
  return new EngineError('DISABLED', 'This account is disabled.', {
    hint: 'Ask a system administrator to enable it again.',
  });
}

function assertNoTransaction(deps: IdentityDeps): void {
  if (deps.db.inTransaction) {
    throw new EngineError(
      'INTERNAL',
      'Password checks must not run inside a transaction: failure counts would roll back.',
    );
  }
}

/** Records a failed attempt on an unknown login and throws what a real account would. */
function failUnknown(deps: IdentityDeps, login: string, password: string): never {
  const key = login.toLowerCase();
  const count = (unknownFailures.get(key) ?? 0) + 1;
  if (count <= MAX_FAILED_ATTEMPTS) {
    // Same cost as checking a real account (a locked one is answered without a check).
    dummyHash ??= hashPassword('not-a-password-' + Math.random());
    verifyPassword(password, dummyHash);
  }
  unknownFailures.delete(key);
  if (unknownFailures.size >= 1000) unknownFailures.delete(unknownFailures.keys().next().value!);
  unknownFailures.set(key, count);
  deps.db.transaction(() => {
    deps.custody.append({
      actor: SYSTEM_ACTOR,
      action: 'auth.login.failed',
      // Not the text: people type passwords into the login field, and this log is forever.
      // A short hash still shows repeated attempts on the same unknown name.
      details: { loginHash: sha256Hex(key).slice(0, 16), purpose: 'login', reason: 'unknown-login' },
    });
  })();
  throw count >= MAX_FAILED_ATTEMPTS ? lockedError() : wrongPasswordError(MAX_FAILED_ATTEMPTS - count, false);
}

/**
 * Checks `password` for `row`, counting failures. Throws LOCKED, WRONG_PASSWORD or DISABLED
 * after committing the failure to the database and the custody log. On success returns; the
 * caller clears the failure count.
 */
function checkPassword(deps: IdentityDeps, row: UserRow, password: string, purpose: Purpose): void {
  const { db, custody } = deps;
  const subjects = [`user:${row.id}`];
  const logFailure = (reason: string, failedAttempts: number) =>
    custody.append({
      actor: SYSTEM_ACTOR,
      action: 'auth.login.failed',
      subjects,
      details: { login: row.login, purpose, reason, failedAttempts },
    });
  if (row.locked_at !== null) {
    db.transaction(() => logFailure('locked', row.failed_attempts))();
    throw lockedError();
  }
  if (!verifyPassword(password, row.password_hash)) {
    const failed = db.transaction(() => {
      // Increment in SQL so two concurrent attempts cannot both read the same count.
      const n = db
        .prepare(
          'UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts',
        )
        .pluck()
        .get(row.id) as number;
      logFailure('wrong-password', n);
      if (n >= MAX_FAILED_ATTEMPTS) {
        db.prepare('UPDATE users SET locked_at = ? WHERE id = ?').run(deps.clock.now().toISOString(), row.id);
        custody.append({
          actor: SYSTEM_ACTOR,
          action: 'user.locked',
          subjects,
          details: { login: row.login, failedAttempts: n },
        });
      }
      return n;
    })();
    throw failed >= MAX_FAILED_ATTEMPTS
      ? lockedError()
      : wrongPasswordError(MAX_FAILED_ATTEMPTS - failed, purpose !== 'login');
  }
  if (row.disabled) {
    db.transaction(() => logFailure('disabled', row.failed_attempts))();
    throw disabledError();
  }
}

function clearFailures(deps: IdentityDeps, row: UserRow): void {
  if (row.failed_attempts > 0)
    deps.db.prepare('UPDATE users SET failed_attempts = 0 WHERE id = ?').run(row.id);
}

/**
 * Signs a user in. Logs 'auth.login' on success; on failure logs 'auth.login.failed' (and
 * 'user.locked' at the fifth failure) and throws WRONG_PASSWORD (with the attempts left),
 * LOCKED or DISABLED. An unknown login gets the same WRONG_PASSWORD as a wrong password.
 */
export function authenticate(deps: IdentityDeps, login: string, password: string): UserInfo {
  assertNoTransaction(deps);
  const row = userRowByLogin(deps.db, String(login ?? '').trim());
  if (!row) failUnknown(deps, String(login ?? '').trim(), password);
  checkPassword(deps, row, password, 'login');
  return deps.db.transaction(() => {
    clearFailures(deps, row);
    deps.custody.append({
      actor: row.login,
      action: 'auth.login',
      subjects: [`user:${row.id}`],
      details: { login: row.login },
    });
    return toUserInfo(requireUserRow(deps.db, row.id));
  })();
}

/**
 * Asks for the password again before a signature and returns the user's decrypted private key
 * (PKCS#8 PEM) and certificate. A wrong password counts toward the lockout. The key is only
 * returned to the caller, never stored unencrypted.
 */
export function unlockSigningKey(
  deps: IdentityDeps,
  userId: number,
  password: string,
): { keyPem: string; certPem: string } {
  assertNoTransaction(deps);
  const row = requireUserRow(deps.db, userId);
  checkPassword(deps, row, password, 'signing');
  clearFailures(deps, row);
  return { keyPem: decryptStored(row, password), certPem: row.cert_pem };
}

function decryptStored(row: UserRow, password: string): string {
  try {
    return decryptPrivateKey(row.key_pem_encrypted, password);
  } catch (err) {
    // The hash matched, so the stored key and hash disagree: damage, not a wrong password.
    throw new EngineError(
      'DATABASE_CORRUPT',
      `The signing key of user "${row.login}" cannot be opened with the right password.`,
      {
        hint: 'An administrator can reset the password, which issues a new key and certificate.',
        cause: err,
      },
    );
  }
}

/**
 * Changes a user's own password: checks the old one (counting toward lockout), re-encrypts the
 * same signing key under the new one, stores the new hash, logs 'user.password.change'.
 */
export function changePassword(
  deps: IdentityDeps,
  userId: number,
  oldPassword: string,
  newPassword: string,
): UserInfo {
  assertNoTransaction(deps);
  checkNewPassword(newPassword, 'newPassword');
  const row = requireUserRow(deps.db, userId);
  checkPassword(deps, row, oldPassword, 'password-change');
  const keyPemEncrypted = encryptPrivateKey(decryptStored(row, oldPassword), newPassword);
  const passwordHash = hashPassword(newPassword);
  return deps.db.transaction(() => {
    deps.db
      .prepare('UPDATE users SET password_hash = ?, key_pem_encrypted = ?, failed_attempts = 0 WHERE id = ?')
      .run(passwordHash, keyPemEncrypted, row.id);
    deps.custody.append({
      actor: row.login,
      action: 'user.password.change',
      subjects: [`user:${row.id}`],
      details: { login: row.login },
    });
    return toUserInfo(requireUserRow(deps.db, row.id));
  })();
}
