import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tempDir } from '../../helpers/cli';
import { testWorkstation } from '../../helpers/engine';
import { clerkPassword, clerkWorkstation, dock } from '../../helpers/ingest';
import { waitFor } from '../../helpers/wait';

function volume(files: number, size = 4096): string {
  const root = join(tempDir(), 'VOL');
  mkdirSync(join(root, 'DCIM'), { recursive: true });
  for (let i = 1; i <= files; i++)
    writeFileSync(join(root, 'DCIM', `DSJA8_010001_20251103083015_000${i}.MP4`), randomBytes(size));
  return root;
}

describe('registries, edits and camera clearing', () => {
  it('imports officers from CSV all-or-nothing, naming the bad line', async () => {
    const ws = await testWorkstation({ init: true });
    const bad = await ws.raw('officers.importCsv', {
      csv: '警号,姓名,单位\n010001,王警官,一大队\n0!,李四,二大队\n',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/CSV line 3/);
    expect(await ws.call('officers.list', {})).toEqual([]);
    const ok = await ws.call('officers.importCsv', {
      csv: '\uFEFF警号,姓名,单位,执法证号\r\n010001,王警官,一大队,ZF001\r\n010002,"李,四",二大队,\r\n',
    });
    expect(ok).toEqual({ added: 2, updated: 0 });
    expect((await ws.call('officers.list', {})).map((o) => [o.code, o.name, o.certNo])).toEqual([
      ['010001', '王警官', 'ZF001'],
      ['010002', '李,四', ''],
    ]);
  });

  it('the engine refuses a clerk adding users through the API', async () => {
    const ws = await clerkWorkstation();
    const r = await ws.raw('users.add', { login: 'x1', name: 'X', role: 'admin', password: 'whatever-1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });

  it('a clerk sets officer, category and title; each change is logged with old and new value', async () => {
    const ws = await clerkWorkstation();
    const d = await dock(ws, volume(1));
    const id = d.files[0]!.mediaId!;
    const before = ws.engine.custody.size();
    const item = await ws.call('media.update', { id, category: 'inspection', title: '人民路检查' });
    expect(item).toMatchObject({ category: 'inspection', title: '人民路检查' });
    const e = ws.engine.custody.get(before)!.view;
    expect(e).toMatchObject({ actor: 'clerk1', action: 'media.update', subjects: [`media:${id}`] });
    expect(e.details).toEqual({
      category: { from: 'unclassified', to: 'inspection' },
      title: { from: '', to: '人民路检查' },
    });
  });

  it('camera clearing (off by default) deletes only committed files, each deletion logged', async () => {
    const ws = await testWorkstation({ init: true });
    await ws.call('devices.save', { serial: 'DSJA8', model: 'A8', clearAfterIngest: true });
    await ws.call('users.add', { login: 'clerk1', name: 'C', role: 'clerk', password: clerkPassword });
    await ws.signIn('clerk1', clerkPassword);
    const root = volume(2);
    const d = await dock(ws, root, { deviceSerial: 'DSJA8' });
    expect(d.counts.ingested).toBe(2);
    for (const f of d.files) expect(existsSync(join(root, f.relPath))).toBe(false);
    expect(
      ws.engine.db
        .prepare("SELECT count(*) FROM custody_log WHERE action = 'camera.file.deleted'")
        .pluck()
        .get(),
    ).toBe(2);
    // Without the switch, nothing is deleted.
    const keep = volume(1);
    await dock(ws, keep);
    expect(existsSync(join(keep, 'DCIM', 'DSJA8_010001_20251103083015_0001.MP4'))).toBe(true);
  });

  it('a dock can be cancelled; committed files stay, and retry finishes the rest', async () => {
    const ws = await clerkWorkstation();
    const root = volume(6, 60 * 1024 * 1024);
    const { dockId } = await ws.call('ingest.start', { path: root });
    await waitFor(() => ws.engine.ingest.get(dockId).doneBytes > 0, {
      what: 'the copy to start',
      everyMs: 2,
    });
    await ws.call('ingest.cancel', { dockId });
    const cancelled = await ws.engine.ingest.wait(dockId);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.counts.ingested).toBeLessThan(6);
    await ws.call('ingest.retry', { dockId });
    const done = await ws.engine.ingest.wait(dockId);
    expect(done.state).toBe('done');
    expect(done.counts.ingested).toBe(6);
  });
});
