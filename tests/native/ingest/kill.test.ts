import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateCameraVolume } from '../../../native/fixtures/camera-volume';
import { addClerk, cli, initWorkstation, scratchDir } from '../../helpers/cli';
import { waitFor } from '../../helpers/wait';

const clerk = { WORKSTATION_PASSWORD: 'clerk-pass-2026' };

/** Resolves once a temp copy in the data directory has grown past `bytes` (the copy is under way). */
function copyUnderWay(tmp: string, bytes: number): Promise<void> {
  const parts = (): string[] => {
    try {
      return readdirSync(tmp).filter((n) => n.endsWith('.part'));
    } catch {
      return []; // the temp folder appears with the first copy
    }
  };
  return waitFor(
    () => parts().some((n) => (statSync(join(tmp, n), { throwIfNoEntry: false })?.size ?? 0) > bytes),
    {
      what: 'a copy to start',
      everyMs: 10,
    },
  );
}

describe('an ingest killed with SIGKILL in the middle of a large file', () => {
  it('resumes on the next dock: every file stored exactly once, verify passes, nothing left in temp', async () => {
    const data = initWorkstation(join(scratchDir(), 'data'));
    addClerk(data);
    const vol = await generateCameraVolume(join(scratchDir(), 'CAM'), {
      kinds: ['h264', 'jpeg', 'wav'],
      largeFileBytes: 700 * 1024 * 1024,
    });

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'native/cli/main.ts',
        'ingest',
        '--data',
        data,
        '--as',
        'clerk1',
        '--volume',
        vol.root,
        '--json',
      ],
      {
        env: { ...process.env, ...clerk },
        stdio: 'ignore',
      },
    );
    await copyUnderWay(join(data, 'tmp'), 100 * 1024 * 1024);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const again = cli(['ingest', '--data', data, '--as', 'clerk1', '--volume', vol.root, '--json'], clerk);
    expect(again.status, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as {
      counts: { failed: number };
      files: { relPath: string; state: string; sha256?: string }[];
    };
    expect(report.counts.failed).toBe(0);

    const db = new Database(join(data, 'workstation.db'), { readonly: true });
    const objects = db.prepare('SELECT sha256 FROM objects').pluck().all() as string[];
    const media = db.prepare('SELECT sha256 FROM media').pluck().all() as string[];
    db.close();
    const expected = new Set(vol.files.filter((f) => f.sha256).map((f) => f.sha256));
    expect(new Set(objects)).toEqual(expected);
    expect(objects.length).toBe(expected.size);
    expect(media.length).toBe(expected.size);
    expect(readdirSync(join(data, 'tmp'))).toEqual([]);
    const v = cli(['verify', '--data', data, '--as', 'clerk1'], clerk);
    expect(v.status, v.stdout).toBe(0);
    // The killed dock is reported as interrupted, not left "running".
    const db2 = new Database(join(data, 'workstation.db'), { readonly: true });
    expect(db2.prepare("SELECT count(*) FROM docks WHERE state = 'running'").pluck().get()).toBe(0);
    db2.close();
  });
});
