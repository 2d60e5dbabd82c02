import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../../native/core/errors';
import {
  resolveFfmpeg,
  resolveFfprobe,
  systemLookup,
  unpackedAsarPath,
  type BinaryLookup,
} from '../../../native/media/binaries';
import { tempDir } from './helpers';

/** A fake executable (never run: resolution only checks it exists and is executable). */
function fakeBin(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, '#!/bin/sh\nexit 0\n');
  chmodSync(p, 0o755);
  return p;
}

/** The real filesystem, but no packages installed. */
const noPackages = (): BinaryLookup => ({
  ...systemLookup(),
  packageFile: () => null,
  ffprobeInstallerPath: () => null,
});

describe('ffmpeg/ffprobe resolution', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('media-bin-')));
  afterEach(() => cleanup());

  it('prefers FFMPEG_BIN / FFPROBE_BIN', () => {
    const ffmpeg = fakeBin(join(dir, 'a'), 'ffmpeg');
    const ffprobe = fakeBin(join(dir, 'b'), 'ffprobe');
    const env = { FFMPEG_BIN: ffmpeg, FFPROBE_BIN: ffprobe, PATH: '/usr/bin' };
    expect(resolveFfmpeg(env)).toBe(ffmpeg);
    expect(resolveFfprobe(env)).toBe(ffprobe);
  });

  it('refuses an FFMPEG_BIN that points nowhere rather than silently using another ffmpeg', () => {
    const env = { FFMPEG_BIN: join(dir, 'missing', 'ffmpeg'), PATH: '/usr/bin' };
    expect(() => resolveFfmpeg(env)).toThrowError(
      /FFMPEG_BIN is set to ".*missing\/ffmpeg", but no executable file is there/,
    );
    const nonExec = join(dir, 'ffprobe');
    writeFileSync(nonExec, 'not executable');
    expect(() => resolveFfprobe({ FFPROBE_BIN: nonExec, PATH: '/usr/bin' })).toThrowError(EngineError);
  });

  it('takes the ffprobe that sits beside the resolved ffmpeg', () => {
    const ffmpeg = fakeBin(join(dir, 'pair'), 'ffmpeg');
    const beside = fakeBin(join(dir, 'pair'), 'ffprobe');
    fakeBin(join(dir, 'path'), 'ffprobe');
    expect(resolveFfprobe({ FFMPEG_BIN: ffmpeg, PATH: join(dir, 'path') }, noPackages())).toBe(beside);
  });

  it('uses the packages when their binaries exist, and looks in app.asar.unpacked inside a packaged app', () => {
    const unpacked = join(dir, 'resources', 'app.asar.unpacked', 'node_modules');
    const ffmpeg = fakeBin(join(unpacked, 'ffmpeg-static'), 'ffmpeg');
    const ffprobe = fakeBin(join(unpacked, '@ffprobe-installer', 'linux-x64'), 'ffprobe');
    const asar = join(dir, 'resources', 'app.asar', 'node_modules');
    const lookup: BinaryLookup = {
      ...systemLookup(),
      platform: 'linux',
      packageFile: (pkg, file) => join(asar, pkg, file),
      ffprobeInstallerPath: () => join(asar, '@ffprobe-installer', 'linux-x64', 'ffprobe'),
    };
    expect(resolveFfmpeg({ PATH: '' }, lookup)).toBe(ffmpeg);
    expect(resolveFfprobe({ PATH: '' }, lookup)).toBe(ffprobe);
  });

  it('skips an ffmpeg-static whose binary was never downloaded and falls back to PATH', () => {
    const onPath = fakeBin(join(dir, 'bin'), 'ffmpeg');
    const lookup: BinaryLookup = {
      ...noPackages(),
      packageFile: (pkg, file) => join(dir, 'node_modules', pkg, file),
    };
    expect(resolveFfmpeg({ PATH: `${join(dir, 'empty')}:${join(dir, 'bin')}` }, lookup)).toBe(onPath);
  });

  it('on this machine resolves real binaries, never a missing ffmpeg-static path', () => {
    const env = { ...process.env };
    delete env.FFMPEG_BIN;
    delete env.FFPROBE_BIN;
    const ffmpeg = resolveFfmpeg(env);
    const ffprobe = resolveFfprobe(env);
    expect(existsSync(ffmpeg)).toBe(true);
    expect(existsSync(ffprobe)).toBe(true);
    expect(ffprobe.endsWith('ffprobe')).toBe(true);
  });

  it('says how to fix it when nothing is found', () => {
    const env = { PATH: join(dir, 'empty') };
    const err = (() => {
      try {
        resolveFfmpeg(env, noPackages());
      } catch (e) {
        return e as EngineError;
      }
    })();
    expect(err).toBeInstanceOf(EngineError);
    expect(err!.code).toBe('NOT_FOUND');
    expect(err!.hint).toContain('apt-get install ffmpeg');
    expect(err!.hint).toContain('FFMPEG_BIN');
    expect(() => resolveFfprobe(env, noPackages())).toThrowError(/ffprobe was not found/);
  });

  it('rewrites app.asar to app.asar.unpacked, once', () => {
    expect(unpackedAsarPath('/opt/EW/resources/app.asar/node_modules/ffmpeg-static/ffmpeg')).toBe(
      '/opt/EW/resources/app.asar.unpacked/node_modules/ffmpeg-static/ffmpeg',
    );
    expect(unpackedAsarPath('C:\\EW\\resources\\app.asar\\node_modules\\ffmpeg-static\\ffmpeg.exe')).toBe(
      'C:\\EW\\resources\\app.asar.unpacked\\node_modules\\ffmpeg-static\\ffmpeg.exe',
    );
    const already = '/opt/EW/resources/app.asar.unpacked/node_modules/x/ffprobe';
    expect(unpackedAsarPath(already)).toBe(already);
    expect(unpackedAsarPath('/usr/bin/ffmpeg')).toBe('/usr/bin/ffmpeg');
  });

  it('finds the installed packages through the real module resolution', () => {
    const lookup = systemLookup();
    expect(lookup.packageFile('ffmpeg-static', 'ffmpeg')).toMatch(
      /node_modules[\\/]ffmpeg-static[\\/]ffmpeg$/,
    );
    const installer = lookup.ffprobeInstallerPath();
    // Installed with --save-exact; its binary comes from a platform package, present on linux-x64.
    if (process.platform === 'linux' && process.arch === 'x64')
      expect(installer && existsSync(installer)).toBe(true);
    expect(lookup.packageFile('no-such-package-here', 'x')).toBeNull();
  });
});
