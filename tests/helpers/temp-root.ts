import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

/**
 * One temp root per test run. Tests make their fixtures with `mkdtemp(tmpdir())`; pointing TMPDIR
 * at this root before the workers start means everything a run writes — 2 GB volumes, stores,
 * small tmpfs disks — is removed when it ends, even where a test failed before its own clean-up.
 * Roots left by a run that was killed are swept by the next run (their owner pid is gone); without
 * this, killed and failed runs filled the machine's disk and the next CI run failed with ENOSPC.
 */
const PREFIX = 'ews-test-run-';
const OWNER = 'owner.pid';

/** Creates this run's root, sweeps roots of dead runs, and points TMPDIR at it. */
export function openTempRoot(label: string): { root: string; close: () => void } {
  const base = tmpdir();
  sweepStaleRoots(base);
  const root = mkdtempSync(join(base, `${PREFIX}${label}-`));
  writeFileSync(join(root, OWNER), String(process.pid));
  // Like /tmp: tests that run the CLI as an unprivileged user (read-only data, unreadable files)
  // need to reach their fixtures and keep their own temp files here.
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return {
    root,
    close: () => {
      process.env.TMPDIR = base;
      releaseDir(root);
    },
  };
}

/** Removes roots whose owning test run no longer exists. */
export function sweepStaleRoots(base: string): string[] {
  const swept: string[] = [];
  for (const name of readdirSync(base)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(base, name);
    let pid = NaN;
    try {
      pid = Number(readFileSync(join(dir, OWNER), 'utf8'));
    } catch {
      // No owner file: a root whose run died before writing it.
    }
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) continue;
    releaseDir(dir);
    swept.push(dir);
  }
  return swept;
}

/** Unmounts whatever is mounted below `dir` (deepest first), then deletes it. */
export function releaseDir(dir: string): void {
  for (const point of mountsBelow(dir)) {
    // Lazy, so a mount still held open by a dying process cannot keep the root alive.
    spawnSync('umount', ['-l', point], { stdio: 'ignore' });
  }
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (err) {
    console.warn(`Could not remove test temp root ${dir}: ${(err as Error).message}`);
  }
}

/** Mount points strictly below `dir`, from /proc/self/mountinfo (Linux; none elsewhere). */
export function mountsBelow(dir: string, mountinfo = readMountinfo()): string[] {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  return mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p): p is string => !!p)
    .map((p) => p.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
    .filter((p) => p.startsWith(prefix))
    .sort((a, b) => b.length - a.length);
}

function readMountinfo(): string {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
