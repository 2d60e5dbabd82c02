import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { EngineError } from '../core/errors';

/**
 * Password hashing with scrypt from node:crypto (present in OpenSSL and in Electron's BoringSSL).
 * N = 2^15, r = 8, p = 1 costs ~95 ms and 32 MiB on the reference 2-core machine: slow enough to
 * make guessing expensive, fast enough for a login.
 */
const COST_LOG2 = 15;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

/** scrypt needs 128·N·r bytes; Node's default maxmem (32 MiB) is exactly that, so allow headroom. */
function maxmemFor(n: number, r: number): number {
  return 2 * 128 * n * r + 1024 * 1024;
}

/** Passwords are compared after Unicode NFC, so the same password typed through different input methods matches. */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/**
 * Hashes a password as `scrypt$N$r$p$salt_b64$hash_b64` with a fresh random salt.
 * The result is safe to store; the password itself never is.
 */
export function hashPassword(password: string): string {
  const n = 2 ** COST_LOG2;
  const salt = randomBytes(SALT_BYTES);
  const hash = scryptSync(normalizePassword(password), salt, HASH_BYTES, {
    N: n,
    r: BLOCK_SIZE,
    p: PARALLEL,
    maxmem: maxmemFor(n, BLOCK_SIZE),
  });
  return ['scrypt', n, BLOCK_SIZE, PARALLEL, salt.toString('base64'), hash.toString('base64')].join('$');
}

interface ParsedHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

/** Parses a stored hash; bounds the parameters so a damaged row cannot make us allocate gigabytes. */
function parseHash(stored: string): ParsedHash {
  const parts = stored.split('$');
  const bad = () =>
    new EngineError(
      'DATABASE_CORRUPT',
      'A stored password hash is malformed (expected scrypt$N$r$p$salt$hash).',
      {
        hint: 'Have an administrator reset this user’s password.',
      },
    );
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw bad();
  const [n, r, p] = parts.slice(1, 4).map((s) => Number(s)) as [number, number, number];
  const validN = Number.isInteger(n) && n >= 2 && n <= 2 ** 20 && (n & (n - 1)) === 0;
  if (!validN || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16)
    throw bad();
  const salt = Buffer.from(parts[4]!, 'base64');
  const hash = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || hash.length < 16 || hash.length > 64) throw bad();
  return { n, r, p, salt, hash };
}

/**
 * Checks a password against a stored `scrypt$…` hash in constant time.
 * Returns false for a wrong password; throws DATABASE_CORRUPT for a malformed stored hash
 * (so a damaged row is not mistaken for a wrong password and does not lock the user out).
 */
export function verifyPassword(password: string, stored: string): boolean {
  const { n, r, p, salt, hash } = parseHash(stored);
  const actual = scryptSync(normalizePassword(password), salt, hash.length, {
    N: n,
    r,
    p,
    maxmem: maxmemFor(n, r),
  });
  return timingSafeEqual(actual, hash);
}
