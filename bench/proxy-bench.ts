/**
 * Media benchmark (`node --import tsx bench/proxy-bench.ts`): generates a 60 s 1080p30 H.264
 * 10 Mb/s clip and a 60 s 1080p30 HEVC clip with ffmpeg, then times what ingest does with them:
 * the playability decision for H.264 (no transcode), the HEVC → H.264 720p proxy (goal ≥ 1.5×
 * real time on 2 cores), the keyframe scrub strip and the poster. Prints a table; asserts nothing.
 * Options: --seconds N (clip length, default 60); --dir DIR keeps the clips there and reuses them
 * on the next run (default: a temp dir, removed at the end); --preset P / --crf N try other
 * proxy settings. CPU seconds are ffmpeg's (children's user + system time, Linux only): on a
 * shared machine they vary less than wall time.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePoster, makeProxy, makeScrubStrip, PROXY_CRF, PROXY_PRESET } from '../native/media/derive';
import { resolveFfmpeg } from '../native/media/binaries';
import { needsProxy } from '../native/media/playability';
import { probeMedia } from '../native/media/probe';
import { runFfmpeg } from '../native/media/run-ffmpeg';
import type { ReadableProbe } from '../native/media/types';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const SECONDS = Number(arg('seconds') ?? 60);
const PRESET = arg('preset') ?? PROXY_PRESET;
const CRF = Number(arg('crf') ?? PROXY_CRF);
const keepDir = arg('dir');
const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'proxy-bench-'));
mkdirSync(dir, { recursive: true });
const ffmpeg = resolveFfmpeg();

/** CPU seconds used so far by finished children (ffmpeg), from /proc/self/stat; null elsewhere. */
function childCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, USER_HZ = 100
  } catch {
    return null;
  }
}

interface Row {
  step: string;
  wall: number;
  cpu: number | null;
  note: string;
}
const rows: Row[] = [];

async function timed<T>(
  step: string,
  fn: () => Promise<T>,
  note: (r: T, wall: number) => string,
): Promise<T> {
  const load = loadavg()[0]!.toFixed(1);
  const c0 = childCpu();
  const t0 = performance.now();
  const r = await fn();
  const wall = (performance.now() - t0) / 1000;
  const c1 = childCpu();
  rows.push({
    step,
    wall,
    cpu: c0 !== null && c1 !== null ? c1 - c0 : null,
    note: `${note(r, wall)} (load ${load})`,
  });
  process.stderr.write(`  ${step}: ${wall.toFixed(2)} s\n`);
  return r;
}

/** Synthetic camera footage: testsrc2 with temporal noise, so the encoders work at a real bit rate. */
async function generate(name: string, video: string[]): Promise<string> {
  const out = join(dir, name);
  if (keepDir && existsSync(out)) return out;
  const src = `testsrc2=size=1920x1080:rate=30:duration=${SECONDS},noise=alls=12:allf=t`;
  // prettier-ignore
  const args = [
    '-f', 'lavfi', '-i', src, '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`,
    ...video, '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest', '-f', 'mp4', out,
  ];
  await runFfmpeg({ bin: ffmpeg, args, input: name });
  return out;
}

async function probe(path: string): Promise<ReadableProbe> {
  const p = await probeMedia(path);
  if (p.unreadable) throw new Error(`${path} is unreadable: ${p.reason}`);
  return p;
}

const mb = (path: string) => `${(statSync(path).size / 1e6).toFixed(1)} MB`;

async function main(): Promise<void> {
  console.log(
    `Proxy benchmark: ${SECONDS} s 1080p30 clips, ffmpeg ${ffmpeg}, proxy preset ${PRESET} crf ${CRF}, clips in ${dir}`,
  );
  // prettier-ignore
  const h264 = await timed('generate H.264 10 Mb/s clip', () =>
    generate('h264-1080p.mp4', ['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '10M', '-maxrate', '10M', '-bufsize', '20M']), (p) => mb(p));
  // prettier-ignore
  const hevc = await timed('generate HEVC clip', () =>
    generate('hevc-1080p.mp4', ['-c:v', 'libx265', '-preset', 'ultrafast', '-b:v', '6M', '-x265-params', 'log-level=error', '-tag:v', 'hvc1']), (p) => mb(p));

  const h264Probe = await timed(
    'probe H.264 + needsProxy',
    () => probe(h264),
    (p) => {
      const v = needsProxy(p);
      return `proxy: ${v.proxy} (${v.reason})`;
    },
  );
  const hevcProbe = await timed(
    'probe HEVC + needsProxy',
    () => probe(hevc),
    (p) => `proxy: ${needsProxy(p).proxy}`,
  );

  const out = join(dir, 'derived');
  rmSync(out, { recursive: true, force: true });
  let lastPct = -10;
  await timed(
    'HEVC → H.264 720p proxy',
    () =>
      makeProxy(hevc, hevcProbe, join(out, 'hevc'), {
        preset: PRESET,
        crf: CRF,
        onProgress: (p) => {
          if (p.percent !== null && p.percent >= lastPct + 10) {
            lastPct = p.percent;
            process.stderr.write(`    ${p.percent.toFixed(0)} % at ${p.speed ?? '?'}×\n`);
          }
        },
      }),
    (d, wall) => `${(SECONDS / wall).toFixed(2)}× real time, ${d.meta.width}×${d.meta.height}, ${mb(d.path)}`,
  );
  for (const [label, path, p] of [
    ['H.264', h264, h264Probe],
    ['HEVC', hevc, hevcProbe],
  ] as const) {
    await timed(
      `scrub strip (${label})`,
      () => makeScrubStrip(path, p, join(out, label)),
      (d) =>
        `${d.meta.columns}×${d.meta.rows} tiles of ${d.meta.tileWidth}×${d.meta.tileHeight}, every ${d.meta.intervalSec} s`,
    );
    await timed(
      `poster (${label})`,
      () => makePoster(path, p, join(out, label)),
      (d) => `${d.meta.width}×${d.meta.height} at ${d.meta.atSec} s`,
    );
  }

  const w = Math.max(...rows.map((r) => r.step.length));
  console.log(`\n${'step'.padEnd(w)} | wall s | ffmpeg CPU s | result`);
  console.log(`${'-'.repeat(w)}-|--------|--------------|-------`);
  for (const r of rows) {
    const cpu = r.cpu === null ? 'n/a' : r.cpu.toFixed(1);
    console.log(`${r.step.padEnd(w)} | ${r.wall.toFixed(2).padStart(6)} | ${cpu.padStart(12)} | ${r.note}`);
  }
  console.log('\nGoal: H.264 needs no proxy; the HEVC proxy at ≥ 1.5× real time on 2 cores.');
}

try {
  await main();
} finally {
  if (!keepDir) rmSync(dir, { recursive: true, force: true });
}
