import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCameraVolume, type VolumeManifest } from '../../../native/fixtures/camera-volume';
import { verifyWorkstation } from '../../../native/custody/verify';
import { objectPath } from '../../../native/storage/object-store';
import { scratchDir, tempDir } from '../../helpers/cli';
import { clerkWorkstation, count, dock } from '../../helpers/ingest';
import { waitFor } from '../../helpers/wait';
import type { TestWorkstation } from '../../helpers/engine';

async function verify(ws: TestWorkstation) {
  return verifyWorkstation({
    db: ws.engine.db,
    originalsDir: ws.engine.layout.originals,
    vkey: ws.engine.noteSigner().vkey,
  });
}

describe('ingest of a generated camera volume (every fixture kind)', () => {
  let ws: TestWorkstation;
  let vol: VolumeManifest;
  beforeAll(async () => {
    ws = await clerkWorkstation();
    vol = await generateCameraVolume(join(tempDir(), 'CAMERA1'));
  });

  it('stores every file exactly as on the camera, verified and logged; skips the outside link', async () => {
    const d = await dock(ws, vol.root);
    expect(d.state).toBe('done');
    expect(d.deviceSerial).toBe(vol.deviceSerial);
    const byPath = new Map(d.files.map((f) => [f.relPath, f]));
    for (const f of vol.files) {
      const got = byPath.get(f.relPath);
      expect(got, f.relPath).toBeDefined();
      if (f.expected === 'skip-symlink') {
        expect(got!.state).toBe('skipped');
        expect(got!.error?.message).toMatch(/outside the volume/);
        continue;
      }
      expect(got!.state, `${f.relPath}: ${got!.error?.message}`).toBe('ingested');
      // The recorded hash is sha256sum's, and the stored copy is byte-identical.
      const sum = execFileSync('sha256sum', [join(vol.root, f.relPath)], { encoding: 'utf8' }).split(' ')[0];
      expect(got!.sha256).toBe(sum);
      const stored = objectPath(ws.engine.layout.originals, sum!);
      expect(readFileSync(stored).equals(readFileSync(join(vol.root, f.relPath)))).toBe(true);
    }
    const entries = ws.engine.db
      .prepare("SELECT count(*) FROM custody_log WHERE action = 'evidence.ingest'")
      .pluck()
      .get();
    expect(entries).toBe(vol.files.filter((f) => f.expected !== 'skip-symlink').length);
    const report = await verify(ws);
    expect(report.problems).toEqual([]);
    expect(report.objects).toBe(entries);
  });

  it('marks the important file and reads device, officer and time from the names', () => {
    const imp = vol.files.find((f) => f.important)!;
    const row = ws.engine.db
      .prepare('SELECT important, recorded_at FROM media WHERE sha256 = ?')
      .get(imp.sha256) as { important: number; recorded_at: string };
    expect(row.important).toBe(1);
    expect(row.recorded_at).toBe(imp.recordedAt);
  });

  it('re-docking recognises every stored file by hash and copies nothing again', async () => {
    const objects = count(ws, 'objects');
    const d = await dock(ws, vol.root);
    expect(d.counts.ingested).toBe(0);
    expect(d.counts.duplicates).toBe(vol.files.filter((f) => f.expected !== 'skip-symlink').length);
    expect(count(ws, 'objects')).toBe(objects);
  });

  it('identical content from a second camera is stored once and linked to both docks', async () => {
    const twin = await generateCameraVolume(join(tempDir(), 'CAMERA2'));
    const objects = count(ws, 'objects');
    const d = await dock(ws, twin.root);
    expect(d.counts.duplicates).toBeGreaterThan(5);
    expect(count(ws, 'objects')).toBe(objects);
    const sha = twin.files.find((f) => f.kind === 'h264')!.sha256;
    const docks = ws.engine.db
      .prepare(
        'SELECT count(DISTINCT d.volume_id) FROM media_sources s JOIN media m ON m.id = s.media_id JOIN docks d ON d.id = s.dock_id WHERE m.sha256 = ?',
      )
      .pluck()
      .get(sha);
    expect(docks).toBe(2);
  });

  it('never writes to the volume', () => {
    const listing = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? listing(join(dir, e.name)).map((n) => `${e.name}/${n}`) : [e.name],
      );
    expect(listing(vol.root).length).toBe(vol.files.length);
    for (const f of vol.files.filter((x) => x.sha256)) {
      expect(execFileSync('sha256sum', [join(vol.root, f.relPath)], { encoding: 'utf8' }).split(' ')[0]).toBe(
        f.sha256,
      );
    }
  });
});

describe('ingest failures are per file and leave nothing half-registered', () => {
  it('a file modified during its copy is reported and not stored as verified', async () => {
    const ws = await clerkWorkstation();
    const root = join(scratchDir(), 'VOL');
    const vol = await generateCameraVolume(root, { kinds: ['h264'], largeFileBytes: 600 * 1024 * 1024 });
    const big = vol.files.find((f) => f.kind === 'large')!;
    const { dockId } = await ws.call('ingest.start', { path: root });
    // Wait for the copy of the big file to be under way (the dock reports its bytes), then change it.
    await waitFor(
      () => {
        // The scan lists the file first; until then it is simply not there yet.
        const f = ws.engine.ingest.get(dockId).files.find((x) => x.relPath === big.relPath);
        if (!f) return false;
        if (f.doneBytes > 0 && f.state === 'copying') {
          execFileSync('sh', ['-c', `printf tamper >> '${join(root, big.relPath)}'`]);
          return true;
        }
        if (f.state !== 'pending' && f.state !== 'copying')
          throw new Error(`copy finished before it could be changed (${f.state})`);
        return false;
      },
      { what: 'the copy of the large file to start' },
    );
    await ws.engine.ingest.wait(dockId);
    const d = ws.engine.ingest.get(dockId);
    const f = d.files.find((x) => x.relPath === big.relPath)!;
    expect(f.state).toBe('failed');
    expect(f.error!.message).toMatch(/changed while it was being copied/);
    expect(d.counts.ingested).toBe(d.counts.found - 1);
    expect(ws.engine.db.prepare('SELECT count(*) FROM media WHERE size = ?').pluck().get(big.sizeBytes)).toBe(
      0,
    );
    expect(readdirSync(ws.engine.layout.tmp)).toEqual([]);
    expect((await verify(ws)).ok).toBe(true);
  });

  it('a volume unplugged mid-ingest: finished files kept, the rest fail clearly, nothing half-registered', async () => {
    const ws = await clerkWorkstation();
    const root = join(scratchDir(), 'UNPLUG');
    await generateCameraVolume(root, { kinds: ['h264', 'jpeg'], largeFileBytes: 400 * 1024 * 1024 });
    const { dockId } = await ws.call('ingest.start', { path: root });
    await waitFor(
      () => {
        if (ws.engine.ingest.get(dockId).doneBytes <= 50 * 1024 * 1024) return false;
        rmSync(root, { recursive: true, force: true }); // the camera is pulled out
        return true;
      },
      { what: '50 MB to be copied' },
    );
    await ws.engine.ingest.wait(dockId);
    const d = ws.engine.ingest.get(dockId);
    expect(d.counts.failed).toBeGreaterThan(0);
    for (const f of d.files.filter((x) => x.state === 'failed'))
      expect(f.error!.message).toMatch(/removed|disappeared/);
    // Every registered item has its verified original; nothing else was registered.
    expect(count(ws, 'media')).toBe(d.counts.ingested);
    expect(readdirSync(ws.engine.layout.tmp)).toEqual([]);
    expect((await verify(ws)).ok).toBe(true);
  });

  it('an unknown officer given by the clerk is refused with a clear message', async () => {
    const ws = await clerkWorkstation();
    const r = await ws.raw('ingest.start', { path: tempDir(), officerCode: '999999' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_INPUT', field: 'officer' });
    expect(existsSync(ws.engine.layout.tmp)).toBe(true);
  });
});
