/**
 * The renderer's only door to the engine: one typed `call(op, input)` over whichever transport
 * the page was started with — the preload bridge in Electron, or loopback HTTP in browser mode.
 * Only types come from native/; the runtime here is self-contained.
 */
import type { OpInput, OpName, OpOutput } from '../../../native/api/contract';
import type { ApiResult } from '../../../native/api/types';
import type { WorkstationBridge } from '../../../native/api/bridge';
import type { ErrorCode, ErrorInfo } from '../../../native/core/errors';

/** Failures the client detects itself, before or instead of an engine answer. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE' | 'NO_LAUNCH_TOKEN';

/** An engine ErrorInfo, or one made by the client for transport failures. */
export interface ClientErrorInfo extends Omit<ErrorInfo, 'code'> {
  code: ErrorCode | ClientErrorCode;
}

/** Thrown by `call` when the engine (or the transport) reports a failure. */
export class ApiError extends Error {
  readonly info: ClientErrorInfo;
  readonly op: string;

  constructor(op: string, info: ClientErrorInfo) {
    super(`${op}: ${info.code}: ${info.message}`);
    this.name = 'ApiError';
    this.op = op;
    this.info = info;
  }

  get code(): ClientErrorInfo['code'] {
    return this.info.code;
  }
}

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in browser mode. */
    workstation?: WorkstationBridge;
  }
}

const LAUNCH_KEY = 'workstation.launchToken';
const SESSION_KEY = 'workstation.session';

type Transport = 'electron' | 'http';

/** Which transport this page talks over; decided once at start-up. */
export function transportKind(): Transport {
  return typeof window !== 'undefined' && window.workstation ? 'electron' : 'http';
}

/**
 * Browser mode: takes `?token=…` from the address bar into sessionStorage and removes it from
 * the URL (so it is not bookmarked, shared or kept in history). Returns the token, if any.
 */
export function captureLaunchToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(LAUNCH_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(LAUNCH_KEY);
}

/** True when browser mode has no launch token, so every request would be refused. */
export function launchTokenMissing(): boolean {
  return transportKind() === 'http' && !sessionStorage.getItem(LAUNCH_KEY);
}

/** The signed-in session token, kept per tab (sessionStorage) so closing the tab signs out. */
export function getSessionToken(): string | null {
  return sessionStorage.getItem(SESSION_KEY);
}

/** Stores (or with null, forgets) the session token. */
export function setSessionToken(token: string | null): void {
  if (token) sessionStorage.setItem(SESSION_KEY, token);
  else sessionStorage.removeItem(SESSION_KEY);
}

type Listener = () => void;
const unauthListeners = new Set<Listener>();

/** Subscribes to "the engine no longer accepts our session"; returns the unsubscribe function. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthListeners.add(listener);
  return () => unauthListeners.delete(listener);
}

/** 'custody.verifyStart' → ['custody', 'verifyStart'] (bridge.ts has the same, but runtime code stays there). */
function split(op: string): [string, string] {
  const i = op.indexOf('.');
  return [op.slice(0, i), op.slice(i + 1)];
}

type AnyVerb = (input: unknown, session?: string) => Promise<ApiResult<unknown>>;

async function viaBridge(
  op: OpName,
  input: unknown,
  session: string | undefined,
): Promise<ApiResult<unknown>> {
  const [domain, verb] = split(op);
  const bridge = window.workstation as unknown as Record<string, Record<string, AnyVerb> | undefined>;
  const fn = bridge[domain]?.[verb];
  if (typeof fn !== 'function') {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `The preload bridge has no ${op}.` } as ErrorInfo,
    };
  }
  return fn(input, session);
}

async function viaHttp(op: OpName, input: unknown, session: string | undefined): Promise<ApiResult<unknown>> {
  const launch = sessionStorage.getItem(LAUNCH_KEY);
  if (!launch) {
    throw new ApiError(op, {
      code: 'NO_LAUNCH_TOKEN',
      message: 'No launch token: open the URL printed at start-up.',
    });
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Authorization: `Bearer ${launch}`,
  };
  if (session) headers['X-Session'] = session;
  let res: Response;
  try {
    res = await fetch(`/api/${op}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
    });
  } catch (err) {
    throw new ApiError(op, { code: 'NETWORK', message: String(err) });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const envelope =
    body && typeof body === 'object' && 'ok' in body ? (body as ApiResult<unknown>) : undefined;
  // 401 is the launch-token check (session problems arrive as 200 + UNAUTHENTICATED), so it must
  // not be mistaken for an expired session.
  if (res.status === 401) {
    const info = envelope && !envelope.ok ? envelope.error : undefined;
    throw new ApiError(op, {
      code: 'NO_LAUNCH_TOKEN',
      message: info?.message ?? `HTTP 401 from /api/${op}`,
      hint: info?.hint,
    });
  }
  if (envelope) return envelope;
  throw new ApiError(op, {
    code: 'BAD_RESPONSE',
    message: `HTTP ${res.status} from /api/${op}: ${text.slice(0, 200)}`,
  });
}

/**
 * Calls one contract operation with the current session and returns its value.
 * Throws ApiError with the engine's ErrorInfo on failure; UNAUTHENTICATED also notifies
 * `onUnauthenticated` listeners so the app can return to the login screen.
 */
export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const session = getSessionToken() ?? undefined;
  const result =
    transportKind() === 'electron' ? await viaBridge(op, input, session) : await viaHttp(op, input, session);
  if (result.ok) return result.value as OpOutput<K>;
  const info: ClientErrorInfo = result.error ?? { code: 'BAD_RESPONSE', message: 'Empty error' };
  if (info.code === 'UNAUTHENTICATED' && session) {
    setSessionToken(null);
    for (const l of unauthListeners) l();
  }
  throw new ApiError(op, info);
}
