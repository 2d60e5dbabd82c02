import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { constants, readdirSync, readFileSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CHUNK } from '../../../native/core/hash';
import { storeFile } from '../../../native/storage/object-store';
import { writeChunk } from '../../../native/storage/copy-and-hash';
import { openMaybeDirect, releaseBuffers, takeBuffers } from '../../../native/core/direct-io';
import { tempDir } from '../../helpers/cli';

const sha256sum = (path: string) => execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];

afterEach(() => {
  delete process.env.EWS_NO_DIRECT_IO;
});

// Sizes around the block size and the chunk size: direct writes pad the last block and truncate.
const sizes = [0, 1, 4095, 4096, 4097, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 777];

describe.each([
  ['direct I/O where available', false],
  ['buffered I/O (EWS_NO_DIRECT_IO=1)', true],
])('storeFile with %s', (_name, buffered) => {
  it('stores every size byte for byte, read-only, at its SHA-256 address, and leaves no temp file', async () => {
    if (buffered) process.env.EWS_NO_DIRECT_IO = '1';
    const dir = tempDir('ews-store-');
    const dirs = { originals: join(dir, 'originals'), tmp: join(dir, 'tmp') };
    for (const size of sizes) {
      const source = join(dir, `src-${size}.bin`);
      writeFileSync(source, randomBytes(size));
      let progress = 0;
      const stored = await storeFile(dirs, source, { onBytes: (n) => (progress += n) });
      expect(stored.sha256).toBe(sha256sum(source));
      expect(stored.size).toBe(size);
      expect(stored.created).toBe(true);
      expect(statSync(stored.path).size).toBe(size);
      expect(sha256sum(stored.path)).toBe(stored.sha256);
      expect(statSync(stored.path).mode & 0o222).toBe(0);
      expect(progress).toBe(size); // half on the copy, half on the verify pass
    }
    expect(readdirSync(dirs.tmp)).toEqual([]);
  });
});

/** statfs magic numbers of filesystems that enforce O_DIRECT alignment: ext4, xfs, btrfs. */
const strictFilesystems = new Set([0xef53, 0x58465342, 0x9123683e]);

describe('direct I/O', () => {
  it('is used on Linux where the platform has O_DIRECT', async () => {
    const path = join(tempDir('ews-direct-'), 'f');
    const { fh, direct } = await openMaybeDirect(path, constants.O_WRONLY | constants.O_CREAT, 0o600);
    await fh.close();
    expect(direct).toBe(process.platform === 'linux' && constants.O_DIRECT !== undefined);
  });

  it('a write the filesystem refuses as direct (misaligned buffer) goes on buffered, byte for byte', async () => {
    const path = join(tempDir('ews-direct-'), 'f');
    const target = await openMaybeDirect(path, constants.O_WRONLY | constants.O_CREAT, 0o600);
    const [buf] = takeBuffers(1);
    try {
      const data = randomBytes(10_000);
      const misaligned = buf!.subarray(1); // one byte past a page boundary: refused by O_DIRECT on ext4/xfs
      data.copy(misaligned);
      const wasDirect = target.direct;
      await writeChunk(target, path, misaligned, data.length, 0);
      // ext4, xfs and btrfs refuse misaligned direct I/O, so the fallback really ran there.
      if (wasDirect && strictFilesystems.has(statfsSync(path).type)) expect(target.direct).toBe(false);
      await target.fh.truncate(data.length);
      await target.fh.close();
      expect(readFileSync(path).equals(data)).toBe(true);
    } finally {
      releaseBuffers([buf!]);
    }
    // Reopening for the buffered fallback must not lose what was written before.
    const fh = await open(path, 'r');
    expect((await fh.stat()).size).toBe(10_000);
    await fh.close();
  });
});
