/**
 * Polls a volume source and announces volumes appearing and going. Polling (default every second)
 * works everywhere without root or native code and reports a new mount within about two seconds;
 * `refresh()` lets a host poll at once when it has a hint (a click, an OS notification).
 */
import { EventEmitter } from 'node:events';
import { silentLogger, type Logger } from '../core/context';
import { PartialListError, type DetectedVolume, type VolumeSource } from './types';

/** Events of {@link VolumeWatcher} and their arguments. */
export type VolumeWatcherEvents = {
  /** A volume appeared (including those present at the first poll). */
  added: [volume: DetectedVolume];
  /** A volume went away (unplugged, unmounted, folder deleted) or moved to another path. */
  removed: [volume: DetectedVolume];
  /** Same id and path, other details changed (label, read-only, …). */
  changed: [volume: DetectedVolume, previous: DetectedVolume];
  /** The source failed; volumes are kept as they were (or as the working sources say). */
  error: [error: unknown];
};

/** Options of {@link VolumeWatcher}. */
export interface VolumeWatcherOptions {
  /** Pause between the end of one poll and the start of the next. Default 1000 ms. */
  intervalMs?: number;
  /** Where source failures go when nobody listens to `error`. */
  logger?: Logger;
}

/**
 * Gives every volume a distinct id: two cards cloned from one image share a filesystem UUID, so
 * later duplicates become `<id>@<path>` rather than hiding each other.
 */
export function uniqueIds(volumes: readonly DetectedVolume[]): DetectedVolume[] {
  const seen = new Set<string>();
  return volumes.map((v) => {
    if (!seen.has(v.id)) {
      seen.add(v.id);
      return v;
    }
    const id = `${v.id}@${v.path}`;
    seen.add(id);
    return { ...v, id };
  });
}

function sameDetails(a: DetectedVolume, b: DetectedVolume): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof DetectedVolume)[]);
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * Watches a {@link VolumeSource}: `start()` polls at once (resolving when that first poll is
 * done, so `volumes` is populated) and then every `intervalMs`; `stop()` ends polling, and a poll
 * still running when stopped announces nothing. Polls never overlap. Never writes to volumes.
 */
export class VolumeWatcher extends EventEmitter<VolumeWatcherEvents> {
  private readonly source: VolumeSource;
  private readonly intervalMs: number;
  private readonly logger: Logger;
  private current = new Map<string, DetectedVolume>();
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private epoch = 0;
  private active = false;

  constructor(source: VolumeSource, opts: VolumeWatcherOptions = {}) {
    super();
    this.source = source;
    this.intervalMs = opts.intervalMs ?? 1000;
    this.logger = opts.logger ?? silentLogger;
  }

  /** Volumes known after the last poll, in source order. */
  get volumes(): DetectedVolume[] {
    return [...this.current.values()];
  }

  /** True between `start()` and `stop()`. */
  get running(): boolean {
    return this.active;
  }

  /** Starts polling; resolves after the first poll. Calling it while running does nothing. */
  start(): Promise<void> {
    if (this.active) return this.chain;
    this.active = true;
    const epoch = ++this.epoch;
    const first = this.refresh();
    const loop = () => {
      if (!this.active || epoch !== this.epoch) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.refresh().then(loop);
      }, this.intervalMs);
    };
    void first.then(loop);
    return first;
  }

  /** Stops polling. Known volumes stay in `volumes`; nothing is announced as removed. */
  stop(): void {
    this.active = false;
    this.epoch++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Polls now (after any poll in progress) and announces the differences. Never rejects. */
  refresh(): Promise<void> {
    // A throwing listener must not wedge the chain and stop all later polls.
    const epoch = this.epoch; // taken now, so start() followed at once by stop() announces nothing
    this.chain = this.chain
      .then(() => this.poll(epoch))
      .catch((err: unknown) => this.logger.error('volume watcher listener failed', { error: String(err) }));
    return this.chain;
  }

  private async poll(epoch: number): Promise<void> {
    let listed: DetectedVolume[];
    try {
      listed = await this.source.list();
    } catch (err) {
      if (epoch !== this.epoch) return;
      this.report(err);
      if (!(err instanceof PartialListError)) return;
      listed = err.volumes;
    }
    if (epoch !== this.epoch) return;
    this.apply(uniqueIds(listed));
  }

  private report(err: unknown): void {
    if (this.listenerCount('error') > 0) this.emit('error', err);
    else
      this.logger.warn('volume source failed', { error: err instanceof Error ? err.message : String(err) });
  }

  /** Replaces the known set and emits removals first, then additions, then changes. */
  private apply(listed: DetectedVolume[]): void {
    const next = new Map(listed.map((v) => [v.id, v]));
    const removed: DetectedVolume[] = [];
    const added: DetectedVolume[] = [];
    const changed: [DetectedVolume, DetectedVolume][] = [];
    for (const [id, old] of this.current) {
      const now = next.get(id);
      if (!now || now.path !== old.path) removed.push(old);
    }
    for (const [id, v] of next) {
      const old = this.current.get(id);
      if (!old || old.path !== v.path) added.push(v);
      else if (!sameDetails(old, v)) changed.push([v, old]);
    }
    this.current = next;
    for (const v of removed) this.emit('removed', v);
    for (const v of added) this.emit('added', v);
    for (const [v, old] of changed) this.emit('changed', v, old);
  }
}
