/**
 * The users table: row shape, reads, and the two halves of adding a user — `prepareUser` does
 * the slow, asynchronous work (key generation, certificate, hashing) before any transaction;
 * `insertUser` writes the row and its custody entry inside one.
 */
import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';
import type { Role, UserInfo } from '../api/types';
import type { Db } from '../storage/db';
import { caOrganization, issueCertificate, type CaMaterial } from './ca';
import { certFingerprint, parseCert, subjectText } from './cert-info';
import type { CustodySink } from './deps';
import { encryptPrivateKey, generateRsaKeyPair, type RsaKeyPair } from './keys';
import { hashPassword } from './passwords';
import { isRole } from './permissions';

export interface UserRow {
  id: number;
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  failed_attempts: number;
  locked_at: string | null;
  disabled: number;
  key_pem_encrypted: string;
  cert_pem: string;
  created_at: string;
}

export const LOGIN_PATTERN = /^[A-Za-z0-9._-]{2,32}$/;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

/** Subject text and fingerprint per certificate PEM: parsing costs ~2 ms and getUser runs per request. */
const certCache = new Map<string, { subject: string; fingerprint: string }>();

function certSummary(certPem: string): { subject: string; fingerprint: string } {
  let hit = certCache.get(certPem);
  if (!hit) {
    hit = { subject: subjectText(parseCert(certPem)), fingerprint: certFingerprint(certPem) };
    if (certCache.size >= 1000) certCache.delete(certCache.keys().next().value!);
    certCache.set(certPem, hit);
  }
  return hit;
}

/** The API view of a row: no hashes, no keys. */
export function toUserInfo(row: UserRow): UserInfo {
  const cert = certSummary(row.cert_pem);
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    role: row.role,
    locked: row.locked_at !== null,
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
    certSubject: cert.subject,
    certFingerprint: cert.fingerprint,
  };
}

export function userRowById(db: Db, id: number): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

/** Logins compare case-insensitively (the column is COLLATE NOCASE). */
export function userRowByLogin(db: Db, login: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE login = ?').get(login) as UserRow | undefined;
}

/** The row of user `id`, or NOT_FOUND. */
export function requireUserRow(db: Db, id: number): UserRow {
  const row = userRowById(db, id);
  if (!row) throw new EngineError('NOT_FOUND', `There is no user with id ${id}.`, { field: 'id' });
  return row;
}

/** BAD_INPUT unless the password has an acceptable length. */
export function checkNewPassword(password: string, field = 'password'): void {
  if (
    typeof password !== 'string' ||
    password.length < MIN_PASSWORD_LENGTH ||
    password.length > MAX_PASSWORD_LENGTH
  ) {
    throw new EngineError(
      'BAD_INPUT',
      `The password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
      { field, hint: 'Choose a longer password; a short sentence is easy to remember.' },
    );
  }
}

export interface NewUserInput {
  login: string;
  name: string;
  role: Role;
  password: string;
}

/** Everything a new (or re-keyed) user row needs, computed before the transaction. */
export interface UserKeyMaterial {
  passwordHash: string;
  keyPemEncrypted: string;
  certPem: string;
  certFingerprint: string;
}

export interface PreparedUser extends UserKeyMaterial {
  login: string;
  name: string;
  role: Role;
}

/** Checks the fields of a new user; BAD_INPUT naming the field. */
export function checkNewUser(input: NewUserInput): void {
  if (typeof input.login !== 'string' || !LOGIN_PATTERN.test(input.login)) {
    throw new EngineError('BAD_INPUT', `Login "${String(input.login)}" is not valid.`, {
      field: 'login',
      hint: 'Use 2–32 letters, digits, dots, dashes or underscores, e.g. zhang.san.',
    });
  }
  if (typeof input.name !== 'string' || input.name.trim() === '' || input.name.trim().length > 64) {
    throw new EngineError('BAD_INPUT', 'The name must have 1 to 64 characters.', { field: 'name' });
  }
  if (!isRole(input.role)) {
    throw new EngineError('BAD_INPUT', `"${String(input.role)}" is not a role.`, {
      field: 'role',
      hint: 'Roles: officer, clerk, archivist, reviewer, supervisor, admin.',
    });
  }
  checkNewPassword(input.password);
}

/**
 * Makes a user's key material: a fresh RSA key pair, a certificate from the agency CA
 * (CN = name, UID = login; the role is left out because it can change while the certificate
 * lives), the private key encrypted under the password, and the scrypt hash of the password.
 */
export async function makeKeyMaterial(
  who: { login: string; name: string },
  password: string,
  ca: CaMaterial,
  clock: Clock,
  keyPair?: Promise<RsaKeyPair>,
): Promise<UserKeyMaterial> {
  const pair = await (keyPair ?? generateRsaKeyPair());
  const certPem = issueCertificate(
    ca,
    { commonName: who.name.trim(), login: who.login, organization: caOrganization(ca.certPem) },
    pair.publicKeyPem,
    { kind: 'user' },
    clock,
  );
  return {
    passwordHash: hashPassword(password),
    keyPemEncrypted: encryptPrivateKey(pair.privateKeyPem, password),
    certPem,
    certFingerprint: certFingerprint(certPem),
  };
}

/**
 * Validates a new user and makes its key material (slow: ~1 s for the RSA key, unless a key
 * pair already being generated is passed in).
 */
export async function prepareUser(
  input: NewUserInput,
  ca: CaMaterial,
  clock: Clock,
  keyPair?: Promise<RsaKeyPair>,
): Promise<PreparedUser> {
  checkNewUser(input);
  const material = await makeKeyMaterial(input, input.password, ca, clock, keyPair);
  return { login: input.login, name: input.name.trim(), role: input.role, ...material };
}

/**
 * Inserts a prepared user and its 'user.add' custody entry. Must run inside a transaction
 * (the caller's), so the row and the entry commit together. The password is never logged.
 */
export function insertUser(
  db: Db,
  custody: CustodySink,
  user: PreparedUser,
  actor: string,
  clock: Clock,
): UserInfo {
  if (userRowByLogin(db, user.login)) {
    throw new EngineError('CONFLICT', `A user with login "${user.login}" already exists.`, {
      field: 'login',
    });
  }
  const info = db
    .prepare(
      `INSERT INTO users(login, name, role, password_hash, key_pem_encrypted, cert_pem, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      user.login,
      user.name,
      user.role,
      user.passwordHash,
      user.keyPemEncrypted,
      user.certPem,
      clock.now().toISOString(),
    );
  const id = Number(info.lastInsertRowid);
  custody.append({
    actor,
    action: 'user.add',
    subjects: [`user:${id}`],
    details: { login: user.login, name: user.name, role: user.role, certFingerprint: user.certFingerprint },
  });
  return toUserInfo(requireUserRow(db, id));
}
