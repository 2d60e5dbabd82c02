import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { verifyWorkstation } from '../../../native/custody/verify';
import { addClerk, cli, initWorkstation, tempDir } from '../../helpers/cli';
import { clerkWorkstation, count, dock } from '../../helpers/ingest';
import { fillDisk, smallDisk } from '../../helpers/small-disk';

const isRoot = process.getuid?.() === 0;

function volumeWith(files: Record<string, Buffer>): string {
  const root = join(tempDir(), 'VOL');
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), data);
  }
  return root;
}

const disk = smallDisk(64);

describe('ingest bad input: a clear per-file error, the rest continue, nothing half-registered', () => {
  // Needs root to mount a tmpfs (CI and dev machines run as root); no honest way to fill a disk otherwise.
  it.skipIf(!disk)('the data disk fills up during the ingest', async () => {
    const ws = await clerkWorkstation({ dataDir: join(disk!, 'data') });
    // Leave ~25 MB free, then dock 4 files of 10 MB: two fit (copy + fsync), the others cannot.
    const filler = fillDisk(disk!, 27 * 1024 * 1024);
    const vol = volumeWith(
      Object.fromEntries(
        [1, 2, 3, 4].map((i) => [`DCIM/100MEDIA/VID_000${i}.MP4`, randomBytes(10 * 1024 * 1024)]),
      ),
    );
    const d = await dock(ws, vol);
    const failed = d.files.filter((f) => f.state === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(f.error!.message).toMatch(/data disk is full/);
    expect(d.counts.ingested + failed.length).toBe(4);
    expect(count(ws, 'media')).toBe(d.counts.ingested);
    expect(readdirSync(ws.engine.layout.tmp)).toEqual([]);
    rmSync(filler);
    const report = await verifyWorkstation({
      db: ws.engine.db,
      originalsDir: ws.engine.layout.originals,
      vkey: ws.engine.noteSigner().vkey,
    });
    expect(report.problems).toEqual([]);
    // With space again, the same volume completes.
    const again = await dock(ws, vol);
    expect(again.files.filter((f) => f.state === 'failed').map((f) => f.error?.message)).toEqual([]);
    await ws.engine.close();
    spawnSync('umount', [disk!]);
  });

  it('a file name that is not valid UTF-8 is reported, and the rest are stored', async () => {
    const ws = await clerkWorkstation();
    const vol = volumeWith({ 'DCIM/100MEDIA/VID_0001.MP4': randomBytes(1000) });
    const bad = Buffer.concat([
      Buffer.from(join(vol, 'DCIM', '100MEDIA') + '/'),
      Buffer.from([0x56, 0xff, 0xfe, 0x2e, 0x4d, 0x50, 0x34]),
    ]);
    writeFileSync(bad, randomBytes(1000));
    const d = await dock(ws, vol);
    expect(d.counts).toMatchObject({ found: 2, ingested: 1, failed: 1 });
    expect(d.files.find((f) => f.state === 'failed')!.error!.message).toMatch(/not valid text/);
  });

  // Root reads every file regardless of permissions: the ingest runs as an unprivileged user.
  it.skipIf(!isRoot || spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status !== 0)(
    'a file the workstation may not read is reported (permission denied); the CLI exits 1',
    () => {
      const data = initWorkstation();
      addClerk(data);
      spawnSync('chown', ['-R', 'nobody', data]);
      spawnSync('chmod', ['755', join(data, '..')]);
      const vol = volumeWith({ 'DCIM/A.MP4': randomBytes(2000), 'DCIM/B.MP4': randomBytes(2000) });
      spawnSync('chmod', ['-R', 'a+rX', join(vol, '..')]);
      chmodSync(join(vol, 'DCIM', 'B.MP4'), 0o000);
      chownSync(join(vol, 'DCIM', 'B.MP4'), 0, 0);
      const r = cli(
        ['ingest', '--data', data, '--as', 'clerk1', '--volume', vol, '--json'],
        { WORKSTATION_PASSWORD: 'clerk-pass-2026' },
        { user: 'nobody' },
      );
      expect(r.status, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout) as {
        counts: { ingested: number; failed: number };
        files: { relPath: string; error?: { message: string } }[];
      };
      expect(report.counts).toMatchObject({ ingested: 1, failed: 1 });
      expect(report.files.find((f) => f.relPath === 'DCIM/B.MP4')!.error!.message).toMatch(
        /permission denied/,
      );
    },
  );
});
