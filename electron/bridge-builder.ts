/**
 * Builds the object preload exposes as `window.workstation`: one domain object per contract
 * prefix, one verb per operation, each a thin call through a single invoke function. Pure (the
 * invoke function is passed in), so the shape is tested without Electron.
 */
import { splitOp, type WorkstationBridge } from '../native/api/bridge';
import type { ApiResult } from '../native/api/types';

/** Sends one call to the main process; preload passes `ipcRenderer.invoke` bound to the call channel. */
export type InvokeCall = (
  op: string,
  input: unknown,
  session: string | undefined,
) => Promise<ApiResult<unknown>>;

/**
 * Domain objects with verbs for every op in `ops` (`bridge.custody.list(input, session)`).
 * Objects are frozen so page scripts cannot swap a verb for another.
 */
export function buildBridge(ops: readonly string[], invoke: InvokeCall): WorkstationBridge {
  const domains: Record<
    string,
    Record<string, (input?: unknown, session?: string) => Promise<ApiResult<unknown>>>
  > = {};
  for (const op of ops) {
    const [domain, verb] = splitOp(op);
    const verbs = (domains[domain] ??= {});
    verbs[verb] = (input?: unknown, session?: string) => invoke(op, input ?? {}, session);
  }
  for (const verbs of Object.values(domains)) Object.freeze(verbs);
  return Object.freeze(domains) as unknown as WorkstationBridge;
}
