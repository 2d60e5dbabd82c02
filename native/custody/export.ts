/**
 * `workstation log export`: writes the custody log so that anyone can recompute its root and
 * check the signed checkpoint without this software: entries.jsonl (line i = the exact bytes
 * leaf i hashes), the latest checkpoint note, the verifier key, public keys/certificates and a
 * README with a few lines of Python and openssl to do it.
 */
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toEngineError } from '../core/errors';
import type { Db } from '../storage/db';
import { latestCheckpoint } from './checkpoints';
import { exportReadme } from './export-readme';

export interface ExportKeys {
  /** Verifier key of the checkpoint signing key (name+keyID+base64 key). */
  vkey: string;
  /** The same Ed25519 key as SPKI PEM, for openssl. */
  notePublicKeyPem: string;
  workstationCertPem?: string;
  caCertPem?: string;
}

const PAGE = 8192;
const NL = Buffer.from('\n');

/** Writes entries.jsonl page by page (yielding between pages); returns the entry count. */
async function writeEntries(db: Db, path: string): Promise<number> {
  const hi = db.prepare('SELECT max(seq) FROM custody_log').pluck().get() as number | null;
  const page = db
    .prepare('SELECT seq, entry FROM custody_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?')
    .raw();
  const file = await open(path, 'w', 0o644);
  let count = 0;
  try {
    let from = 0;
    while (hi !== null && from <= hi) {
      const rows = page.all(from, hi, PAGE) as [number, Buffer][];
      if (rows.length === 0) break;
      const parts: Buffer[] = [];
      for (const [seq, entry] of rows) {
        parts.push(entry, NL);
        from = seq + 1;
      }
      await file.write(Buffer.concat(parts));
      count += rows.length;
    }
    await file.sync();
  } finally {
    await file.close();
  }
  return count;
}

/**
 * Exports the log into `outDir` (created if needed; files there are overwritten). Returns the
 * number of entries and the names of the files written.
 */
export async function exportLog(
  db: Db,
  outDir: string,
  keys: ExportKeys,
): Promise<{ entries: number; files: string[] }> {
  try {
    await mkdir(outDir, { recursive: true });
    const files: string[] = [];
    const put = async (name: string, text: string) => {
      await writeFile(join(outDir, name), text, { encoding: 'utf8', mode: 0o644 });
      files.push(name);
    };
    const checkpoint = latestCheckpoint(db);
    const entries = await writeEntries(db, join(outDir, 'entries.jsonl'));
    files.push('entries.jsonl');
    if (checkpoint) await put('checkpoint', checkpoint.note);
    await put('workstation.vkey', keys.vkey.trim() + '\n');
    await put('workstation-note.pub.pem', keys.notePublicKeyPem);
    if (keys.workstationCertPem) await put('workstation-cert.pem', keys.workstationCertPem);
    if (keys.caCertPem) await put('agency-ca.pem', keys.caCertPem);
    await put('README.txt', exportReadme({ entries, checkpoint }));
    return { entries, files };
  } catch (err) {
    throw toEngineError(err);
  }
}
