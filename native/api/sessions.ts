import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';

interface Session {
  userId: number;
  lastSeen: number;
}

/** Signed-in sessions live in memory only: a restart signs everyone out, by design. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly idleMs = 8 * 3600_000,
  ) {}

  /** Opens a session for a user and returns its bearer token. */
  open(userId: number): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: this.clock.now().getTime() });
    return token;
  }

  /** The user id behind a token, refreshing its idle timer; throws UNAUTHENTICATED. */
  resolve(token: string | undefined): number {
    const s = token ? this.sessions.get(token) : undefined;
    const now = this.clock.now().getTime();
    if (!s || now - s.lastSeen > this.idleMs) {
      if (token) this.sessions.delete(token);
      throw new EngineError('UNAUTHENTICATED', 'Not signed in, or the session has expired.', {
        hint: 'Sign in again.',
      });
    }
    s.lastSeen = now;
    return s.userId;
  }

  /** Ends one session. */
  close(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session of a user (after a password reset, disable or role change). */
  closeUser(userId: number): void {
    for (const [t, s] of this.sessions) if (s.userId === userId) this.sessions.delete(t);
  }
}
