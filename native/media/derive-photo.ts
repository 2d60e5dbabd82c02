/** Thumbnails for photos (thumb.jpg), written into `outDir` like derive.ts. */
import { resolve as resolvePath } from 'node:path';
import { probeMedia } from './probe';
import { ffmpegInto, fitInside, produce, requireKind } from './derived-output';
import type { DeriveOptions, DerivedFile, MediaProbe } from './types';

export type ThumbMeta = {
  width: number;
  height: number;
};

/**
 * Makes thumb.jpg: the photo fitted into 640×640, never enlarged. Probes the photo unless its
 * probe is given. EXIF orientation is not applied (ffmpeg 5.1 does not read it for JPEG).
 */
export async function makePhotoThumb(
  input: string,
  outDir: string,
  opts: DeriveOptions & { probe?: MediaProbe } = {},
): Promise<DerivedFile<ThumbMeta>> {
  const probe = opts.probe ?? (await probeMedia(input, opts.signal));
  const p = requireKind(probe, ['photo'], input, 'photo thumbnail');
  const size = fitInside(p.video!.displayWidth, p.video!.displayHeight, 640, 640);
  // prettier-ignore
  const args = [
    '-i', resolvePath(input),
    '-map', '0:v:0', '-frames:v', '1',
    '-vf', `scale=${size.width}:${size.height},setsar=1`,
    '-c:v', 'mjpeg', '-q:v', '3', '-f', 'image2', '-update', '1',
  ];
  return produce('thumb', input, outDir, 'thumb.jpg', async (tmp) => {
    await ffmpegInto(tmp, args, input, opts, 30_000);
    return size;
  });
}
