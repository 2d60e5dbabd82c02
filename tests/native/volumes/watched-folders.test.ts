import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderSnapshot, manualVolume, watchedFoldersSource } from '../../../native/volumes/watched-folders';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'watched-'));
}

/** Writes a small camera tree: DCIM/100MEDIA with clips, as a copy from a camera would leave. */
function writeCamera(dir: string, clips = 2): void {
  mkdirSync(join(dir, 'DCIM', '100MEDIA'), { recursive: true });
  for (let i = 1; i <= clips; i++) {
    writeFileSync(join(dir, 'DCIM', '100MEDIA', `DSJ001_013579_20240501083000_000${i}.MP4`), `clip ${i}`);
  }
}

describe('watchedFoldersSource', () => {
  it('lists a camera folder once it has been the same for one whole poll', async () => {
    const watch = tempDir();
    const source = watchedFoldersSource(() => [watch]);
    expect(await source.list()).toEqual([]);
    writeCamera(join(watch, 'CAM01'));
    expect(await source.list()).toEqual([]); // first sight
    expect(await source.list()).toEqual([
      { id: `watched:${join(watch, 'CAM01')}`, path: join(watch, 'CAM01'), label: 'CAM01', kind: 'watched' },
    ]);
  });

  it('waits while a copy is still changing the tree', async () => {
    const watch = tempDir();
    const cam = join(watch, 'CAM02');
    const source = watchedFoldersSource(() => [watch]);
    writeCamera(cam, 1);
    expect(await source.list()).toEqual([]);
    writeFileSync(join(cam, 'DCIM', '100MEDIA', 'DSJ001_013579_20240501090000_0002.MP4'), 'more');
    expect(await source.list()).toEqual([]);
    writeFileSync(join(cam, 'DCIM', '100MEDIA', 'DSJ001_013579_20240501090000_0002.MP4'), 'more and more');
    expect(await source.list()).toEqual([]);
    expect((await source.list()).map((v) => v.label)).toEqual(['CAM02']);
  });

  it('needs a DCIM directory or a file: an empty folder never counts, an empty dcim does', async () => {
    const watch = tempDir();
    mkdirSync(join(watch, 'empty', 'sub'), { recursive: true });
    mkdirSync(join(watch, 'bare', 'dcim'), { recursive: true });
    const source = watchedFoldersSource(() => [watch]);
    await source.list();
    expect((await source.list()).map((v) => v.label)).toEqual(['bare']);
    expect((await source.list()).map((v) => v.label)).toEqual(['bare']);
  });

  it('ignores plain files, hidden folders and symlinks in the watched folder', async () => {
    const watch = tempDir();
    const outside = tempDir();
    writeCamera(outside);
    writeFileSync(join(watch, 'notes.txt'), 'x');
    writeCamera(join(watch, '.partial'));
    symlinkSync(outside, join(watch, 'link'));
    const source = watchedFoldersSource(() => [watch]);
    await source.list();
    expect(await source.list()).toEqual([]);
  });

  it('keeps a listed folder while more is copied in, drops it when deleted, re-checks it when back', async () => {
    const watch = tempDir();
    const cam = join(watch, 'CAM03');
    const source = watchedFoldersSource(() => [watch]);
    writeCamera(cam);
    await source.list();
    expect(await source.list()).toHaveLength(1);
    writeFileSync(join(cam, 'DCIM', 'late.MP4'), 'late');
    expect(await source.list()).toHaveLength(1);
    rmSync(cam, { recursive: true });
    expect(await source.list()).toEqual([]);
    writeCamera(cam);
    expect(await source.list()).toEqual([]);
    expect(await source.list()).toHaveLength(1);
  });

  it('asks for the folders on every poll and tolerates missing ones', async () => {
    const a = tempDir();
    const b = join(tempDir(), 'not-yet');
    let folders = [join(a, 'missing'), a];
    writeCamera(join(a, 'CAM'));
    const source = watchedFoldersSource(() => folders);
    await source.list();
    expect((await source.list()).map((v) => v.path)).toEqual([join(a, 'CAM')]);
    writeCamera(join(b, 'CAM'));
    folders = [b, a, a];
    await source.list();
    expect((await source.list()).map((v) => v.path)).toEqual([join(b, 'CAM'), join(a, 'CAM')]);
  });
});

describe('folderSnapshot', () => {
  it('does not follow symlinks out of the folder', async () => {
    const dir = tempDir();
    const outside = tempDir();
    writeCamera(outside, 5);
    symlinkSync(outside, join(dir, 'escape'));
    const snap = await folderSnapshot(dir);
    expect(snap).toMatchObject({ hasFile: false, hasDcim: false, entries: 1 });
  });

  it('stops at the entry limit', async () => {
    const dir = tempDir();
    for (let i = 0; i < 10; i++) writeFileSync(join(dir, `f${i}`), '');
    expect((await folderSnapshot(dir, { maxEntries: 3 })).entries).toBe(3);
    expect((await folderSnapshot(dir)).entries).toBe(10);
  });

  it('changes its signature when a size changes and not otherwise', async () => {
    const dir = tempDir();
    writeCamera(dir);
    const a = await folderSnapshot(dir);
    expect((await folderSnapshot(dir)).signature).toBe(a.signature);
    writeFileSync(join(dir, 'DCIM', '100MEDIA', 'DSJ001_013579_20240501083000_0001.MP4'), 'clip 1 grown');
    expect((await folderSnapshot(dir)).signature).not.toBe(a.signature);
  });
});

describe('manualVolume', () => {
  it('makes an absolute manual volume', () => {
    expect(manualVolume('/data/import/CAM 7/')).toEqual({
      id: 'manual:/data/import/CAM 7',
      path: '/data/import/CAM 7',
      label: 'CAM 7',
      kind: 'manual',
    });
  });
});
