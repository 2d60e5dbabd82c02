import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Clock, Logger } from '../core/context';
import { toEngineError } from '../core/errors';
import type { Db } from '../storage/db';
import type { CustodySink } from '../identity/deps';
import { objectPath } from '../storage/object-store';
import { probeMedia } from '../media/probe';
import { needsProxy } from '../media/playability';
import {
  makeAudioProxy,
  makePhotoThumb,
  makePoster,
  makeProxy,
  makeScrubStrip,
  makeWaveform,
} from '../media/derive';
import type { DerivedFile, MediaProbe } from '../media/types';

export interface ProcessingDeps {
  db: Db;
  custody: CustodySink;
  clock: Clock;
  logger: Logger;
  dirs: { originals: string; derived: string };
}

/**
 * Background media work after ingest: probe each new original, then make what it needs to be
 * viewed — a poster and keyframe scrub strip for video, a proxy only where the original cannot
 * play, thumbnails for photos, a waveform (and AAC proxy if needed) for audio. One item at a
 * time (ffmpeg uses both cores). Each derived file is registered with its hash and a custody
 * entry naming the original it derives from. Never touches the original.
 */
export class MediaProcessor {
  private readonly queue: number[] = [];
  private running = false;
  private readonly controller = new AbortController();
  private idle: Promise<void> = Promise.resolve();
  private wake?: () => void;

  constructor(private readonly deps: ProcessingDeps) {}

  /** Queues an item (new originals only; duplicates already have their derived files). */
  enqueue(mediaId: number): void {
    if (this.queue.includes(mediaId)) return;
    this.queue.push(mediaId);
    this.pump();
  }

  /** Queues items left pending or interrupted by a previous run. */
  resume(): void {
    const ids = this.deps.db
      .prepare("SELECT id FROM media WHERE processing IN ('pending','running') ORDER BY id")
      .pluck()
      .all() as number[];
    for (const id of ids) this.enqueue(id);
  }

  /** Resolves when the queue is empty (tests, benchmarks). */
  drained(): Promise<void> {
    return this.running || this.queue.length ? new Promise<void>((r) => (this.wake = r)) : Promise.resolve();
  }

  /** Stops work in progress (its partial output is discarded) and waits for it. */
  async stop(): Promise<void> {
    this.queue.length = 0;
    this.controller.abort();
    await this.idle;
  }

  private pump(): void {
    if (this.running || this.controller.signal.aborted) return;
    const id = this.queue.shift();
    if (id === undefined) {
      this.wake?.();
      this.wake = undefined;
      return;
    }
    this.running = true;
    this.idle = this.process(id).finally(() => {
      this.running = false;
      this.pump();
    });
  }

  private async process(id: number): Promise<void> {
    const { db, logger } = this.deps;
    const row = db.prepare('SELECT sha256, kind, recorded_at FROM media WHERE id = ?').get(id) as
      { sha256: string; kind: string; recorded_at: string | null } | undefined;
    if (!row) return;
    db.prepare("UPDATE media SET processing = 'running' WHERE id = ?").run(id);
    const signal = this.controller.signal;
    try {
      const input = objectPath(this.deps.dirs.originals, row.sha256);
      const probe = await probeMedia(input, signal);
      this.saveProbe(id, probe, row.recorded_at);
      if (!probe.unreadable) {
        const outDir = join(this.deps.dirs.derived, row.sha256.slice(0, 2), String(id));
        await mkdir(outDir, { recursive: true });
        const opts = { signal };
        const made: DerivedFile[] = [];
        const verdict = needsProxy(probe);
        if (probe.kind === 'video') {
          made.push(await makePoster(input, probe, outDir, opts));
          made.push(await makeScrubStrip(input, probe, outDir, opts));
          if (verdict.proxy) made.push(await makeProxy(input, probe, outDir, opts));
        } else if (probe.kind === 'photo') {
          made.push(await makePhotoThumb(input, outDir, { ...opts, probe }));
        } else if (probe.kind === 'audio') {
          made.push(await makeWaveform(input, probe, outDir, opts));
          if (verdict.proxy) made.push(await makeAudioProxy(input, probe, outDir, opts));
        }
        for (const d of made) this.register(id, row.sha256, d);
      }
      db.prepare("UPDATE media SET processing = 'done' WHERE id = ?").run(id);
    } catch (err) {
      const e = toEngineError(err);
      if (signal.aborted) return; // left 'running': resumed at the next start
      logger.warn('media processing failed', { media: id, message: e.message });
      db.transaction(() => {
        db.prepare("UPDATE media SET processing = 'failed' WHERE id = ?").run(id);
        this.deps.custody.append({
          actor: 'system',
          action: 'media.process.failed',
          subjects: [`media:${id}`],
          details: { message: e.message },
        });
      })();
    }
  }

  private saveProbe(id: number, probe: MediaProbe, recordedAt: string | null): void {
    const { db } = this.deps;
    if (probe.unreadable) {
      db.prepare('UPDATE media SET probe_json = ?, playable = 0, unreadable_reason = ? WHERE id = ?').run(
        JSON.stringify(probe),
        probe.reason,
        id,
      );
      return;
    }
    const playable = probe.kind === 'photo' || !needsProxy(probe).proxy;
    db.prepare(
      'UPDATE media SET probe_json = ?, playable = ?, kind = ?, recorded_at = coalesce(recorded_at, ?) WHERE id = ?',
    ).run(
      JSON.stringify(probe),
      playable ? 1 : 0,
      probe.kind === 'other' ? 'other' : probe.kind,
      recordedAt ? null : probe.creationTime,
      id,
    );
  }

  private register(mediaId: number, originalSha: string, d: DerivedFile): void {
    const { db, custody, clock } = this.deps;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO derived(media_id, kind, sha256, size, rel_path, meta_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(media_id, kind) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, rel_path = excluded.rel_path, meta_json = excluded.meta_json, created_at = excluded.created_at`,
      ).run(
        mediaId,
        d.kind,
        d.sha256,
        d.size,
        relative(this.deps.dirs.derived, d.path),
        JSON.stringify(d.meta),
        clock.now().toISOString(),
      );
      custody.append({
        actor: 'system',
        action: 'media.derive',
        subjects: [`media:${mediaId}`],
        hashes: { original: originalSha, derived: d.sha256 },
        details: { kind: d.kind, size: d.size, meta: d.meta },
      });
    })();
  }
}
