import { join } from 'node:path';
import { testWorkstation, type TestWorkstation } from './engine';
import type { DockView } from '../../native/api/types';

export const clerkPassword = 'clerk-pass-2026';

/** An initialised workstation with a signed-in evidence clerk. */
export async function clerkWorkstation(opts: { dataDir?: string } = {}): Promise<TestWorkstation> {
  const ws = await testWorkstation({ init: true, dataDir: opts.dataDir });
  await ws.call('users.add', { login: 'clerk1', name: '李证据', role: 'clerk', password: clerkPassword });
  await ws.signIn('clerk1', clerkPassword);
  return ws;
}

/** Docks a folder through the API and waits for the dock to finish. */
export async function dock(
  ws: TestWorkstation,
  path: string,
  extra: { officerCode?: string; deviceSerial?: string } = {},
): Promise<DockView> {
  const { dockId } = await ws.call('ingest.start', { path, ...extra });
  await ws.engine.ingest.wait(dockId);
  return ws.engine.ingest.get(dockId);
}

/** Rows of a table, for checking what was (not) registered. */
export function count(ws: TestWorkstation, table: string): number {
  return ws.engine.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

export { join };
