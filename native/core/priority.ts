import { constants, setPriority } from 'node:os';
import type { Logger } from './context';

/**
 * Lowers this process's CPU priority (and so that of its worker threads and ffmpeg children):
 * copying, hashing and transcoding evidence is background work that must yield to the window
 * the clerk is using. Called by the long-running engine hosts, never by tests.
 */
export function yieldToInterface(logger: Logger): void {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch (err) {
    logger.warn('could not lower the engine priority', { message: String(err) });
  }
}
