import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decryptPrivateKey,
  encryptPrivateKey,
  generateRsaKeyPair,
  publicKeyOf,
  RSA_BITS,
  type RsaKeyPair,
} from '../../../native/identity/keys';
import { caught, openssl } from './helpers';

let pair: RsaKeyPair;
let dir: string;

beforeAll(async () => {
  pair = await generateRsaKeyPair();
  dir = mkdtempSync(join(tmpdir(), 'keys-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('RSA keys', () => {
  it('generates 3072-bit RSA key pairs whose halves belong together', () => {
    const key = createPrivateKey(pair.privateKeyPem);
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(RSA_BITS);
    expect(RSA_BITS).toBe(3072);
    expect(publicKeyOf(pair.privateKeyPem)).toBe(pair.publicKeyPem);
  });

  it('encrypts a private key as standard PKCS#8 that decrypts with the password', () => {
    const enc = encryptPrivateKey(pair.privateKeyPem, 'Zhang-San-2025');
    expect(enc).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(enc).not.toContain(pair.privateKeyPem.split('\n')[1]!);
    expect(decryptPrivateKey(enc, 'Zhang-San-2025')).toBe(pair.privateKeyPem);
  });

  it('the encrypted key opens with openssl (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC)', () => {
    const file = join(dir, 'enc.pem');
    writeFileSync(file, encryptPrivateKey(pair.privateKeyPem, 'secret-pass'));
    const parsed = openssl(['asn1parse', '-in', file]);
    expect(parsed.stdout).toContain('PBES2');
    expect(parsed.stdout).toContain('hmacWithSHA256');
    expect(parsed.stdout).toContain('aes-256-cbc');
    const ok = openssl(['pkey', '-in', file, '-passin', 'pass:secret-pass', '-noout']);
    expect(ok.status, ok.stderr).toBe(0);
    const bad = openssl(['pkey', '-in', file, '-passin', 'pass:wrong-pass', '-noout']);
    expect(bad.status).not.toBe(0);
  });

  it('a wrong password gives WRONG_PASSWORD', async () => {
    const enc = encryptPrivateKey(pair.privateKeyPem, 'right password');
    for (const pw of ['wrong password', 'right passwor', '']) {
      const err = await caught(() => decryptPrivateKey(enc, pw));
      expect(err.code).toBe('WRONG_PASSWORD');
    }
  });

  it('Chinese passwords work', () => {
    const enc = encryptPrivateKey(pair.privateKeyPem, '证据管理员的密码');
    expect(decryptPrivateKey(enc, '证据管理员的密码')).toBe(pair.privateKeyPem);
  });

  it('salts: encrypting twice gives different output', () => {
    expect(encryptPrivateKey(pair.privateKeyPem, 'p')).not.toBe(encryptPrivateKey(pair.privateKeyPem, 'p'));
  });

  it('refuses text that is not an encrypted key with BAD_INPUT', async () => {
    expect((await caught(() => decryptPrivateKey(pair.privateKeyPem, 'x'))).code).toBe('BAD_INPUT');
    expect((await caught(() => decryptPrivateKey('garbage', 'x'))).code).toBe('BAD_INPUT');
  });
});
