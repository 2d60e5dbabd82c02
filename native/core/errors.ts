/**
 * Engine errors carry a stable code (translated by the UI's catalog), an English message for
 * logs and the CLI, and optionally the field or file at fault and a hint on what to do.
 */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'WRONG_PASSWORD'
  | 'LOCKED'
  | 'DISABLED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NOT_INITIALIZED'
  | 'ALREADY_INITIALIZED'
  | 'DATABASE_MISSING'
  | 'DATABASE_CORRUPT'
  | 'READ_ONLY'
  | 'DISK_FULL'
  | 'STORAGE'
  | 'CANCELLED'
  | 'INTERNAL';

/** Serialisable form of an engine error, as it crosses IPC and HTTP. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  field?: string;
  hint?: string;
}

export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly hint?: string;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = 'EngineError';
    this.code = code;
    this.field = opts.field;
    this.hint = opts.hint;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.field) info.field = this.field;
    if (this.hint) info.hint = this.hint;
    return info;
  }
}

/**
 * Maps low-level failures (SQLite, filesystem) to engine errors with a clear message, so that a
 * full disk or a read-only data directory reads as such rather than as a stack trace.
 */
export function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  const e = err as { code?: string; message?: string; path?: string };
  const code = e?.code ?? '';
  const msg = e?.message ?? String(err);
  const where = e?.path ? ` at ${e.path}` : '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || /database or disk is full/i.test(msg)) {
    return new EngineError(
      'DISK_FULL',
      `The disk holding the data directory is full${where}; nothing was written.`,
      {
        hint: 'Free space on the data disk, then retry.',
        cause: err,
      },
    );
  }
  if (
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN')
  ) {
    return new EngineError('READ_ONLY', `The data directory cannot be written${where} (${code}).`, {
      hint: 'Check the permissions of the data directory, or choose another with --data.',
      cause: err,
    });
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /malformed|not a database/i.test(msg)) {
    return new EngineError('DATABASE_CORRUPT', `The workstation database is damaged: ${msg}`, {
      hint: 'Restore the data directory from backup; run `workstation verify` to see what is affected.',
      cause: err,
    });
  }
  return new EngineError('INTERNAL', msg, { cause: err });
}
