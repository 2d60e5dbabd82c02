import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../native/identity/passwords';
import { caught } from './helpers';

describe('password hashing', () => {
  it('writes scrypt$N$r$p$salt$hash with N=2^15, r=8, p=1', () => {
    const h = hashPassword('correct horse');
    const parts = h.split('$');
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', String(2 ** 15), '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(32);
    expect(h).not.toContain('correct horse');
  });

  it('verifies the right password and rejects others', () => {
    const h = hashPassword('correct horse');
    expect(verifyPassword('correct horse', h)).toBe(true);
    expect(verifyPassword('correct horsE', h)).toBe(false);
    expect(verifyPassword('', h)).toBe(false);
  });

  it('salts: the same password hashes differently each time', () => {
    expect(hashPassword('same')).not.toBe(hashPassword('same'));
  });

  it('handles Chinese passwords and compares them after NFC normalisation', () => {
    const h = hashPassword('执法证据密码');
    expect(verifyPassword('执法证据密码', h)).toBe(true);
    expect(verifyPassword('执法证据密吗', h)).toBe(false);
    const composed = 'caf\u00e9-password';
    const decomposed = 'cafe\u0301-password';
    expect(verifyPassword(decomposed, hashPassword(composed))).toBe(true);
  });

  it('takes a deliberate amount of time (scrypt is not accidentally cheap)', () => {
    const h = hashPassword('x');
    const t = performance.now();
    verifyPassword('x', h);
    expect(performance.now() - t).toBeGreaterThan(20);
  });

  it('reports a malformed stored hash as damage, not as a wrong password', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$1$8$1$AAAA$AAAA',
      'scrypt$1048577$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==',
      'bcrypt$x',
    ]) {
      expect((await caught(() => verifyPassword('x', bad))).code).toBe('DATABASE_CORRUPT');
    }
  });
});
