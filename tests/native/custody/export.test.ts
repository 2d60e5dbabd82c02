import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCheckpoint } from '../../../native/custody/checkpoints';
import { exportLog } from '../../../native/custody/export';
import { VERIFY_PY_BEGIN, VERIFY_PY_END } from '../../../native/custody/export-readme';
import { leafHash } from '../../../native/custody/merkle';
import { generateNoteKey, verifyNote } from '../../../native/custody/signed-note';
import { fill, freshLog, type TestLog } from './helpers';

const NAME = 'evidence.example/ws-1';
const key = generateNoteKey(NAME);
const keys = {
  vkey: key.vkey,
  notePublicKeyPem: key.publicKeyPem,
  caCertPem: '-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n',
};

let t: TestLog;
beforeEach(() => {
  t = freshLog();
});
afterEach(() => t.cleanup());

/** The Python recipe exactly as the README prints it. */
function readmePython(out: string): string {
  const readme = readFileSync(join(out, 'README.txt'), 'utf8');
  const start = readme.indexOf(VERIFY_PY_BEGIN) + VERIFY_PY_BEGIN.length + 1;
  return readme.slice(start, readme.indexOf(VERIFY_PY_END));
}

describe('exportLog', () => {
  it('writes line i = the bytes leaf i hashes, the checkpoint and the keys', async () => {
    fill(t.log, 37);
    const cp = writeCheckpoint(t.db, t.log, { name: NAME, privateKeyPem: key.privateKeyPem }, NAME, t.clock);
    fill(t.log, 4); // entries after the checkpoint are exported too
    const out = join(t.dir, 'export');
    const result = await exportLog(t.db, out, keys);
    expect(result.entries).toBe(41);
    expect(result.files).toEqual([
      'entries.jsonl',
      'checkpoint',
      'workstation.vkey',
      'workstation-note.pub.pem',
      'agency-ca.pem',
      'README.txt',
    ]);

    const text = readFileSync(join(out, 'entries.jsonl'));
    const lines = text.toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(41);
    lines.forEach((line, i) => {
      const stored = t.log.get(i)!;
      expect(Buffer.from(line, 'utf8').equals(stored.bytes), `line ${i}`).toBe(true);
      expect(leafHash(Buffer.from(line, 'utf8')).toString('hex')).toBe(stored.view.leafHash);
    });
    expect(readFileSync(join(out, 'checkpoint'), 'utf8')).toBe(cp.note);
    expect(
      verifyNote(
        readFileSync(join(out, 'checkpoint'), 'utf8'),
        readFileSync(join(out, 'workstation.vkey'), 'utf8').trim(),
      ).ok,
    ).toBe(true);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain(cp.shortRoot);
  });

  it('the README recipes recompute the root with Python and check the signature with openssl', async () => {
    fill(t.log, 23);
    const cp = writeCheckpoint(t.db, t.log, { name: NAME, privateKeyPem: key.privateKeyPem }, NAME, t.clock);
    fill(t.log, 2);
    const out = join(t.dir, 'export');
    await exportLog(t.db, out, keys);
    writeFileSync(join(out, 'verify_log.py'), readmePython(out));

    const py = spawnSync('python3', ['verify_log.py'], { cwd: out, encoding: 'utf8' });
    expect(py.stderr).toBe('');
    expect(py.status).toBe(0);
    expect(py.stdout).toContain(`${NAME} size 23 root ${cp.rootHex} OK`);
    expect(py.stdout).toContain(`all 25 entries: root ${t.log.root().toString('hex')}`);

    const readme = readFileSync(join(out, 'README.txt'), 'utf8');
    const shell = readme.slice(
      readme.indexOf('head -n 3 checkpoint'),
      readme.indexOf('-sigfile checkpoint.sig') + '-sigfile checkpoint.sig'.length,
    );
    expect(execFileSync('bash', ['-c', shell], { cwd: out, encoding: 'utf8' })).toContain(
      'Signature Verified Successfully',
    );

    // A changed line makes the recipe fail.
    const lines = readFileSync(join(out, 'entries.jsonl'), 'utf8').split('\n');
    lines[5] = lines[5]!.replace('"actor":"', '"actor":"x');
    writeFileSync(join(out, 'entries.jsonl'), lines.join('\n'));
    const bad = spawnSync('python3', ['verify_log.py'], { cwd: out, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });

  it('exports an empty log without a checkpoint', async () => {
    const out = join(t.dir, 'empty');
    const result = await exportLog(t.db, out, { vkey: key.vkey, notePublicKeyPem: key.publicKeyPem });
    expect(result).toEqual({
      entries: 0,
      files: ['entries.jsonl', 'workstation.vkey', 'workstation-note.pub.pem', 'README.txt'],
    });
    expect(readFileSync(join(out, 'entries.jsonl'), 'utf8')).toBe('');
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain('no checkpoint had been signed');
  });
});
