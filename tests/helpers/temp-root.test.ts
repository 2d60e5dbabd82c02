import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { mountsBelow, releaseDir, sweepStaleRoots } from './temp-root';

const mountinfo = [
  '22 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
  '90 22 0:51 / /tmp/ews-test-run-a/x/disk rw - tmpfs tmpfs rw,size=24576k',
  '91 90 0:52 / /tmp/ews-test-run-a/x/disk/inner rw - tmpfs tmpfs rw',
  '92 22 0:53 / /tmp/ews-test-run-a/my\\040disk rw - tmpfs tmpfs rw',
  '93 22 0:54 / /tmp/ews-test-run-ab/disk rw - tmpfs tmpfs rw',
].join('\n');

describe('test temp root', () => {
  it('is where this worker writes its fixtures', () => {
    expect(basename(dirname(join(tmpdir(), 'x')))).toMatch(/^ews-test-run-vitest-/);
    expect(readFileSync(join(tmpdir(), 'owner.pid'), 'utf8')).toMatch(/^\d+$/);
    expect(statSync(tmpdir()).mode & 0o7777).toBe(0o1777); // open like /tmp, for tests run as another user
  });

  it('finds the mounts below a root, longest path first (so nested ones go before their parent), with escaped spaces decoded', () => {
    expect(mountsBelow('/tmp/ews-test-run-a', mountinfo)).toEqual([
      '/tmp/ews-test-run-a/x/disk/inner',
      '/tmp/ews-test-run-a/my disk',
      '/tmp/ews-test-run-a/x/disk',
    ]);
  });

  it('sweeps roots of dead runs and keeps those of live ones', async () => {
    const base = mkdtempSync(join(tmpdir(), 'sweep-'));
    const dead = join(base, 'ews-test-run-vitest-dead');
    const live = join(base, 'ews-test-run-vitest-live');
    const orphan = join(base, 'ews-test-run-e2e-noowner');
    const other = join(base, 'someone-else');
    for (const d of [dead, live, orphan, other]) mkdirSync(join(d, 'sub'), { recursive: true });
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => gone.once('exit', r));
    writeFileSync(join(dead, 'owner.pid'), String(gone.pid));
    writeFileSync(join(live, 'owner.pid'), String(process.pid));
    expect(sweepStaleRoots(base).sort()).toEqual([orphan, dead].sort());
    expect([dead, live, orphan, other].map(existsSync)).toEqual([false, true, false, true]);
    releaseDir(base);
    expect(existsSync(base)).toBe(false);
  });

  // Mounting needs root (CI and the dev machines run as root); elsewhere there is nothing to mount.
  const canMount = process.platform === 'linux' && process.getuid?.() === 0;
  it.skipIf(!canMount)('unmounts a test disk left mounted below it, then removes it', () => {
    const root = mkdtempSync(join(tmpdir(), 'release-'));
    const disk = join(root, 'full', 'disk');
    mkdirSync(disk, { recursive: true });
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]).status).toBe(0);
    writeFileSync(join(disk, 'file'), 'x');
    expect(mountsBelow(root)).toEqual([disk]);
    releaseDir(root);
    expect(mountsBelow(root)).toEqual([]);
    expect(existsSync(root)).toBe(false);
  });
});
