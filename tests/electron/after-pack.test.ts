import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

interface Ctx {
  electronPlatformName: string;
  appOutDir: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}
const hook = createRequire(import.meta.url)('../../scripts/after-pack.cjs') as {
  afterPack(ctx: Ctx): Promise<void>;
  executablePath(ctx: Ctx): string;
};

// The sentinel @electron/fuses searches for; the wire follows it: version, length, one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults for the 9 V1 fuses ('1' = enabled, '0' = disabled).
const DEFAULT_WIRE = '101100011';
// RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on,
// only-asar on, V8 snapshot untouched, file:// privileges off, WASM trap handlers untouched.
const EXPECTED_WIRE = '010011001';

function fakeElectron(file: string): number {
  const head = Buffer.alloc(4096, 0x41);
  writeFileSync(
    file,
    Buffer.concat([
      head,
      Buffer.from(SENTINEL),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE),
      Buffer.alloc(4096, 0x42),
    ]),
  );
  return head.length + SENTINEL.length + 2;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function ctx(platform: string): Ctx {
  const appOutDir = mkdtempSync(path.join(tmpdir(), 'after-pack-'));
  dirs.push(appOutDir);
  return {
    electronPlatformName: platform,
    appOutDir,
    packager: {
      executableName: 'evidence-workstation',
      appInfo: { productFilename: 'Evidence Workstation' },
    },
  };
}

describe('after-pack hook', () => {
  it('locates the executable per platform', () => {
    const c = ctx('linux');
    expect(hook.executablePath(c)).toBe(path.join(c.appOutDir, 'evidence-workstation'));
    expect(hook.executablePath({ ...c, electronPlatformName: 'win32' })).toBe(
      path.join(c.appOutDir, 'Evidence Workstation.exe'),
    );
    expect(hook.executablePath({ ...c, electronPlatformName: 'darwin' })).toBe(
      path.join(c.appOutDir, 'Evidence Workstation.app'),
    );
    expect(() => hook.executablePath({ ...c, electronPlatformName: 'beos' })).toThrow(/unsupported platform/);
  });

  it('flips the fuses in the packed Linux binary and leaves the rest of it alone', async () => {
    const c = ctx('linux');
    const exe = hook.executablePath(c);
    const wireAt = fakeElectron(exe);
    const before = readFileSync(exe);
    await hook.afterPack(c);
    const after = readFileSync(exe);
    expect(after.subarray(wireAt, wireAt + 9).toString('latin1')).toBe(EXPECTED_WIRE);
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, wireAt).equals(before.subarray(0, wireAt))).toBe(true);
    expect(after.subarray(wireAt + 9).equals(before.subarray(wireAt + 9))).toBe(true);
  });

  it('flips the Windows .exe named after the product', async () => {
    const c = ctx('win32');
    const wireAt = fakeElectron(path.join(c.appOutDir, 'Evidence Workstation.exe'));
    await hook.afterPack(c);
    const wire = readFileSync(path.join(c.appOutDir, 'Evidence Workstation.exe')).subarray(
      wireAt,
      wireAt + 9,
    );
    expect(wire.toString('latin1')).toBe(EXPECTED_WIRE);
  });

  it('fails the build, naming the path, when the executable is missing', async () => {
    const c = ctx('linux');
    await expect(hook.afterPack(c)).rejects.toThrow(/executable not found at .*evidence-workstation/);
  });

  it('fails when the binary carries no fuse wire (not Electron)', async () => {
    const c = ctx('linux');
    writeFileSync(hook.executablePath(c), Buffer.alloc(1024, 0x41));
    await expect(hook.afterPack(c)).rejects.toThrow(/sentinel/);
  });
});
