import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDataDir, dataDirFromArgs } from '../../electron/data-dir-arg';
import { defaultDataDir } from '../../native/storage/data-dir';

describe('dataDirFromArgs', () => {
  it('reads --data DIR and --data=DIR anywhere in argv; the last wins', () => {
    expect(dataDirFromArgs(['/usr/bin/electron', '.', '--data', '/srv/ev'])).toBe('/srv/ev');
    expect(dataDirFromArgs(['app', '--data=/srv/a', '--no-sandbox'])).toBe('/srv/a');
    expect(dataDirFromArgs(['app', '--data', '/a', '--data=/b'])).toBe('/b');
    expect(dataDirFromArgs(['app', '--database', '/x'])).toBeUndefined();
    expect(dataDirFromArgs([])).toBeUndefined();
  });

  it('throws on --data without a value instead of opening the default directory', () => {
    expect(() => dataDirFromArgs(['app', '--data'])).toThrow(/needs a directory/);
    expect(() => dataDirFromArgs(['app', '--data', '--demo'])).toThrow(/needs a directory/);
    expect(() => dataDirFromArgs(['app', '--data='])).toThrow(/needs a directory/);
  });
});

describe('chooseDataDir', () => {
  const cwd = path.resolve('/work/here');

  it('prefers --data, then EVIDENCE_DATA, then the CLI default', () => {
    expect(chooseDataDir(['e', '--data', 'rel/dir'], { EVIDENCE_DATA: '/env' }, cwd)).toEqual({
      dir: path.resolve(cwd, 'rel/dir'),
      source: 'arg',
    });
    expect(chooseDataDir(['e'], { EVIDENCE_DATA: '/env/dir' }, cwd)).toEqual({
      dir: path.resolve('/env/dir'),
      source: 'env',
    });
    const env = {
      HOME: '/home/u',
      XDG_DATA_HOME: '/home/u/.data',
      APPDATA: 'C:\\Users\\u\\AppData\\Roaming',
    };
    expect(chooseDataDir(['e'], env, cwd)).toEqual({
      dir: path.resolve(cwd, defaultDataDir(env)),
      source: 'default',
    });
  });
});
