/**
 * Which data directory the app opens: `--data DIR` on the command line, else `EVIDENCE_DATA`,
 * else the OS application-data directory — the same rule and default as the CLI, so
 * `workstation verify` checks exactly what the window shows.
 */
import { resolve } from 'node:path';
import { defaultDataDir } from '../native/storage/data-dir';

export interface DataDirChoice {
  dir: string;
  source: 'arg' | 'env' | 'default';
}

/**
 * Reads `--data DIR` or `--data=DIR` from `argv` (the last one wins). Throws when `--data` has no
 * value, so a typo never silently opens the default directory.
 */
export function dataDirFromArgs(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--data=')) {
      found = a.slice('--data='.length);
      if (!found) throw new Error('--data= needs a directory, e.g. --data=/srv/evidence');
    } else if (a === '--data') {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('--')) {
        throw new Error('--data needs a directory, e.g. --data /srv/evidence');
      }
      found = next;
      i++;
    }
  }
  return found;
}

/** Picks the data directory (absolute) and says where the choice came from. */
export function chooseDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): DataDirChoice {
  const fromArgs = dataDirFromArgs(argv);
  if (fromArgs) return { dir: resolve(cwd, fromArgs), source: 'arg' };
  if (env.EVIDENCE_DATA) return { dir: resolve(cwd, env.EVIDENCE_DATA), source: 'env' };
  return { dir: resolve(cwd, defaultDataDir({ ...env, EVIDENCE_DATA: undefined })), source: 'default' };
}
