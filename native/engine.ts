import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import type { EngineContext } from './core/context';
import { EngineError, toEngineError } from './core/errors';
import { JobRegistry } from './core/jobs';
import { dataLayout, type DataLayout } from './storage/data-dir';
import { getSetting, openDatabase, type Db } from './storage/db';
import { clearTemp } from './storage/object-store';
import { CustodyLog } from './custody/custody-log';
import { checkpointDue, latestCheckpoint, writeCheckpoint } from './custody/checkpoints';
import { vkeyOf } from './custody/signed-note';
import { join } from 'node:path';
import { defaultResourcesDir } from './core/resources';
import { CopyPool } from './ingest/copy-pool';
import { IngestService, markInterrupted } from './ingest/ingest-service';
import { loadPatterns } from './ingest/recognize';
import { TicketStore } from './library/tickets';
import { VolumeMonitor } from './ingest/volume-monitor';
import { MediaProcessor } from './ingest/media-processing';
import type { VolumeSource } from './volumes';
import { SessionStore } from './api/sessions';
import { loadAgency, loadAgencyRecord, loadKeys } from './identity/agency';
import type { AgencyInfo, CheckpointView } from './api/types';

export interface OpenOptions extends EngineContext {
  /** The resources folder (camera patterns …); found automatically when not given. */
  resourcesDir?: string;
  /** Files copied at once (copy workers); default 2, one per core of the reference machine. */
  copyParallelism?: number;
  /**
   * Create the data directory and an empty database when there is none (the app's first run).
   * The CLI passes false so a mistyped --data is reported, not silently created.
   */
  create?: boolean;
}

/** The engine: one open data directory, its database (the single writer), custody log and jobs. */
export interface Engine {
  readonly ctx: EngineContext;
  readonly layout: DataLayout;
  readonly db: Db;
  readonly custody: CustodyLog;
  readonly jobs: JobRegistry;
  readonly sessions: SessionStore;
  readonly ingest: IngestService;
  /** Probes and derived files (posters, strips, proxies) for new originals, in the background. */
  readonly media: MediaProcessor;
  readonly tickets: TicketStore;
  /** The agency record, or undefined before `init`. */
  agency(): AgencyInfo | undefined;
  /** Throws NOT_INITIALIZED before `init`. */
  requireAgency(): AgencyInfo;
  /** Checkpoint origin line and signer (the workstation's Ed25519 note key). */
  noteSigner(): { origin: string; name: string; privateKeyPem: string; vkey: string };
  /** Writes a signed checkpoint if the tree grew since the last one (after each batch of work). */
  checkpoint(): CheckpointView | undefined;
  /** Volume detection, once a host has started it (serve, Electron); the CLI does not. */
  monitor?: VolumeMonitor;
  /** Starts watching for cameras; recognised ones are docked automatically as 'system'. */
  startMonitor(opts?: {
    usbSource?: VolumeSource;
    intervalMs?: number;
    autoIngest?: boolean;
  }): Promise<VolumeMonitor>;
  /**
   * Long-running hosts (serve, Electron) start background media processing: items left pending
   * are resumed and every new original is processed. Short CLI runs leave it to them.
   */
  startMediaProcessing(): void;
  /**
   * The end of a batch of work: writes a checkpoint if the tree grew. The work itself is already
   * committed, so a checkpoint that cannot be written now (full disk) is logged and left to the
   * next batch rather than turning that success into an error.
   */
  endBatch(): void;
  /** Writes a checkpoint when none was written in the last 24 h (called by the host's timer). */
  checkpointIfDue(): void;
  /** Stops running docks (committed files stay), workers, and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens a data directory. Temp files left by an interrupted copy are discarded here, so a
 * crash never leaves half-stored files behind.
 */
export async function openEngine(opts: OpenOptions): Promise<Engine> {
  const layout = dataLayout(opts.dataDir);
  const fresh = !existsSync(layout.database);
  if (fresh) {
    if (!opts.create) openDatabase(layout.database); // throws DATABASE_MISSING with a hint
    if (hasEvidence(layout)) {
      throw new EngineError(
        'DATABASE_MISSING',
        `The data directory ${layout.root} holds stored files but its database workstation.db is missing.`,
        {
          hint: 'Restore workstation.db from backup; the workstation will not start a new database over existing evidence.',
        },
      );
    }
  }
  try {
    for (const dir of [layout.root, layout.originals, layout.derived, layout.logs, layout.keys]) {
      mkdirSync(dir, { recursive: true });
    }
    await clearTemp(layout.tmp);
  } catch (err) {
    throw toEngineError(err);
  }
  const db = openDatabase(layout.database, { create: true });
  const custody = new CustodyLog(db, opts.clock);
  markInterrupted(db, opts.clock.now().toISOString());
  // Files copied at once: the host's option, else the 'ingest.parallelism' setting, else 2.
  const parallelism = opts.copyParallelism ?? (Number(getSetting(db, 'ingest.parallelism')) || 2);
  const pool = new CopyPool(
    { originals: layout.originals, tmp: layout.tmp },
    Math.min(8, Math.max(1, parallelism)),
  );
  const patterns = loadPatterns(join(opts.resourcesDir ?? defaultResourcesDir(), 'camera-patterns.json'));
  const ctx: EngineContext = { dataDir: opts.dataDir, clock: opts.clock, logger: opts.logger };
  let signer: ReturnType<Engine['noteSigner']> | undefined;
  let processing = false;

  const engine: Engine = {
    ctx,
    layout,
    db,
    custody,
    jobs: new JobRegistry(),
    sessions: new SessionStore(opts.clock),
    tickets: new TicketStore(opts.clock),
    ingest: new IngestService({
      db,
      custody,
      clock: opts.clock,
      logger: opts.logger,
      pool,
      patterns,
      checkpoint: () => engine.endBatch(),
      onCommitted: (mediaId, created) => {
        if (created && processing) engine.media.enqueue(mediaId);
      },
    }),
    media: new MediaProcessor({ db, custody, clock: opts.clock, logger: opts.logger, dirs: layout }),
    startMediaProcessing() {
      processing = true;
      engine.media.resume();
    },
    agency: () => loadAgency(db),
    requireAgency() {
      const a = loadAgency(db);
      if (!a) {
        throw new EngineError('NOT_INITIALIZED', 'This workstation has not been set up yet.', {
          hint: 'Run the first-run setup, or `workstation init --agency NAME --admin LOGIN`.',
        });
      }
      return a;
    },
    noteSigner() {
      if (signer) return signer;
      engine.requireAgency();
      const rec = loadAgencyRecord(db)!;
      const keys = loadKeys(layout);
      signer = {
        origin: rec.noteKeyName,
        name: rec.noteKeyName,
        privateKeyPem: keys.noteKeyPem,
        vkey: vkeyOf(rec.noteKeyName, rec.notePublicKeyPem),
      };
      return signer;
    },
    checkpoint() {
      if (!loadAgency(db)) return undefined;
      const s = engine.noteSigner();
      // writeCheckpoint commits durably: the batch's power-loss barrier (see durably()).
      return writeCheckpoint(
        db,
        custody,
        { name: s.name, privateKeyPem: s.privateKeyPem },
        s.origin,
        opts.clock,
      );
    },
    async startMonitor(mo = {}) {
      if (engine.monitor) return engine.monitor;
      const monitor = new VolumeMonitor(
        {
          db,
          logger: opts.logger,
          patterns,
          autoIngest:
            mo.autoIngest === false
              ? undefined
              : (v) => {
                  if (!loadAgency(db)) return undefined;
                  return engine.ingest.start({
                    volume: { id: v.id, path: v.path, label: v.label, source: v.kind },
                    actor: 'system',
                  }).dockId;
                },
        },
        mo,
      );
      engine.monitor = monitor;
      await monitor.start();
      return monitor;
    },
    endBatch() {
      try {
        engine.checkpoint();
      } catch (err) {
        opts.logger.warn('checkpoint deferred', { message: toEngineError(err).message });
      }
    },
    checkpointIfDue() {
      if (loadAgency(db) && checkpointDue(db, opts.clock)) engine.checkpoint();
    },
    async close() {
      engine.monitor?.stop();
      engine.jobs.cancelAll();
      await engine.ingest.stopAll();
      await engine.media.stop();
      await pool.close();
      try {
        if (loadAgency(db) && custody.size() > (latestCheckpoint(db)?.size ?? 0)) engine.checkpoint();
      } finally {
        db.close();
      }
    },
  };
  return engine;
}

function hasEvidence(layout: DataLayout): boolean {
  for (const dir of [layout.originals, layout.keys]) {
    try {
      if (readdirSync(dir).length > 0) return true;
    } catch {
      /* absent */
    }
  }
  return false;
}
