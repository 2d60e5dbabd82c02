/**
 * RSA key pairs and password-encrypted private keys.
 *
 * Keys are generated and encrypted with node:crypto only (RSA, PBKDF2-HMAC-SHA256, AES-256-CBC
 * all exist in OpenSSL and in Electron's BoringSSL), so a key written by the CLI under plain Node
 * opens in the app and vice versa. The encrypted form is standard PKCS#8 (`ENCRYPTED PRIVATE KEY`,
 * PBES2) that `openssl pkey` also reads. node:crypto's own `export({cipher})` is not used: it
 * fixes PBKDF2 at 2,048 iterations, which would make the stored key far cheaper to guess than the
 * scrypt password hash beside it.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  pbkdf2Sync,
  randomBytes,
} from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { EngineError } from '../core/errors';
import { normalizePassword } from './passwords';

/** Key size for every RSA key the workstation makes: signatures on archives must outlive 2030. */
export const RSA_BITS = 3072;

/** PBKDF2-HMAC-SHA256 iterations (OWASP 2023); ~150 ms here, comparable to the scrypt hash. */
export const PBKDF2_ITERATIONS = 600_000;

const OID_PBES2 = '1.2.840.113549.1.5.13';
const OID_PBKDF2 = '1.2.840.113549.1.5.12';
const OID_HMAC_SHA256 = '1.2.840.113549.2.9';
const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42';

export interface RsaKeyPair {
  /** PKCS#8 `PRIVATE KEY` PEM (unencrypted: keep it in memory or in a 0600 file). */
  privateKeyPem: string;
  /** SPKI `PUBLIC KEY` PEM. */
  publicKeyPem: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Generates an RSA key pair (e = 65537) on libuv's thread pool, so the ~1 s a 3072-bit key takes
 * does not block the engine's event loop.
 */
export async function generateRsaKeyPair(bits: number = RSA_BITS): Promise<RsaKeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: bits,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** The SPKI public key PEM of a private key PEM. */
export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

const { asn1 } = forge;
const seq = (...items: forge.asn1.Asn1[]) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const oid = (id: string) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const octets = (b: Buffer) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, b.toString('binary'));
const int = (n: number) =>
  asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');

function deriveKey(password: string, salt: Buffer, iterations: number): Buffer {
  return pbkdf2Sync(Buffer.from(normalizePassword(password), 'utf8'), salt, iterations, 32, 'sha256');
}

/**
 * Encrypts a private key PEM under a password: PKCS#8 EncryptedPrivateKeyInfo with PBES2
 * (PBKDF2-HMAC-SHA256, 600,000 iterations, 16-byte salt; AES-256-CBC). Returns
 * `ENCRYPTED PRIVATE KEY` PEM.
 */
export function encryptPrivateKey(keyPem: string, password: string): string {
  const der = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', deriveKey(password, salt, PBKDF2_ITERATIONS), iv);
  const encrypted = Buffer.concat([cipher.update(der), cipher.final()]);
  const info = seq(
    seq(
      oid(OID_PBES2),
      seq(
        seq(oid(OID_PBKDF2), seq(octets(salt), int(PBKDF2_ITERATIONS), seq(oid(OID_HMAC_SHA256), nul()))),
        seq(oid(OID_AES256_CBC), octets(iv)),
      ),
    ),
    octets(encrypted),
  );
  return forge.pem.encode(
    { type: 'ENCRYPTED PRIVATE KEY', body: asn1.toDer(info).getBytes() },
    { maxline: 64 },
  );
}

interface Pbes2Params {
  salt: Buffer;
  iterations: number;
  iv: Buffer;
  data: Buffer;
}

/** Reads the PBES2 parameters this module writes; anything else is refused with a clear message. */
function parseEncrypted(encPem: string): Pbes2Params {
  const bad = (what: string) =>
    new EngineError('BAD_INPUT', `The encrypted private key is not in the expected format: ${what}.`, {
      hint: 'Expected PKCS#8 PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), as written by this workstation.',
    });
  let node: forge.asn1.Asn1;
  try {
    const msg = forge.pem.decode(encPem)[0];
    if (!msg || msg.type !== 'ENCRYPTED PRIVATE KEY') throw bad('no ENCRYPTED PRIVATE KEY block');
    node = asn1.fromDer(msg.body);
  } catch (err) {
    if (err instanceof EngineError) throw err;
    throw bad('not valid PEM/DER');
  }
  const v = (n: forge.asn1.Asn1 | undefined, i: number): forge.asn1.Asn1 => {
    const child = Array.isArray(n?.value) ? (n!.value as forge.asn1.Asn1[])[i] : undefined;
    if (!child) throw bad('structure');
    return child;
  };
  const bytes = (n: forge.asn1.Asn1) => Buffer.from(n.value as string, 'binary');
  const oidOf = (n: forge.asn1.Asn1) => asn1.derToOid(n.value as string);
  const alg = v(node, 0);
  if (oidOf(v(alg, 0)) !== OID_PBES2) throw bad('not PBES2');
  const kdf = v(v(alg, 1), 0);
  const scheme = v(v(alg, 1), 1);
  if (oidOf(v(kdf, 0)) !== OID_PBKDF2) throw bad('key derivation is not PBKDF2');
  const params = v(kdf, 1);
  const prf = (params.value as forge.asn1.Asn1[]).find((n) => n.type === asn1.Type.SEQUENCE);
  if (!prf || oidOf(v(prf, 0)) !== OID_HMAC_SHA256) throw bad('PBKDF2 PRF is not HMAC-SHA256');
  if (oidOf(v(scheme, 0)) !== OID_AES256_CBC) throw bad('cipher is not AES-256-CBC');
  const iterations = asn1.derToInteger(v(params, 1).value as string);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000)
    throw bad('iteration count');
  return { salt: bytes(v(params, 0)), iterations, iv: bytes(v(scheme, 1)), data: bytes(v(node, 1)) };
}

/**
 * Decrypts a key written by {@link encryptPrivateKey}. Returns the PKCS#8 `PRIVATE KEY` PEM.
 * Throws WRONG_PASSWORD when the password does not open it.
 */
export function decryptPrivateKey(encPem: string, password: string): string {
  const p = parseEncrypted(encPem);
  try {
    const decipher = createDecipheriv('aes-256-cbc', deriveKey(password, p.salt, p.iterations), p.iv);
    const der = Buffer.concat([decipher.update(p.data), decipher.final()]);
    // Padding can come out valid by chance (1 in 256) with a wrong key; parsing catches that.
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
  } catch {
    throw new EngineError('WRONG_PASSWORD', 'The password does not open this private key.', {
      field: 'password',
      hint: 'Enter the password of the account that owns the key.',
    });
  }
}
