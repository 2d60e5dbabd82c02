/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys, and tlog checkpoints
 * (https://c2sp.org/tlog-checkpoint). A note is text ending in a newline, a blank line, then
 * lines `— <key name> base64(keyID ‖ signature)`; the signature covers the text including its
 * final newline. keyID = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4].
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { EngineError } from '../core/errors';

const ED25519 = 0x01;
const SIG_PREFIX = '\u2014 ';
const SIG_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/;
const MAX_SIGNATURES = 100;

/** ASCII control characters other than newline are not allowed anywhere in a note. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}
export interface NoteKey {
  privateKeyPem: string;
  publicKeyPem: string;
  /** Verifier key: name+hex(keyID)+base64(0x01 ‖ public key). */
  vkey: string;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

function checkName(name: string): void {
  if (typeof name !== 'string' || name === '' || /[\s+]/u.test(name) || hasControl(name)) {
    throw new EngineError(
      'BAD_INPUT',
      `Note key name "${name}" is not valid: it must be non-empty, without spaces or "+".`,
      {
        field: 'name',
        hint: 'Use a name like "evidence.example.gov.cn/workstation-1".',
      },
    );
  }
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || !jwk.x) {
    throw new EngineError('BAD_INPUT', 'The note key is not an Ed25519 key.', { field: 'privateKeyPem' });
  }
  return Buffer.from(jwk.x, 'base64url');
}

/** keyID = first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
export function noteKeyId(name: string, publicKey: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.from(name + '\n', 'utf8'))
    .update(Buffer.from([ED25519]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** The verifier key for `name` and an Ed25519 public key (PEM). */
export function vkeyOf(name: string, publicKeyPem: string): string {
  checkName(name);
  const pub = rawPublicKey(createPublicKey(publicKeyPem));
  return `${name}+${noteKeyId(name, pub).toString('hex')}+${Buffer.concat([Buffer.from([ED25519]), pub]).toString('base64')}`;
}

/** Creates an Ed25519 note key: PKCS#8 / SPKI PEM and the verifier key to publish. */
export function generateNoteKey(name: string): NoteKey {
  checkName(name);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem,
    vkey: vkeyOf(name, publicKeyPem),
  };
}

/** Signs `body` (text ending in a newline) as key `name`; returns the whole note. */
export function signNote(body: string, name: string, privateKeyPem: string): string {
  checkName(name);
  if (!body.endsWith('\n') || hasControl(body)) {
    throw new EngineError('BAD_INPUT', 'Note text must end with a newline and hold no control characters.', {
      field: 'body',
    });
  }
  const key = createPrivateKey(privateKeyPem);
  const keyId = noteKeyId(name, rawPublicKey(createPublicKey(key)));
  const sig = sign(null, Buffer.from(body, 'utf8'), key);
  return `${body}\n${SIG_PREFIX}${name} ${Buffer.concat([keyId, sig]).toString('base64')}\n`;
}

/** Parses a verifier key; throws BAD_INPUT when it is malformed or its key ID does not match. */
export function parseVkey(vkey: string): { name: string; keyId: Buffer; publicKey: KeyObject } {
  const fail = (why: string) =>
    new EngineError('BAD_INPUT', `Verifier key is not valid (${why}): ${vkey}`, {
      field: 'vkey',
      hint: 'A verifier key looks like name+1a2b3c4d+AR…= (see workstation.vkey in a log export).',
    });
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(vkey?.trim() ?? '');
  if (!m) throw fail('format');
  const [, name, idHex, b64] = m as unknown as [string, string, string, string];
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 33 || raw[0] !== ED25519) throw fail('not an Ed25519 key');
  const pub = raw.subarray(1);
  const keyId = noteKeyId(name, pub);
  if (keyId.toString('hex') !== idHex) throw fail('key ID does not match the key');
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') },
    format: 'jwk',
  });
  return { name, keyId, publicKey };
}

/**
 * Verifies `note` against one verifier key. As in Go's note.Open, the first signature line
 * with the key's name and key ID decides; lines of other keys are ignored.
 */
export function verifyNote(note: string, vkey: string): { ok: boolean; body: string; reason?: string } {
  const key = parseVkey(vkey);
  const split = note.lastIndexOf('\n\n');
  const body = split >= 0 ? note.slice(0, split + 1) : '';
  const no = (reason: string) => ({ ok: false, body, reason });
  if (hasControl(note)) return no('the note holds control characters');
  if (split < 0) return no('no blank line before the signatures');
  const sigText = note.slice(split + 2);
  if (!sigText.endsWith('\n')) return no('the signature block does not end with a newline');
  const lines = sigText.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return no('too many signatures');
  for (const line of lines) {
    const m = SIG_LINE.exec(line);
    if (!m) return no(`malformed signature line: ${line}`);
    const sig = Buffer.from(m[2]!, 'base64');
    if (sig.length < 5) return no('signature too short');
    if (m[1] !== key.name || !sig.subarray(0, 4).equals(key.keyId)) continue;
    const good = sig.length === 68 && verify(null, Buffer.from(body, 'utf8'), key.publicKey, sig.subarray(4));
    return good ? { ok: true, body } : no(`the signature by ${key.name} does not verify`);
  }
  return no(`no signature by ${key.name}`);
}

/** Checkpoint body: origin, tree size and base64 root, each on its own line. */
export function checkpointBody(origin: string, size: number, root: Buffer): string {
  if (!origin || /[\n]/.test(origin) || hasControl(origin)) {
    throw new EngineError('BAD_INPUT', 'Checkpoint origin must be one non-empty line.', { field: 'origin' });
  }
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

/** Parses the body of a checkpoint note (or a bare body). Does not check the signature. */
export function parseCheckpoint(note: string): Checkpoint {
  const split = note.lastIndexOf('\n\n');
  const body = split >= 0 ? note.slice(0, split + 1) : note;
  const lines = body.split('\n');
  const [origin, sizeText, rootText] = lines;
  const fail = (why: string) =>
    new EngineError('BAD_INPUT', `Not a checkpoint (${why}).`, {
      hint: 'Expected origin, size and base64 root lines.',
    });
  if (lines.length < 4 || !origin) throw fail('too few lines');
  if (!sizeText || !/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText)))
    throw fail('bad size');
  const root = Buffer.from(rootText ?? '', 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootText) throw fail('bad root hash');
  return { origin, size: Number(sizeText), root };
}
