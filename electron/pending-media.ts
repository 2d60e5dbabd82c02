/**
 * Media-ticket look-ups in flight to the engine host, matched to replies by id. Kept apart from
 * PendingCalls because the answer is a file or nothing, not an ApiResult: when the host exits its
 * in-memory tickets die with it, so every waiting look-up resolves to "unknown" (a 404).
 */
import type { Ticketed } from '../native/library/tickets';

export class PendingMedia {
  private nextId = 1;
  private readonly waiting = new Map<number, (media: Ticketed | undefined) => void>();

  /** Registers a look-up; returns its id and a promise of the file (undefined when unknown). */
  open(): { id: number; media: Promise<Ticketed | undefined> } {
    const id = this.nextId++;
    const media = new Promise<Ticketed | undefined>((resolve) => this.waiting.set(id, resolve));
    return { id, media };
  }

  /** Delivers a reply (null = unknown ticket). Returns false for an id that is not waiting. */
  settle(id: number, media: Ticketed | null): boolean {
    const resolve = this.waiting.get(id);
    if (!resolve) return false;
    this.waiting.delete(id);
    resolve(media ? { path: media.path, mime: media.mime } : undefined);
    return true;
  }

  /** Resolves every waiting look-up as unknown; returns how many there were. */
  failAll(): number {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const resolve of all) resolve(undefined);
    return all.length;
  }

  /** Number of look-ups still waiting. */
  get size(): number {
    return this.waiting.size;
  }
}
