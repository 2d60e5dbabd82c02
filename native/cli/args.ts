import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EngineError } from '../core/errors';
import { defaultDataDir } from '../storage/data-dir';

/** Options every command takes. */
export const commonOptions = {
  data: { type: 'string' },
  as: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export interface Common {
  dataDir: string;
  as?: string;
  json: boolean;
  help: boolean;
}

/**
 * Parses a command's flags (common ones plus its own); unknown flags and stray positionals are
 * usage errors (exit 2) naming the flag.
 */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { ...commonOptions, ...options },
      allowPositionals: false,
      strict: true,
    });
    const v = values as Record<string, unknown>;
    const common: Common = {
      dataDir: (v.data as string | undefined) ?? defaultDataDir(),
      as: v.as as string | undefined,
      json: Boolean(v.json),
      help: Boolean(v.help),
    };
    return { common, values: v };
  } catch (err) {
    throw new EngineError('BAD_INPUT', (err as Error).message, { hint: 'Run `workstation help` for usage.' });
  }
}

/** A required flag's value, or a usage error naming it. */
export function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new EngineError('BAD_INPUT', `--${name} is required.`, {
      field: name,
      hint: 'Run `workstation help` for usage.',
    });
  }
  return v;
}
