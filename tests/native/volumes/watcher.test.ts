import { afterEach, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../../native/core/context';
import { linuxUsbSource } from '../../../native/volumes/linux-source';
import { combinedSource, platformSource } from '../../../native/volumes/sources';
import { PartialListError, type DetectedVolume, type VolumeSource } from '../../../native/volumes/types';
import { watchedFoldersSource } from '../../../native/volumes/watched-folders';
import { VolumeWatcher, uniqueIds } from '../../../native/volumes/watcher';
import {
  BASE_MOUNTS,
  CAMERA_LINE,
  SATA_LINE,
  STICK_LINE,
  standardFixture,
  type SystemFixture,
} from './fixtures';

const watchers: VolumeWatcher[] = [];
afterEach(() => {
  for (const w of watchers.splice(0)) w.stop();
  vi.useRealTimers();
});

function watch(
  source: VolumeSource,
  opts: ConstructorParameters<typeof VolumeWatcher>[1] = {},
): VolumeWatcher {
  const w = new VolumeWatcher(source, opts);
  watchers.push(w);
  return w;
}

function linux(fx: SystemFixture): VolumeSource {
  return linuxUsbSource({
    mountinfoPath: fx.mountinfoPath,
    sysRoot: fx.sysRoot,
    devDiskRoot: fx.devDiskRoot,
  });
}

/** Resolves with the next event's arguments; rejects if it does not come within `ms`. */
function within<K extends 'added' | 'removed' | 'error'>(w: VolumeWatcher, event: K, ms: number) {
  return once(w, event, { signal: AbortSignal.timeout(ms) });
}

/** A logger keeping its lines, to see what the watcher reports when nobody listens. */
function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (msg: string, f?: Record<string, unknown>) =>
    lines.push(`${level} ${msg} ${JSON.stringify(f)}`);
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

describe('VolumeWatcher with the Linux source', () => {
  it('announces a newly mounted stick within 2 s and its removal when unmounted', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, SATA_LINE]);
    const w = watch(linux(fx));
    await w.start();
    expect(w.volumes).toEqual([]);

    const added = within(w, 'added', 2000);
    fx.writeMounts([...BASE_MOUNTS, SATA_LINE, STICK_LINE]);
    const [volume] = (await added) as [DetectedVolume];
    expect(volume).toMatchObject({
      id: '1A2B-3C4D',
      path: '/media/alice/STICK',
      label: 'STICK',
      kind: 'usb',
    });
    expect(w.volumes.map((v) => v.id)).toEqual(['1A2B-3C4D']);

    const removed = within(w, 'removed', 2000);
    fx.writeMounts([...BASE_MOUNTS, SATA_LINE]);
    expect(((await removed) as [DetectedVolume])[0].id).toBe('1A2B-3C4D');
    expect(w.volumes).toEqual([]);
  }, 10_000);

  it('reports volumes present at start, a remount elsewhere as removed + added, a new label as changed', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, CAMERA_LINE]);
    const w = watch(linux(fx));
    const events: string[] = [];
    w.on('added', (v) => events.push(`added ${v.path}`));
    w.on('removed', (v) => events.push(`removed ${v.path}`));
    w.on('changed', (v, old) => events.push(`changed ${old.label} -> ${v.label}`));
    await w.refresh();
    fx.writeMounts([...BASE_MOUNTS, CAMERA_LINE.replace('/run/media/clerk/', '/media/clerk/')]);
    await w.refresh();
    rmSync(join(fx.devDiskRoot, 'by-label', 'DSJ\\x20CAM\\x20001'));
    fx.diskLink('by-label', 'CAM1', 'sdc');
    await w.refresh();
    expect(events).toEqual([
      'added /run/media/clerk/DSJ CAM 001',
      'removed /run/media/clerk/DSJ CAM 001',
      'added /media/clerk/DSJ CAM 001',
      'changed DSJ CAM 001 -> CAM1',
    ]);
  });

  it('announces nothing from a poll that was still running when stopped', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, STICK_LINE]);
    const w = watch(linux(fx));
    const seen: DetectedVolume[] = [];
    w.on('added', (v) => seen.push(v));
    const first = w.start();
    w.stop();
    await first;
    expect(seen).toEqual([]);
    expect(w.running).toBe(false);
    await w.refresh(); // an explicit refresh still works while stopped
    expect(seen.map((v) => v.id)).toEqual(['1A2B-3C4D']);
  });
});

describe('VolumeWatcher with watched folders', () => {
  it('announces a camera folder copied into a watched folder once it is stable, and its removal', async () => {
    const root = mkdtempSync(join(tmpdir(), 'watcher-'));
    const watched = join(root, 'watched');
    const staging = join(root, 'staging');
    mkdirSync(watched);
    mkdirSync(join(staging, 'DCIM', '100MEDIA'), { recursive: true });
    writeFileSync(join(staging, 'DCIM', '100MEDIA', 'DSJ001_013579_20240501083000_0001.MP4'), 'clip');
    const w = watch(watchedFoldersSource(() => [watched]));
    await w.start();

    const added = within(w, 'added', 3500); // seen at one poll, stable at the next
    cpSync(staging, join(watched, 'CAM01'), { recursive: true });
    expect(((await added) as [DetectedVolume])[0]).toMatchObject({
      kind: 'watched',
      label: 'CAM01',
      path: join(watched, 'CAM01'),
    });

    const removed = within(w, 'removed', 2000);
    rmSync(join(watched, 'CAM01'), { recursive: true });
    expect(((await removed) as [DetectedVolume])[0].label).toBe('CAM01');
  }, 10_000);
});

describe('failures', () => {
  it('keeps the volumes of a failing source and still follows the others', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS]);
    let fail = false;
    const flaky: VolumeSource = {
      list: async () => {
        if (fail) throw new Error('PowerShell blocked by policy');
        return [{ id: 'share:1', path: '/srv/share/CAM9', label: 'CAM9', kind: 'watched' }];
      },
    };
    const w = watch(combinedSource(linux(fx), flaky));
    const errors: unknown[] = [];
    const removed: DetectedVolume[] = [];
    w.on('error', (e) => errors.push(e));
    w.on('removed', (v) => removed.push(v));
    await w.refresh();
    expect(w.volumes.map((v) => v.id)).toEqual(['share:1']);

    fail = true;
    fx.writeMounts([...BASE_MOUNTS, STICK_LINE]);
    await w.refresh();
    expect(w.volumes.map((v) => v.id)).toEqual(['1A2B-3C4D', 'share:1']);
    expect(removed).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(PartialListError);
    expect((errors[0] as PartialListError).message).toContain('PowerShell blocked by policy');
  });

  it('keeps everything when the only source fails, logging when nobody listens for errors', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, STICK_LINE]);
    const logger = memoryLogger();
    const w = watch(linux(fx), { logger });
    await w.refresh();
    rmSync(fx.mountinfoPath);
    await w.refresh();
    expect(w.volumes.map((v) => v.id)).toEqual(['1A2B-3C4D']);
    expect(logger.lines.join('\n')).toMatch(/^warn volume source failed .*Cannot read the mount table/m);
  });

  it('survives a listener that throws', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, STICK_LINE]);
    const logger = memoryLogger();
    const w = watch(linux(fx), { logger });
    w.once('added', () => {
      throw new Error('UI crashed');
    });
    await w.refresh();
    expect(logger.lines.join('\n')).toContain('UI crashed');
    const later: string[] = [];
    w.on('removed', (v) => later.push(v.id));
    fx.writeMounts([...BASE_MOUNTS]);
    await w.refresh();
    expect(later).toEqual(['1A2B-3C4D']);
  });
});

describe('polling schedule', () => {
  it('polls every intervalMs after the previous poll, never after stop', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const w = watch({ list: async () => (calls++, []) }, { intervalMs: 1000 });
    await w.start();
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(calls).toBe(5);
    w.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(5);
  });
});

describe('uniqueIds', () => {
  it('suffixes later duplicates of an id with their path', () => {
    const v = (id: string, path: string): DetectedVolume => ({ id, path, label: path, kind: 'usb' });
    expect(uniqueIds([v('A', '/m/1'), v('A', '/m/2'), v('B', '/m/3')]).map((x) => x.id)).toEqual([
      'A',
      'A@/m/2',
      'B',
    ]);
  });
});

describe('platformSource', () => {
  it('picks the Linux source on linux and an empty one elsewhere', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, CAMERA_LINE]);
    const opts = { mountinfoPath: fx.mountinfoPath, sysRoot: fx.sysRoot, devDiskRoot: fx.devDiskRoot };
    expect((await platformSource({ platform: 'linux', linux: opts }).list()).map((v) => v.id)).toEqual([
      '64F2-9A10',
    ]);
    expect(await platformSource({ platform: 'aix' }).list()).toEqual([]);
    expect(
      await platformSource({
        platform: 'win32',
        windows: { run: async () => '', letters: async () => '' },
      }).list(),
    ).toEqual([]);
  });
});
