/**
 * Custody log benchmark (`npm run bench`): append rates (each append its own transaction, and
 * batched), then a 1,000,000-entry log and a timed full verify. Prints figures; asserts nothing.
 * Options: --entries N (size of the verify log, default 1000000), --single N (default 20000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { systemClock } from '../native/core/context';
import { openDatabase, type Db } from '../native/storage/db';
import { CustodyLog } from '../native/custody/custody-log';
import { writeCheckpoint } from '../native/custody/checkpoints';
import { generateNoteKey } from '../native/custody/signed-note';
import { verifyWorkstation } from '../native/custody/verify';
import type { AppendInput } from '../native/custody/types';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const SINGLE = arg('single', 20_000);
const BATCHED = arg('batched', 200_000);
const BIG = arg('entries', 1_000_000);

/** A realistic entry: an ingest of one file by a clerk (~330 bytes of canonical JSON). */
function input(i: number): AppendInput {
  const sha = createHash('sha256').update(String(i)).digest('hex');
  return {
    actor: i % 7 === 0 ? 'admin' : `clerk${i % 5}`,
    action: i % 3 === 0 ? 'evidence.view' : 'evidence.ingest',
    subjects: [`object:${sha}`, `case:${i % 1000}`],
    hashes: { sha256: sha },
    details: {
      fileName: `DCIM/100MEDIA/FILE${String(i).padStart(6, '0')}.MP4`,
      size: 1_000_000 + i,
      camera: 'BWC-0042',
    },
  };
}

const SYNC_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** A fresh log; `sync` overrides the synchronous setting openDatabase chose. */
function fresh(
  dir: string,
  name: string,
  sync?: 'FULL' | 'NORMAL',
): { db: Db; log: CustodyLog; sync: string } {
  const db = openDatabase(join(dir, `${name}.db`), { create: true });
  if (sync) db.pragma(`synchronous = ${sync}`);
  const level = db.pragma('synchronous', { simple: true }) as number;
  return { db, log: new CustodyLog(db, systemClock), sync: SYNC_NAMES[level] ?? String(level) };
}

function timeSingle(
  dir: string,
  name: string,
  n: number,
  sync?: 'FULL' | 'NORMAL',
): { rate: number; sync: string } {
  const f = fresh(dir, name, sync);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f.log.append(input(i));
  const s = (performance.now() - t0) / 1000;
  f.db.close();
  return { rate: n / s, sync: f.sync };
}

function timeBatched(
  db: Db,
  log: CustodyLog,
  n: number,
  batch: number,
  onBatch?: (done: number) => void,
): number {
  const tx = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) log.append(input(i));
  });
  const t0 = performance.now();
  for (let from = 0; from < n; from += batch) {
    tx(from, Math.min(n, from + batch));
    onBatch?.(Math.min(n, from + batch));
  }
  return n / ((performance.now() - t0) / 1000);
}

const rows: [string, string, string][] = [];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'custody-bench-'));
  try {
    console.log(`custody bench in ${dir} (node ${process.version})\n`);

    const full = timeSingle(dir, 'single-full', SINGLE, 'FULL');
    rows.push([
      `(a) single appends, each its own transaction, synchronous=FULL (${fmt(SINGLE)})`,
      `${fmt(full.rate)} /s`,
      '≥ 5,000 /s',
    ]);
    const dflt = timeSingle(dir, 'single-default', SINGLE);
    rows.push([
      `    same with openDatabase's default, synchronous=${dflt.sync}`,
      `${fmt(dflt.rate)} /s`,
      '≥ 5,000 /s',
    ]);

    const b = fresh(dir, 'batched', 'FULL');
    const batched = timeBatched(b.db, b.log, BATCHED, 1000);
    b.db.close();
    rows.push([
      `(b) batched appends, 1,000 per transaction, synchronous=FULL (${fmt(BATCHED)})`,
      `${fmt(batched)} /s`,
      '≥ 5,000 /s',
    ]);

    const big = fresh(dir, 'big');
    const t0 = performance.now();
    const buildRate = timeBatched(big.db, big.log, BIG, 10_000, (done) => {
      if (done % 200_000 === 0) process.stdout.write(`  built ${fmt(done)} entries\n`);
    });
    const buildS = (performance.now() - t0) / 1000;
    rows.push([
      `(c) build ${fmt(BIG)}-entry log, 10,000 per transaction`,
      `${buildS.toFixed(1)} s (${fmt(buildRate)} /s)`,
      '',
    ]);

    const key = generateNoteKey('bench.example/workstation');
    writeCheckpoint(
      big.db,
      big.log,
      { name: 'bench.example/workstation', privateKeyPem: key.privateKeyPem },
      'bench.example/workstation',
      systemClock,
    );

    const p0 = performance.now();
    for (let i = 0; i < 1000; i++) big.log.inclusion((i * 7919) % BIG);
    rows.push([
      `    inclusion proof + root at size ${fmt(BIG)}`,
      `${((performance.now() - p0) / 1000).toFixed(3)} ms each`,
      '',
    ]);

    let lastProgress = '';
    const v0 = performance.now();
    const report = await verifyWorkstation({
      db: big.db,
      originalsDir: join(dir, 'originals'),
      vkey: key.vkey,
      onProgress: (p) => (lastProgress = `${p.phase} ${p.done}/${p.total}`),
    });
    const verifyS = (performance.now() - v0) / 1000;
    rows.push([
      `(c) full verifyWorkstation of ${fmt(report.entries)} entries`,
      `${verifyS.toFixed(1)} s (${report.ok ? 'ok' : 'PROBLEMS'})`,
      '≤ 20 s',
    ]);
    if (!report.ok) console.log('verify problems:', report.problems.slice(0, 5));
    void lastProgress;
    big.db.close();

    const w = Math.max(...rows.map((r) => r[0].length));
    const w2 = Math.max(...rows.map((r) => r[1].length));
    console.log(`\n${'measure'.padEnd(w)}  ${'figure'.padEnd(w2)}  target`);
    console.log(`${'-'.repeat(w)}  ${'-'.repeat(w2)}  ------`);
    for (const [a, f, t] of rows) console.log(`${a.padEnd(w)}  ${f.padEnd(w2)}  ${t}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
