import type { z } from 'zod';
import { contract, type OpName, type OpParsedInput, type OpOutput } from './contract';
import { EngineError, toEngineError } from '../core/errors';
import type { ApiResult, Permission, UserInfo } from './types';
import type { Engine } from '../engine';
import { handlers } from './handler-table';
import { getUser } from '../identity/users';
import { requirePermission } from '../identity/permissions';

/** Who is calling: resolved from the session token before a handler runs. */
export interface Caller {
  user?: UserInfo;
  token?: string;
}

export type Handler<K extends OpName> = (
  engine: Engine,
  input: OpParsedInput<K>,
  caller: Caller,
) => Promise<OpOutput<K>> | OpOutput<K>;
export type HandlerTable = { [K in OpName]: Handler<K> };

/** Source of the engine for a dispatcher: the engine, or the error that kept it from opening. */
export type EngineSource = () => Engine;

/**
 * Builds the one entry point both transports call. It validates the op name and the input
 * (zod), resolves the session, checks the permission from the contract, runs the handler and
 * writes a checkpoint after work that appended to the log. It never throws: every outcome is an
 * ApiResult, so a bad call can't take the host down.
 */
export function createDispatcher(source: EngineSource) {
  return async function dispatch(op: string, input: unknown, session?: string): Promise<ApiResult<unknown>> {
    try {
      if (!Object.hasOwn(contract, op)) {
        throw new EngineError('BAD_INPUT', `Unknown operation "${op}".`, { field: 'op' });
      }
      const name = op as OpName;
      const def = contract[name];
      const parsed = parseInput(def.input, input ?? {});
      const engine = source();
      const caller: Caller = {};
      if (def.access !== 'public') {
        const userId = engine.sessions.resolve(session);
        const user = getUser(engine.db, userId);
        if (!user || user.disabled) {
          engine.sessions.closeUser(userId);
          throw new EngineError('UNAUTHENTICATED', 'This account is no longer active.', {
            hint: 'Sign in again.',
          });
        }
        caller.user = user;
        caller.token = session;
        if (def.access !== 'session') requirePermission(user.role, def.access as Permission);
      }
      const before = engine.custody.size();
      const handler = handlers[name] as Handler<OpName>;
      const value = await handler(engine, parsed as OpParsedInput<OpName>, caller);
      if (engine.custody.size() > before) engine.endBatch();
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toEngineError(err).toInfo() };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

/** zod parse with the first issue named by field path, in the engine's error shape. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.') || undefined;
  throw new EngineError('BAD_INPUT', `${field ? `${field}: ` : ''}${issue.message}`, {
    field,
    hint: 'Correct the highlighted field and try again.',
  });
}
