import { systemClock, silentLogger } from '../core/context';
import { EngineError } from '../core/errors';
import { createDispatcher } from '../api/dispatch';
import type { OpInput, OpName, OpOutput } from '../api/contract';
import type { SessionInfo } from '../api/types';
import { openEngine, type Engine } from '../engine';
import type { Common } from './args';
import { readPassword } from './password';

export type Call = <K extends OpName>(op: K, input: OpInput<K>) => Promise<OpOutput<K>>;

export interface CliSession {
  engine: Engine;
  call: Call;
  me?: SessionInfo;
  /** Signs in (further calls act as this user). */
  signIn(login: string, password: string): Promise<SessionInfo>;
}

/**
 * Opens the data directory and, when `login` is set, signs in as `--as LOGIN` with the password
 * from WORKSTATION_PASSWORD (or a prompt). Every command then goes through the same contract,
 * dispatcher and permission checks as the UI — the CLI has no back door.
 */
export async function withSession<T>(
  common: Common,
  opts: { login: boolean; create?: boolean },
  fn: (s: CliSession) => Promise<T>,
): Promise<T> {
  const engine = await openEngine({
    dataDir: common.dataDir,
    clock: systemClock,
    logger: silentLogger,
    create: opts.create,
  });
  try {
    const dispatch = createDispatcher(() => engine);
    let token: string | undefined;
    const call: Call = async (op, input) => {
      const r = await dispatch(op, input, token);
      if (!r.ok)
        throw new EngineError(r.error.code, r.error.message, { field: r.error.field, hint: r.error.hint });
      return r.value as never;
    };
    const s: CliSession = {
      engine,
      call,
      async signIn(login, password) {
        s.me = await call('auth.login', { login, password });
        token = s.me.token;
        return s.me;
      },
    };
    if (opts.login) {
      if (!common.as) {
        throw new EngineError('BAD_INPUT', '--as LOGIN is required: say which user acts.', { field: 'as' });
      }
      await s.signIn(common.as, await readPassword('WORKSTATION_PASSWORD', `Password for ${common.as}: `));
    }
    return await fn(s);
  } finally {
    await engine.close();
  }
}
