import { join } from 'node:path';
import { homedir, platform } from 'node:os';

/** Where each part of the data directory lives. One place, so nothing guesses paths. */
export interface DataLayout {
  root: string;
  database: string;
  originals: string;
  derived: string;
  tmp: string;
  logs: string;
  keys: string;
}

/** Layout of a data directory rooted at `root`. */
export function dataLayout(root: string): DataLayout {
  return {
    root,
    database: join(root, 'workstation.db'),
    originals: join(root, 'originals'),
    derived: join(root, 'derived'),
    tmp: join(root, 'tmp'),
    logs: join(root, 'logs'),
    keys: join(root, 'keys'),
  };
}

/**
 * The default data directory: `EVIDENCE_DATA` if set, else `evidence-workstation` in the OS
 * application-data directory. The Electron app and the CLI both use this function, so the
 * window and `workstation verify` always look at the same data.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EVIDENCE_DATA) return env.EVIDENCE_DATA;
  const name = 'evidence-workstation';
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', name);
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), name);
  }
}
