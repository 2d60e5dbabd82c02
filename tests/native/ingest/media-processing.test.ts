import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCameraVolume, type VolumeManifest } from '../../../native/fixtures/camera-volume';
import { verifyWorkstation } from '../../../native/custody/verify';
import { tempDir } from '../../helpers/cli';
import { clerkWorkstation, dock } from '../../helpers/ingest';
import type { TestWorkstation } from '../../helpers/engine';

interface Item {
  id: number;
  kind: string;
  playable: number | null;
  unreadable_reason: string | null;
  processing: string;
  derived: string | null;
}

describe('media processing after ingest (real ffmpeg, every fixture kind)', () => {
  let ws: TestWorkstation;
  let vol: VolumeManifest;
  const items = new Map<string, Item>();

  beforeAll(async () => {
    ws = await clerkWorkstation();
    ws.engine.startMediaProcessing();
    vol = await generateCameraVolume(join(tempDir(), 'CAM'));
    await dock(ws, vol.root);
    await ws.engine.media.drained();
    for (const f of vol.files.filter((x) => x.sha256)) {
      items.set(
        f.kind === 'h264' ? `${f.kind}:${f.relPath}` : f.kind,
        ws.engine.db
          .prepare(
            `SELECT m.id, m.kind, m.playable, m.unreadable_reason, m.processing, (SELECT group_concat(kind) FROM (SELECT kind FROM derived WHERE media_id = m.id ORDER BY kind)) AS derived FROM media m WHERE sha256 = ?`,
          )
          .get(f.sha256) as Item,
      );
    }
  }, 240_000);

  const get = (kind: string) => {
    const hit = [...items.entries()].find(([k]) => k === kind || k.startsWith(`${kind}:`));
    expect(hit, kind).toBeDefined();
    return hit![1];
  };

  it('H.264/AAC MP4 plays as is: poster and scrub strip, no proxy', () => {
    const i = get('h264');
    expect(i).toMatchObject({ kind: 'video', playable: 1, processing: 'done', derived: 'poster,strip' });
  });

  it('HEVC and MJPEG/AVI get an H.264/AAC proxy that probes as such', () => {
    for (const k of ['hevc', 'mjpeg-avi']) {
      const i = get(k);
      expect(i, k).toMatchObject({
        kind: 'video',
        playable: 0,
        processing: 'done',
        derived: 'poster,proxy,strip',
      });
      const rel = ws.engine.db
        .prepare("SELECT rel_path FROM derived WHERE media_id = ? AND kind = 'proxy'")
        .pluck()
        .get(i.id) as string;
      const codecs = execFileSync(
        'ffprobe',
        [
          '-v',
          'error',
          '-show_entries',
          'stream=codec_name',
          '-of',
          'csv=p=0',
          join(ws.engine.layout.derived, rel),
        ],
        { encoding: 'utf8' },
      );
      expect(codecs.trim().split('\n').sort()).toEqual(['aac', 'h264']);
    }
  });

  it('audio gets a waveform; AMR also an AAC proxy; photos a thumbnail', () => {
    expect(get('wav')).toMatchObject({ kind: 'audio', playable: 1, derived: 'waveform' });
    expect(get('amr')).toMatchObject({ kind: 'audio', playable: 0, derived: 'audio-proxy,waveform' });
    expect(get('jpeg')).toMatchObject({ kind: 'photo', derived: 'thumb' });
  });

  it('truncated and empty files stay stored, flagged unreadable with the reason', () => {
    expect(get('truncated').unreadable_reason).toMatch(/moov atom not found|Invalid data/i);
    expect(get('empty').unreadable_reason).toMatch(/empty|0 bytes|zero/i);
    expect(get('truncated').processing).toBe('done');
  });

  it('derived files are registered with their hash and a custody entry naming the original', async () => {
    const rows = ws.engine.db
      .prepare(
        'SELECT d.media_id, d.kind, d.sha256, d.rel_path, m.sha256 AS original FROM derived d JOIN media m ON m.id = d.media_id',
      )
      .all() as {
      media_id: number;
      kind: string;
      sha256: string;
      rel_path: string;
      original: string;
    }[];
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(ws.engine.layout.derived, r.rel_path)))
          .digest('hex'),
      ).toBe(r.sha256);
      const entry = ws.engine.db
        .prepare(
          "SELECT count(*) FROM custody_log WHERE action = 'media.derive' AND instr(entry, ?) > 0 AND instr(entry, ?) > 0",
        )
        .pluck()
        .get(r.sha256, r.original);
      expect(entry, `${r.kind} of media ${r.media_id}`).toBe(1);
    }
    const report = await verifyWorkstation({
      db: ws.engine.db,
      originalsDir: ws.engine.layout.originals,
      vkey: ws.engine.noteSigner().vkey,
    });
    expect(report.problems).toEqual([]);
  });

  it('playback grants the original or the proxy, and logs the view', async () => {
    const before = ws.engine.custody.size();
    const h264 = await ws.call('media.play', { id: get('h264').id });
    expect(h264.src).toMatch(/^\/media\//);
    expect(ws.engine.tickets.resolve(h264.src!.slice(7))!.path).toContain('/originals/');
    expect(h264.strip?.count).toBeGreaterThan(0);
    const hevc = await ws.call('media.play', { id: get('hevc').id });
    expect(ws.engine.tickets.resolve(hevc.src!.slice(7))!.path).toContain('/derived/');
    const truncated = await ws.call('media.play', { id: get('truncated').id });
    expect(truncated.notPlayable).toMatch(/cannot be decoded/);
    const views = ws.engine.db
      .prepare("SELECT count(*) FROM custody_log WHERE action = 'evidence.view' AND seq >= ?")
      .pluck()
      .get(before);
    expect(views).toBe(3);
  });
});
