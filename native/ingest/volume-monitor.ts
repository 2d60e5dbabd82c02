import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../core/context';
import type { Db } from '../storage/db';
import type { VolumeView } from '../api/types';
import {
  combinedSource,
  platformSource,
  watchedFoldersSource,
  VolumeWatcher,
  type DetectedVolume,
  type VolumeSource,
} from '../volumes';
import { parseDeviceInfo, recognizeName, type CameraPatterns } from './recognize';

export interface MonitorDeps {
  db: Db;
  logger: Logger;
  patterns: CameraPatterns;
  /** Starts a dock for a recognised volume (auto-ingest); returns its id. */
  autoIngest?: (v: VolumeView) => number | undefined;
}

/**
 * Watches for cameras: USB mass-storage volumes and sub-folders of the administrator's watched
 * folders. Each new volume is recognised (device file or file names) and, when recognised,
 * docked at once — the clerk does not have to babysit it; otherwise it waits on the Dock screen
 * for the clerk to pick officer and device.
 */
export class VolumeMonitor {
  private readonly watcher: VolumeWatcher;
  private readonly volumes = new Map<string, VolumeView>();

  constructor(
    private readonly deps: MonitorDeps,
    opts: { usbSource?: VolumeSource; intervalMs?: number } = {},
  ) {
    const watched = watchedFoldersSource(
      () => deps.db.prepare('SELECT path FROM watched_folders').pluck().all() as string[],
    );
    this.watcher = new VolumeWatcher(combinedSource(opts.usbSource ?? platformSource(), watched), {
      intervalMs: opts.intervalMs ?? 1000,
      logger: deps.logger,
    });
    this.watcher.on('added', (v) => void this.onAdded(v));
    this.watcher.on('removed', (v) => this.volumes.delete(v.id));
    this.watcher.on('error', (err) => deps.logger.warn('volume detection', { message: String(err) }));
  }

  /** Starts polling (a new volume shows within about a second). */
  async start(): Promise<void> {
    await this.watcher.start();
  }

  stop(): void {
    this.watcher.stop();
  }

  /** Volumes present now. */
  list(): VolumeView[] {
    return [...this.volumes.values()];
  }

  /** One present volume by id. */
  get(id: string): VolumeView | undefined {
    return this.volumes.get(id);
  }

  /** Notes which dock runs on a volume (shown on the Dock screen). */
  setDock(volumeId: string, dockId: number): void {
    const v = this.volumes.get(volumeId);
    if (v) v.dockId = dockId;
  }

  private async onAdded(d: DetectedVolume): Promise<void> {
    const v: VolumeView = { id: d.id, path: d.path, label: d.label, kind: d.kind };
    Object.assign(v, await recogniseVolume(d.path, this.deps.patterns));
    this.volumes.set(d.id, v);
    if (this.deps.autoIngest && (v.deviceSerial || v.officerCode)) {
      try {
        v.dockId = this.deps.autoIngest(v);
      } catch (err) {
        this.deps.logger.warn('auto-ingest did not start', { volume: d.path, message: String(err) });
      }
    }
  }
}

/** Device and officer of a volume, from its device file or the first recognisable file names. */
export async function recogniseVolume(
  root: string,
  patterns: CameraPatterns,
): Promise<{ deviceSerial?: string; officerCode?: string }> {
  const top = await readdir(root).catch(() => [] as string[]);
  const info = top.find((n) => patterns.devicePattern.test(n));
  if (info) {
    const d = parseDeviceInfo(await readFile(join(root, info), 'utf8').catch(() => ''));
    if (d.serial || d.officerCode) return { deviceSerial: d.serial, officerCode: d.officerCode };
  }
  // Look a little way into DCIM-style folders for a recognisable name.
  const queue = [root];
  for (let seen = 0; queue.length && seen < 200;) {
    const dir = queue.shift()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      seen++;
      if (e.isDirectory()) queue.push(join(dir, e.name));
      else if (e.isFile()) {
        const r = recognizeName(e.name, patterns);
        if (r.deviceSerial || r.officerCode)
          return { deviceSerial: r.deviceSerial, officerCode: r.officerCode };
      }
    }
  }
  return {};
}
