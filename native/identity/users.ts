/**
 * User administration: add, list, change role or status, unlock, reset password. Each change is
 * one transaction holding the row change and its custody entry. Passwords and keys never reach
 * the log. Sign-in and password checks live in ./auth and are re-exported here.
 */
import { EngineError } from '../core/errors';
import type { Role, UserInfo } from '../api/types';
import type { Db } from '../storage/db';
import type { CaMaterial } from './ca';
import type { IdentityDeps } from './deps';
import { isRole } from './permissions';
import {
  checkNewPassword,
  insertUser,
  makeKeyMaterial,
  prepareUser,
  requireUserRow,
  toUserInfo,
  userRowById,
  userRowByLogin,
  type NewUserInput,
  type UserRow,
} from './user-store';

export { authenticate, changePassword, unlockSigningKey, MAX_FAILED_ATTEMPTS } from './auth';

/**
 * Adds a user: RSA key pair, certificate from the agency CA, private key encrypted under the
 * user's password, scrypt hash; logs 'user.add' (login, name, role, certificate fingerprint).
 * CONFLICT when the login exists. Async: the key pair is generated off the event loop (~1 s).
 */
export async function createUser(
  deps: IdentityDeps,
  input: NewUserInput,
  ca: CaMaterial,
  actorLogin: string,
): Promise<UserInfo> {
  // Checked before the slow key generation too, so a duplicate fails at once.
  if (typeof input.login === 'string' && userRowByLogin(deps.db, input.login)) {
    throw new EngineError('CONFLICT', `A user with login "${input.login}" already exists.`, {
      field: 'login',
    });
  }
  const prepared = await prepareUser(input, ca, deps.clock);
  return deps.db.transaction(() => insertUser(deps.db, deps.custody, prepared, actorLogin, deps.clock))();
}

/** All users, oldest first. */
export function listUsers(db: Db): UserInfo[] {
  return (db.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUserInfo);
}

/** One user, or undefined. */
export function getUser(db: Db, id: number): UserInfo | undefined {
  const row = userRowById(db, id);
  return row ? toUserInfo(row) : undefined;
}

/** One user by login (case-insensitive), or undefined. */
export function getUserByLogin(db: Db, login: string): UserInfo | undefined {
  const row = userRowByLogin(db, login);
  return row ? toUserInfo(row) : undefined;
}

/** One user, or NOT_FOUND. */
export function requireUser(db: Db, id: number): UserInfo {
  return toUserInfo(requireUserRow(db, id));
}

/** CONFLICT when `row` is the last enabled administrator and would stop being one. */
function guardLastAdmin(db: Db, row: UserRow, newRole: Role, newDisabled: boolean): void {
  const wasActiveAdmin = row.role === 'admin' && !row.disabled;
  const staysActiveAdmin = newRole === 'admin' && !newDisabled;
  if (!wasActiveAdmin || staysActiveAdmin) return;
  const others = db
    .prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id != ?")
    .pluck()
    .get(row.id) as number;
  if (others === 0) {
    throw new EngineError(
      'CONFLICT',
      `"${row.login}" is the last active administrator and cannot be demoted or disabled.`,
      {
        hint: 'Add or enable another administrator first.',
      },
    );
  }
}

/**
 * Changes a user's role and/or disabled flag; logs 'user.update' with what changed (from → to).
 * The last active administrator cannot be demoted or disabled (CONFLICT). No change, no entry.
 */
export function updateUser(
  deps: IdentityDeps,
  id: number,
  changes: { role?: Role; disabled?: boolean },
  actorLogin: string,
): UserInfo {
  if (changes.role !== undefined && !isRole(changes.role)) {
    throw new EngineError('BAD_INPUT', `"${String(changes.role)}" is not a role.`, { field: 'role' });
  }
  return deps.db.transaction(() => {
    const row = requireUserRow(deps.db, id);
    const role = changes.role ?? row.role;
    const disabled = changes.disabled ?? row.disabled !== 0;
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    if (role !== row.role) diff.role = { from: row.role, to: role };
    if (disabled !== (row.disabled !== 0)) diff.disabled = { from: row.disabled !== 0, to: disabled };
    if (Object.keys(diff).length === 0) return toUserInfo(row);
    guardLastAdmin(deps.db, row, role, disabled);
    deps.db.prepare('UPDATE users SET role = ?, disabled = ? WHERE id = ?').run(role, disabled ? 1 : 0, id);
    deps.custody.append({
      actor: actorLogin,
      action: 'user.update',
      subjects: [`user:${id}`],
      details: { login: row.login, changes: diff },
    });
    return toUserInfo(requireUserRow(deps.db, id));
  })();
}

/** Unlocks a locked account and clears its failure count; logs 'user.unlock'. */
export function unlockUser(deps: IdentityDeps, id: number, actorLogin: string): UserInfo {
  return deps.db.transaction(() => {
    const row = requireUserRow(deps.db, id);
    if (row.locked_at === null && row.failed_attempts === 0) return toUserInfo(row);
    deps.db.prepare('UPDATE users SET locked_at = NULL, failed_attempts = 0 WHERE id = ?').run(id);
    deps.custody.append({
      actor: actorLogin,
      action: 'user.unlock',
      subjects: [`user:${id}`],
      details: { login: row.login, lockedAt: row.locked_at, failedAttempts: row.failed_attempts },
    });
    return toUserInfo(requireUserRow(deps.db, id));
  })();
}

/**
 * An administrator sets a new password for a user who lost theirs. The old private key cannot be
 * decrypted without the old password, so the user gets a new key pair and a new certificate
 * (the old certificate stays valid for signatures already made). Also unlocks the account.
 * Logs 'user.password.reset' with the old and new certificate fingerprints.
 */
export async function resetPassword(
  deps: IdentityDeps,
  id: number,
  newPassword: string,
  ca: CaMaterial,
  actorLogin: string,
): Promise<UserInfo> {
  checkNewPassword(newPassword);
  const before = requireUserRow(deps.db, id);
  const material = await makeKeyMaterial(before, newPassword, ca, deps.clock);
  return deps.db.transaction(() => {
    const row = requireUserRow(deps.db, id);
    deps.db
      .prepare(
        `UPDATE users SET password_hash = ?, key_pem_encrypted = ?, cert_pem = ?, failed_attempts = 0, locked_at = NULL
         WHERE id = ?`,
      )
      .run(material.passwordHash, material.keyPemEncrypted, material.certPem, id);
    deps.custody.append({
      actor: actorLogin,
      action: 'user.password.reset',
      subjects: [`user:${id}`],
      details: {
        login: row.login,
        certFingerprint: material.certFingerprint,
        previousCertFingerprint: toUserInfo(row).certFingerprint,
      },
    });
    return toUserInfo(requireUserRow(deps.db, id));
  })();
}
