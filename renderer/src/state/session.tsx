/**
 * Who is signed in. The token lives in sessionStorage (per tab); on start-up it is checked with
 * auth.me, and any UNAUTHENTICATED answer from the engine drops the session and shows login.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Permission, SessionInfo } from '../../../native/api/types';
import { call, getSessionToken, onUnauthenticated, setSessionToken } from '../api/client';

export interface SessionState {
  /** The signed-in session, or null. */
  session: SessionInfo | null;
  /** True while a stored token is being checked at start-up. */
  checking: boolean;
  /** True when the last session ended because the engine stopped accepting it. */
  expired: boolean;
  signedIn(info: SessionInfo): void;
  logout(): Promise<void>;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

/** Provides the session to the tree; must sit inside QueryClientProvider. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [checking, setChecking] = useState(() => getSessionToken() !== null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    if (!getSessionToken()) return;
    let live = true;
    call('auth.me', {})
      .then((info) => live && setSession(info))
      .catch(() => {
        setSessionToken(null);
      })
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setSession(null);
        setExpired(true);
        qc.clear();
      }),
    [qc],
  );

  const signedIn = useCallback((info: SessionInfo) => {
    setSessionToken(info.token);
    setExpired(false);
    setSession(info);
  }, []);

  const logout = useCallback(async () => {
    try {
      await call('auth.logout', {});
    } catch {
      // The session is dropped locally whatever the engine says.
    }
    setSessionToken(null);
    setSession(null);
    qc.clear();
  }, [qc]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      checking,
      expired,
      signedIn,
      logout,
      can: (p) => session?.permissions.includes(p) ?? false,
    }),
    [session, checking, expired, signedIn, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session state; throws outside SessionProvider. */
export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
