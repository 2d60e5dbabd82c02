/**
 * A logger for the Electron processes that writes JSON lines to stderr (visible in a terminal)
 * and appends them to a file in the data directory's logs/ (the only trace a packaged app leaves).
 * A log file that cannot be written (read-only or full disk) never stops the app: lines then go
 * to stderr only.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../native/core/context';

/** Logger writing to stderr and appending to `file` (its directory is created on first write). */
export function teeLogger(file: string, processName: string): Logger {
  let fileOk = true;
  let dirMade = false;
  const line = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    const text =
      JSON.stringify({ t: new Date().toISOString(), level, proc: processName, msg, ...fields }) + '\n';
    process.stderr.write(text);
    if (!fileOk) return;
    try {
      if (!dirMade) {
        mkdirSync(dirname(file), { recursive: true });
        dirMade = true;
      }
      appendFileSync(file, text);
    } catch (err) {
      fileOk = false;
      process.stderr.write(`log file ${file} cannot be written (${String(err)}); logging to stderr only\n`);
    }
  };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
