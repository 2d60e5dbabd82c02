import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fillDisk, smallDisk } from '../../helpers/small-disk';
import { testWorkstation } from '../../helpers/engine';
import { verifyWorkstation } from '../../../native/custody/verify';

const disk = smallDisk(24);

// Mounting a tmpfs needs root (CI and the dev machines run as root); elsewhere this test is
// skipped because there is no honest way to fill a real disk without it.
describe.skipIf(!disk)('a full disk while appending', () => {
  it('gives a clear DISK_FULL error, writes nothing half, and the engine keeps running', async () => {
    const ws = await testWorkstation({ dataDir: join(disk!, 'data'), init: true });
    const before = await ws.call('users.list', {});
    const entriesBefore = ws.engine.custody.size();
    const filler = fillDisk(disk!);

    const r = await ws.raw('users.add', {
      login: 'clerk9',
      name: '赵九',
      role: 'clerk',
      password: 'clerk-pass-2026',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DISK_FULL');
      expect(r.error.message).toMatch(/disk .* is full/);
      expect(r.error.hint).toMatch(/Free space/);
    }
    // Direct appends until the log itself cannot grow.
    let appended = 0;
    let err: unknown;
    try {
      for (let i = 0; i < 100_000; i++, appended++)
        ws.engine.custody.append({
          actor: 'system',
          action: 'test.fill',
          details: { i, pad: 'x'.repeat(500) },
        });
    } catch (e) {
      err = e;
    }
    expect((err as { code?: string }).code).toBe('DISK_FULL');

    // Still running: reads work, nothing half-registered.
    expect((await ws.call('users.list', {})).map((u) => u.login)).toEqual(before.map((u) => u.login));
    expect(ws.engine.custody.size()).toBe(entriesBefore + appended);

    rmSync(filler);
    const report = await verifyWorkstation({
      db: ws.engine.db,
      originalsDir: ws.engine.layout.originals,
      vkey: ws.engine.noteSigner().vkey,
    });
    expect(report.problems).toEqual([]);
    const added = await ws.call('users.add', {
      login: 'clerk9',
      name: '赵九',
      role: 'clerk',
      password: 'clerk-pass-2026',
    });
    expect(added.login).toBe('clerk9');
    await ws.engine.close();
    spawnSync('umount', [disk!]);
  });
});
