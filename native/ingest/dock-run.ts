import { readFile, unlink, access } from 'node:fs/promises';
import type { Clock, Logger } from '../core/context';
import { EngineError, toEngineError } from '../core/errors';
import type { Db } from '../storage/db';
import type { CustodySink } from '../identity/deps';
import type { DockFileView, DockView } from '../api/types';
import type { CopyPool } from './copy-pool';
import { parseDeviceInfo, recognizeName, type CameraPatterns, type DeviceInfo } from './recognize';
import { scanVolume, type SourceFile } from './scan';
import { kindOf, priorCopy, recordFailure, registerArrival } from './register';
import { countFiles, RateMeter } from './dock-progress';
import { deviceById, deviceBySerial, upsertDevice, type Device } from '../registry/devices';
import { officerByCode, officerById, type Officer } from '../registry/officers';

export interface DockDeps {
  db: Db;
  custody: CustodySink;
  clock: Clock;
  logger: Logger;
  pool: CopyPool;
  patterns: CameraPatterns;
  /** Called after each committed item (new or linked), e.g. to queue media processing. */
  onCommitted?: (mediaId: number, created: boolean) => void;
  /** Batch boundary: write a signed checkpoint. */
  checkpoint: () => void;
}

export interface DockRequest {
  volume: { id: string; path: string; label?: string; source: 'usb' | 'watched' | 'manual' | 'cli' };
  officerCode?: string;
  deviceSerial?: string;
  actor: string;
}

/**
 * One docking of one volume: scan, copy-and-verify every file through the copy pool, register
 * each verified file with its custody entry (all or nothing per file), optionally clear the
 * camera, and keep the dock report. Progress is in `view`, updated as bytes move.
 */
export class DockRun {
  readonly view: DockView;
  private readonly meter = new RateMeter();
  private readonly files = new Map<string, { src: SourceFile; view: DockFileView }>();
  private deviceInfo: DeviceInfo = {};
  private device?: Device;
  private officer?: Officer;

  constructor(
    private readonly deps: DockDeps,
    private readonly req: DockRequest,
  ) {
    const { db, clock, custody } = deps;
    this.officer = req.officerCode ? officerByCode(db, req.officerCode) : undefined;
    if (req.officerCode && !this.officer) {
      throw new EngineError('BAD_INPUT', `Officer ${req.officerCode} is not in the officer registry.`, {
        field: 'officer',
        hint: 'Add the officer under Admin → Officers (or import the CSV), or choose another.',
      });
    }
    this.device = req.deviceSerial ? deviceBySerial(db, req.deviceSerial) : undefined;
    if (req.deviceSerial && !this.device) {
      throw new EngineError('BAD_INPUT', `Device ${req.deviceSerial} is not in the device registry.`, {
        field: 'device',
        hint: 'Register the camera under Admin → Devices, or choose another.',
      });
    }
    const startedAt = clock.now().toISOString();
    const id = db.transaction(() => {
      const dockId = Number(
        db
          .prepare(
            `INSERT INTO docks(volume_id, volume_path, volume_label, source, device_id, officer_id, started_by, started_at, state)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')`,
          )
          .run(
            req.volume.id,
            req.volume.path,
            req.volume.label ?? '',
            req.volume.source,
            this.device?.id ?? null,
            this.officer?.id ?? null,
            req.actor,
            startedAt,
          ).lastInsertRowid,
      );
      custody.append({
        actor: req.actor,
        action: 'dock.start',
        subjects: [`dock:${dockId}`],
        details: {
          volume: req.volume.id,
          path: req.volume.path,
          label: req.volume.label ?? '',
          source: req.volume.source,
          device: req.deviceSerial,
          officer: req.officerCode,
        },
      });
      return dockId;
    })();
    this.view = {
      id,
      volumeId: req.volume.id,
      volumePath: req.volume.path,
      volumeLabel: req.volume.label ?? '',
      source: req.volume.source,
      state: 'running',
      startedBy: req.actor,
      startedAt,
      deviceSerial: this.device?.serial,
      officerCode: this.officer?.code,
      officerName: this.officer?.name,
      totalBytes: 0,
      doneBytes: 0,
      rateBps: 0,
      counts: { found: 0, ingested: 0, duplicates: 0, failed: 0, skipped: 0 },
      files: [],
    };
  }

  /** Runs the dock to the end (or until `signal` aborts); resolves with the final report. */
  async run(signal: AbortSignal, only?: Set<string>): Promise<DockView> {
    try {
      if (this.files.size === 0) await this.prepare(signal);
      const todo = [...this.files.values()].filter((f) =>
        only ? only.has(f.src.relPath) : f.view.state === 'pending',
      );
      await this.drain(todo, signal);
      if (!signal.aborted) await this.clearCamera();
      this.view.state = 'running';
      this.finish(signal.aborted ? 'cancelled' : 'done');
    } catch (err) {
      const e = toEngineError(err);
      this.deps.logger.error('dock failed', { dock: this.view.id, message: e.message });
      this.finish(e.code === 'CANCELLED' || signal.aborted ? 'cancelled' : 'failed', e.message);
      if (e.code !== 'CANCELLED') throw e;
    }
    return this.view;
  }

  private async prepare(signal: AbortSignal): Promise<void> {
    const { db } = this.deps;
    const { files, skipped } = await scanVolume(this.req.volume.path, signal);
    const infoFile = files.find(
      (f) => !f.relPath.includes('/') && this.deps.patterns.devicePattern.test(f.relPath),
    );
    if (infoFile) this.deviceInfo = parseDeviceInfo(await readFile(infoFile.absPath, 'utf8').catch(() => ''));
    if (!this.device && this.deviceInfo.serial)
      this.device = this.deviceFor(this.deviceInfo.serial, this.deviceInfo.model);
    if (!this.officer && this.deviceInfo.officerCode)
      this.officer = officerByCode(db, this.deviceInfo.officerCode);
    if (!this.officer && this.device?.officerId) this.officer = officerById(db, this.device.officerId);
    Object.assign(this.view, {
      deviceSerial: this.device?.serial,
      officerCode: this.officer?.code,
      officerName: this.officer?.name,
    });
    db.transaction(() => {
      const ins = db.prepare(
        'INSERT OR IGNORE INTO dock_files(dock_id, rel_path, size, state, error_code, error_message) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const f of files) {
        ins.run(this.view.id, f.relPath, f.size, 'pending', null, null);
        const view: DockFileView = { relPath: f.relPath, size: f.size, state: 'pending', doneBytes: 0 };
        this.files.set(f.relPath, { src: f, view });
        this.view.files.push(view);
      }
      for (const s of skipped) {
        ins.run(this.view.id, s.relPath, 0, 'skipped', s.reason, s.message);
        this.view.files.push({
          relPath: s.relPath,
          size: 0,
          state: 'skipped',
          doneBytes: 0,
          error: { code: s.reason, message: s.message },
        });
      }
      db.prepare('UPDATE docks SET device_id = ?, officer_id = ? WHERE id = ?').run(
        this.device?.id ?? null,
        this.officer?.id ?? null,
        this.view.id,
      );
    })();
    this.view.totalBytes = files.reduce((n, f) => n + f.size, 0);
    this.view.counts = countFiles(this.view.files);
  }

  private async drain(todo: { src: SourceFile; view: DockFileView }[], signal: AbortSignal): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < todo.length && !signal.aborted) await this.one(todo[next++]!, signal);
    };
    await Promise.all(Array.from({ length: this.deps.pool.size }, lane));
  }

  private async one(f: { src: SourceFile; view: DockFileView }, signal: AbortSignal): Promise<void> {
    const { src, view } = f;
    const onBytes = (n: number) => {
      view.doneBytes += n;
      this.view.doneBytes += n;
      this.tick();
    };
    const undo = () => {
      this.view.doneBytes -= view.doneBytes;
      view.doneBytes = 0;
    };
    try {
      if (src.problem) throw new EngineError('BAD_INPUT', `${src.relPath}: ${src.problem}`);
      const prior = priorCopy(this.deps.db, this.req.volume.id, src.relPath, src.size, src.mtimeMs);
      view.state = prior ? 'verifying' : 'copying';
      let r = await this.deps.pool.run(src.absPath, prior ? 'hash' : 'copy', { onBytes, signal });
      if (prior && r.sha256 !== prior) {
        undo();
        view.state = 'copying';
        r = await this.deps.pool.run(src.absPath, 'copy', { onBytes, signal });
      }
      const rec = recognizeName(src.relPath, this.deps.patterns);
      const device = this.device ?? (rec.deviceSerial ? this.deviceFor(rec.deviceSerial) : undefined);
      const officer =
        this.officer ??
        (rec.officerCode ? officerByCode(this.deps.db, rec.officerCode) : undefined) ??
        (device?.officerId ? officerById(this.deps.db, device.officerId) : undefined);
      const { mediaId, duplicate } = registerArrival(
        this.deps,
        {
          dockId: this.view.id,
          volumeId: this.req.volume.id,
          volumePath: this.req.volume.path,
          relPath: src.relPath,
          sha256: r.sha256,
          size: r.size,
          mtimeMs: src.mtimeMs,
          kind: kindOf(src.relPath),
          officerId: officer?.id ?? null,
          deviceId: device?.id ?? null,
          recordedAt: rec.recordedAt ?? null,
          important: rec.important,
          recognisedBy:
            this.req.officerCode || this.req.deviceSerial
              ? 'clerk'
              : this.deviceInfo.serial
                ? 'device-file'
                : (rec.pattern ?? 'none'),
        },
        this.req.actor,
      );
      Object.assign(view, { state: duplicate ? 'duplicate' : 'ingested', sha256: r.sha256, mediaId });
      this.deps.onCommitted?.(mediaId, !duplicate);
    } catch (err) {
      undo();
      const e = toEngineError(err);
      if (e.code === 'CANCELLED' && signal.aborted) {
        view.state = 'pending';
        return;
      }
      const error = { code: e.code, message: await this.explain(src, e) };
      Object.assign(view, { state: 'failed', error });
      try {
        recordFailure(this.deps, this.view.id, src.relPath, error, this.req.actor);
      } catch (err2) {
        // A full disk can refuse even this line of the report; the live view still has it.
        this.deps.logger.error('could not record a failed file', {
          relPath: src.relPath,
          message: String(err2),
        });
      }
    } finally {
      this.view.counts = countFiles(this.view.files);
      this.tick();
    }
  }

  /** A per-file message that says what happened in the clerk's terms. */
  private async explain(src: SourceFile, e: EngineError): Promise<string> {
    const cause = (e.cause as NodeJS.ErrnoException | undefined)?.code;
    if (src.problem) return e.message;
    if (e.code === 'DISK_FULL')
      return `${src.relPath}: the data disk is full; nothing was stored. Free space, then retry.`;
    if (cause === 'ENOENT' || cause === 'EIO' || cause === 'ENXIO' || cause === 'ENODEV') {
      const gone = await access(this.req.volume.path).then(
        () => false,
        () => true,
      );
      if (gone)
        return `${src.relPath}: the volume was removed during the copy; nothing was stored. Reconnect the camera and dock again — finished files are kept.`;
      if (cause === 'EIO')
        return `${src.relPath}: read error on the camera's storage (${cause}); nothing was stored. Retry, or check the card.`;
      return `${src.relPath}: the file disappeared from the volume; nothing was stored.`;
    }
    if (e.code === 'READ_ONLY' || cause === 'EACCES' || cause === 'EPERM')
      return `${src.relPath}: permission denied reading the file; nothing was stored.`;
    return `${src.relPath}: ${e.message}`;
  }

  private deviceFor(serial: string, model?: string): Device | undefined {
    const known = deviceBySerial(this.deps.db, serial);
    if (known) return known;
    try {
      // A camera seen for the first time is registered, so its later docks are recognised.
      return upsertDevice(this.deps, { serial, model }, 'system');
    } catch {
      return undefined;
    }
  }

  private async clearCamera(): Promise<void> {
    const device = this.device?.id ? deviceById(this.deps.db, this.device.id) : undefined;
    if (!device?.clearAfterIngest) return;
    for (const { src, view } of this.files.values()) {
      if (view.state !== 'ingested' && view.state !== 'duplicate') continue;
      try {
        await unlink(src.absPath);
        this.deps.custody.append({
          actor: this.req.actor,
          action: 'camera.file.deleted',
          subjects: [`dock:${this.view.id}`, `media:${view.mediaId}`],
          hashes: { sha256: view.sha256! },
          details: { relPath: src.relPath },
        });
      } catch (err) {
        this.deps.logger.warn('camera clearing failed', {
          relPath: src.relPath,
          message: (err as Error).message,
        });
      }
    }
  }

  private tick(): void {
    const t = Date.now();
    this.meter.sample(t, this.view.doneBytes);
    this.view.rateBps = Math.round(this.meter.rate());
    this.view.etaSec = this.meter.eta(Math.max(0, this.view.totalBytes - this.view.doneBytes));
  }

  private finish(state: DockView['state'], message?: string): void {
    const { db, custody, clock } = this.deps;
    this.view.state = state;
    this.view.finishedAt = clock.now().toISOString();
    this.view.counts = countFiles(this.view.files);
    this.view.etaSec = undefined;
    try {
      db.transaction(() => {
        db.prepare('UPDATE docks SET state = ?, finished_at = ?, summary_json = ? WHERE id = ?').run(
          state,
          this.view.finishedAt,
          JSON.stringify({ ...this.view.counts, totalBytes: this.view.totalBytes, message }),
          this.view.id,
        );
        custody.append({
          actor: this.req.actor,
          action: 'dock.finish',
          subjects: [`dock:${this.view.id}`],
          details: { state, ...this.view.counts, message },
        });
      })();
    } catch (err) {
      // The report cannot be written (full disk): the live view keeps it, and at the next start
      // this dock is marked interrupted; re-docking resumes.
      this.deps.logger.error('could not record the end of a dock', {
        dock: this.view.id,
        message: String(err),
      });
    }
    this.deps.checkpoint();
  }
}
