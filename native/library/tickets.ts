import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/context';

export interface Ticketed {
  path: string;
  mime: string;
}

/**
 * Short-lived capability URLs for media files: `<video src>` cannot send headers, so the
 * player gets `/media/<ticket>` for exactly the files it was granted (after its view was
 * logged). Tickets expire; nothing else under the data directory is reachable this way.
 */
export class TicketStore {
  private readonly tickets = new Map<string, Ticketed & { expires: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 4 * 3600_000,
  ) {}

  /** Grants one file; returns its URL path. */
  grant(path: string, mime: string): string {
    this.prune();
    const t = randomBytes(18).toString('base64url');
    this.tickets.set(t, { path, mime, expires: this.clock.now().getTime() + this.ttlMs });
    return `/media/${t}`;
  }

  /** The file behind a ticket, or undefined when unknown or expired. */
  resolve(ticket: string): Ticketed | undefined {
    const t = this.tickets.get(ticket);
    if (!t || t.expires < this.clock.now().getTime()) return undefined;
    return { path: t.path, mime: t.mime };
  }

  private prune(): void {
    const now = this.clock.now().getTime();
    for (const [k, v] of this.tickets) if (v.expires < now) this.tickets.delete(k);
  }
}
