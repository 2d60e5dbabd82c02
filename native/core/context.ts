/** Injected clock, so tests can fix time. */
export interface Clock {
  now(): Date;
}

/** Minimal structured logger; the host decides where lines go. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Everything the engine needs from its host: no globals, so it runs under plain vitest. */
export interface EngineContext {
  dataDir: string;
  clock: Clock;
  logger: Logger;
}

export const systemClock: Clock = { now: () => new Date() };

/** A logger that drops everything (tests, CLI --json). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** A logger writing JSON lines to stderr. */
export function stderrLogger(): Logger {
  const line = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    process.stderr.write(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }) + '\n');
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
