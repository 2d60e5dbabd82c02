import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import type { Logger } from './context';

/**
 * Lowers this process's CPU priority (and so that of its worker threads and ffmpeg children):
 * copying, hashing and transcoding evidence is background work that must yield to the window
 * the clerk is using. Called by the long-running engine hosts, never by tests.
 *
 * On Linux a priority belongs to a thread, and the threads Node starts before any script runs
 * (libuv's I/O pool, V8's helpers) would keep the old one — so each thread is lowered. Threads
 * started later inherit the lowered priority from the thread that starts them.
 */
export function yieldToInterface(logger: Logger): void {
  const priority = constants.priority.PRIORITY_BELOW_NORMAL;
  try {
    setPriority(priority);
    if (process.platform === 'linux')
      for (const tid of readdirSync('/proc/self/task')) {
        try {
          setPriority(Number(tid), priority);
        } catch {
          /* the thread ended meanwhile */
        }
      }
  } catch (err) {
    logger.warn('could not lower the engine priority', { message: String(err) });
  }
}
