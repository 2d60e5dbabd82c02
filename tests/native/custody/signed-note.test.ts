import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  checkpointBody,
  generateNoteKey,
  parseCheckpoint,
  parseVkey,
  signNote,
  verifyNote,
  vkeyOf,
} from '../../../native/custody/signed-note';
import { EngineError } from '../../../native/core/errors';

// The example of Go's golang.org/x/mod/sumdb/note (the reference signed-note implementation).
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE =
  GO_TEXT +
  '\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

/** PKCS#8 PEM of the Go example's Ed25519 seed. */
function goPrivatePem(): string {
  const raw = Buffer.from(GO_SKEY.split('+').slice(4).join('+'), 'base64');
  expect(raw[0]).toBe(1);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), raw.subarray(1)]);
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
}

describe('signed note', () => {
  it('verifies the reference note of Go sumdb/note and reproduces its signature', () => {
    expect(verifyNote(GO_NOTE, GO_VKEY)).toEqual({ ok: true, body: GO_TEXT });
    expect(signNote(GO_TEXT, 'PeterNeumann', goPrivatePem())).toBe(GO_NOTE);
    expect(parseVkey(GO_VKEY).keyId.toString('hex')).toBe('c74f20a3');
  });

  it('ignores signatures of other keys, but a bad one by the key rejects the note', () => {
    expect(verifyNote(GO_NOTE + ENOCH_SIG, GO_VKEY).ok).toBe(true);
    const other = GO_TEXT + '\n' + ENOCH_SIG;
    expect(verifyNote(other, GO_VKEY)).toMatchObject({ ok: false, reason: 'no signature by PeterNeumann' });
    const tampered = GO_NOTE.replace('problem,', 'problems,');
    expect(verifyNote(tampered, GO_VKEY)).toMatchObject({
      ok: false,
      reason: 'the signature by PeterNeumann does not verify',
    });
  });

  it('round-trips with a generated key and rejects forgeries', () => {
    const key = generateNoteKey('evidence.example/ws-1');
    expect(key.vkey).toMatch(/^evidence\.example\/ws-1\+[0-9a-f]{8}\+A[A-Za-z0-9+/]{43}$/);
    expect(vkeyOf('evidence.example/ws-1', key.publicKeyPem)).toBe(key.vkey);
    const pub = Buffer.from(key.vkey.split('+').slice(2).join('+'), 'base64').subarray(1);
    const expectedId = createHash('sha256')
      .update(Buffer.concat([Buffer.from('evidence.example/ws-1\n'), Buffer.from([1]), pub]))
      .digest()
      .subarray(0, 4);
    expect(key.vkey.split('+')[1]).toBe(expectedId.toString('hex'));

    const body = checkpointBody('evidence.example/ws-1', 42, Buffer.alloc(32, 7));
    const note = signNote(body, 'evidence.example/ws-1', key.privateKeyPem);
    expect(note.startsWith(body + '\n— evidence.example/ws-1 ')).toBe(true);
    expect(verifyNote(note, key.vkey)).toEqual({ ok: true, body });

    const stranger = generateNoteKey('evidence.example/ws-1');
    expect(verifyNote(note, stranger.vkey).ok).toBe(false);
    expect(verifyNote(note.replace('\n42\n', '\n43\n'), key.vkey).ok).toBe(false);
    const sig = note.trimEnd().split(' ').pop()!;
    const raw = Buffer.from(sig, 'base64');
    raw[10] = raw[10]! ^ 1;
    expect(verifyNote(note.replace(sig, raw.toString('base64')), key.vkey).ok).toBe(false);
    expect(verifyNote(body, key.vkey).ok).toBe(false);
    expect(verifyNote(note.replace('— ', '-- '), key.vkey).ok).toBe(false);
    expect(verifyNote(note.slice(0, -1), key.vkey).ok).toBe(false);
    expect(
      verifyNote(note.replace('evidence.example/ws-1\n42', 'evidence.example/ws-1\t\n42'), key.vkey).ok,
    ).toBe(false);
  });

  it('refuses malformed keys, names and bodies', () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as EngineError).code;
      }
    };
    expect(codeOf(() => generateNoteKey('has space'))).toBe('BAD_INPUT');
    expect(codeOf(() => generateNoteKey('a+b'))).toBe('BAD_INPUT');
    expect(codeOf(() => generateNoteKey(''))).toBe('BAD_INPUT');
    expect(codeOf(() => parseVkey(GO_VKEY.replace('c74f20a3', 'c74f20a4')))).toBe('BAD_INPUT');
    expect(codeOf(() => parseVkey('PeterNeumann+c74f20a3'))).toBe('BAD_INPUT');
    const key = generateNoteKey('x');
    expect(codeOf(() => signNote('no newline', 'x', key.privateKeyPem))).toBe('BAD_INPUT');
    expect(codeOf(() => signNote('tab\there\n', 'x', key.privateKeyPem))).toBe('BAD_INPUT');
  });

  it('is accepted by openssl (pkeyutl -rawin Ed25519)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'note-openssl-'));
    try {
      const key = generateNoteKey('evidence.example/ws-1');
      const body = checkpointBody('evidence.example/ws-1', 5, createHash('sha256').update('x').digest());
      const note = signNote(body, 'evidence.example/ws-1', key.privateKeyPem);
      const sig = Buffer.from(note.trimEnd().split(' ').pop()!, 'base64').subarray(4);
      writeFileSync(join(dir, 'pub.pem'), key.publicKeyPem);
      writeFileSync(join(dir, 'body'), body);
      writeFileSync(join(dir, 'sig'), sig);
      const out = execFileSync(
        'openssl',
        ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'body', '-sigfile', 'sig'],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
      expect(out).toContain('Signature Verified Successfully');
      writeFileSync(join(dir, 'body'), body.replace('\n5\n', '\n6\n'));
      const bad = spawnSync(
        'openssl',
        ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'body', '-sigfile', 'sig'],
        { cwd: dir },
      );
      expect(bad.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('checkpoint body', () => {
  it('is origin, size and base64 root; parses back from a note or a bare body', () => {
    const root = createHash('sha256').update('root').digest();
    const body = checkpointBody('evidence.example/ws-1', 1234, root);
    expect(body).toBe(`evidence.example/ws-1\n1234\n${root.toString('base64')}\n`);
    const key = generateNoteKey('k');
    for (const text of [body, signNote(body, 'k', key.privateKeyPem)]) {
      const cp = parseCheckpoint(text);
      expect(cp.origin).toBe('evidence.example/ws-1');
      expect(cp.size).toBe(1234);
      expect(cp.root.equals(root)).toBe(true);
    }
    expect(() => parseCheckpoint('o\n012\n' + root.toString('base64') + '\n')).toThrow(/bad size/);
    expect(() => parseCheckpoint('o\n12\nAAAA\n')).toThrow(/bad root/);
    expect(() => parseCheckpoint('o\n12\n')).toThrow(/too few lines/);
    expect(() => checkpointBody('two\nlines', 1, root)).toThrow(EngineError);
  });
});
