import { join } from 'node:path';
import { openEngine, type Engine } from '../../native/engine';
import { createDispatcher, type Dispatch } from '../../native/api/dispatch';
import { silentLogger, type Clock } from '../../native/core/context';
import type { OpInput, OpName, OpOutput } from '../../native/api/contract';
import { tempDir } from './cli';

export interface TestWorkstation {
  engine: Engine;
  dispatch: Dispatch;
  /** Calls an op as the signed-in session (if any); throws the ErrorInfo on failure. */
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
  /** Calls an op and returns the raw ApiResult. */
  raw<K extends OpName>(op: K, input: OpInput<K>): ReturnType<Dispatch>;
  signIn(login: string, password: string): Promise<void>;
  dataDir: string;
}

export const testAgency = {
  name: '示范市综合行政执法局',
  creditCode: '11110000MB0000000X',
  address: '示范市人民路 1 号',
  supervisionPhone: '010-12345678',
};

/** Opens an engine in-process on `dataDir` (fresh temp dir by default), optionally initialised. */
export async function testWorkstation(
  opts: { dataDir?: string; init?: boolean; clock?: Clock } = {},
): Promise<TestWorkstation> {
  const dataDir = opts.dataDir ?? join(tempDir(), 'data');
  const engine = await openEngine({
    dataDir,
    clock: opts.clock ?? { now: () => new Date() },
    logger: silentLogger,
    create: true,
  });
  const dispatch = createDispatcher(() => engine);
  let token: string | undefined;
  const ws: TestWorkstation = {
    engine,
    dispatch,
    dataDir,
    raw: (op, input) => dispatch(op, input, token),
    async call(op, input) {
      const r = await dispatch(op, input, token);
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), r.error);
      return r.value as never;
    },
    async signIn(login, password) {
      token = (await ws.call('auth.login', { login, password })).token;
    },
  };
  if (opts.init) {
    await ws.call('system.init', {
      agency: testAgency,
      admin: { login: 'admin', name: '管理员', password: 'admin-pass-2026' },
    });
    await ws.signIn('admin', 'admin-pass-2026');
  }
  return ws;
}
