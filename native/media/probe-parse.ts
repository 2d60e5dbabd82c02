/**
 * Turns ffprobe's stream/format data (as fluent-ffmpeg parses it) into a MediaProbe. Pure: the
 * process handling lives in probe.ts, so this is tested against tables of data.
 */
import { basename } from 'node:path';
import type { AudioInfo, GeoPoint, MediaKind, ReadableProbe, VideoInfo } from './types';

type Fields = Record<string, unknown>;
/** The shape fluent-ffmpeg's ffprobe() yields (values are numbers or strings, "N/A" when unknown). */
export interface FfprobeLike {
  streams: Fields[];
  format: Fields;
}

/** Codecs of still images; with an image demuxer (image2, *_pipe) the file is a photo. */
const IMAGE_CODECS = new Set(['mjpeg', 'png', 'bmp', 'tiff', 'webp', 'gif', 'jpeg2000', 'jpegls']);
const GPS_TAGS = ['com.apple.quicktime.location.ISO6709', 'location', 'location-eng', 'xyz'];

/** Maps ffprobe's data to a readable probe. `sizeBytes` is the file's size from stat. */
export function toMediaProbe(data: FfprobeLike, sizeBytes: number): ReadableProbe {
  const format = data.format ?? {};
  const container = str(format.format_name) ?? 'unknown';
  const videoStream = data.streams.find((s) => s.codec_type === 'video' && !isAttachedPic(s));
  const audioStream = data.streams.find((s) => s.codec_type === 'audio');
  const video = videoStream ? toVideo(videoStream) : undefined;
  const audio = audioStream ? toAudio(audioStream) : undefined;
  const probe: ReadableProbe = {
    unreadable: false,
    kind: kindOf(container, video, audio),
    container,
    durationSec: num(format.duration) ?? num(videoStream?.duration) ?? num(audioStream?.duration),
    sizeBytes,
    bitRate: num(format.bit_rate),
    creationTime: creationTime([format, ...data.streams]),
    gps: gps([format, ...data.streams]),
  };
  if (video) probe.video = video;
  if (audio) probe.audio = audio;
  return probe;
}

function kindOf(container: string, video?: VideoInfo, audio?: AudioInfo): MediaKind {
  // A text file probes as "tty" with an ANSI-art video stream: not media.
  if (container === 'tty' || video?.codec === 'ansi') return 'other';
  const imageDemuxer = container.split(',').some((n) => n === 'image2' || n.endsWith('_pipe'));
  if (video && imageDemuxer && !audio && IMAGE_CODECS.has(video.codec)) return 'photo';
  if (video) return 'video';
  if (audio) return 'audio';
  return 'other';
}

function toVideo(s: Fields): VideoInfo {
  const width = num(s.width) ?? 0;
  const height = num(s.height) ?? 0;
  const sar = ratio(s.sample_aspect_ratio) ?? 1;
  const rotation = rotationOf(s);
  const w = Math.round(width * (sar > 0 ? sar : 1));
  const turned = rotation === 90 || rotation === 270;
  const pixFmt = str(s.pix_fmt);
  const fieldOrder = str(s.field_order);
  return {
    codec: str(s.codec_name) ?? 'unknown',
    profile: str(s.profile),
    width,
    height,
    displayWidth: turned ? height : w,
    displayHeight: turned ? w : height,
    sar: sar > 0 ? sar : 1,
    fps: rate(s.avg_frame_rate) ?? rate(s.r_frame_rate),
    pixFmt,
    bitDepth: bitDepthOf(pixFmt, num(s.bits_per_raw_sample)),
    interlaced: fieldOrder !== null && ['tt', 'bb', 'tb', 'bt'].includes(fieldOrder),
    rotation,
  };
}

function toAudio(s: Fields): AudioInfo {
  return {
    codec: str(s.codec_name) ?? 'unknown',
    profile: str(s.profile),
    sampleRate: num(s.sample_rate),
    channels: num(s.channels),
  };
}

/**
 * Clockwise display rotation. The display matrix's `rotation` (ffprobe side data) is counter-
 * clockwise, so it is negated; the legacy `rotate` tag is already clockwise.
 */
function rotationOf(s: Fields): 0 | 90 | 180 | 270 {
  const side = num(s.rotation);
  const tags = (s.tags ?? {}) as Fields;
  const deg = side !== null ? -side : (num(tags.rotate) ?? 0);
  const q = (((Math.round(deg / 90) * 90) % 360) + 360) % 360;
  return q as 0 | 90 | 180 | 270;
}

function bitDepthOf(pixFmt: string | null, rawBits: number | null): number {
  const m = pixFmt ? /p(\d{2})(?:le|be)$/.exec(pixFmt) : null;
  if (m) return Number(m[1]);
  return rawBits && rawBits > 8 ? rawBits : 8;
}

function isAttachedPic(s: Fields): boolean {
  const d = (s.disposition ?? {}) as Fields;
  return num(d.attached_pic) === 1;
}

function creationTime(blocks: Fields[]): string | null {
  for (const b of blocks) {
    const tags = (b.tags ?? {}) as Fields;
    const v = str(tags.creation_time) ?? str(tags['com.apple.quicktime.creationdate']);
    if (!v) continue;
    const t = Date.parse(v);
    if (Number.isFinite(t)) return new Date(t).toISOString();
  }
  return null;
}

function gps(blocks: Fields[]): GeoPoint | null {
  for (const b of blocks) {
    const tags = (b.tags ?? {}) as Fields;
    for (const key of GPS_TAGS) {
      const v = str(tags[key]);
      const p = v ? parseIso6709(v) : null;
      if (p) return p;
    }
  }
  return null;
}

/**
 * Parses an ISO 6709 point as cameras and phones write it: "+31.2304+121.4737/",
 * "+31.2304+121.4737+012.500/", also the degree-minute(-second) forms "+3112.34+12128.11/".
 * Returns null for anything else or for out-of-range values.
 */
export function parseIso6709(text: string): GeoPoint | null {
  const m = /^\s*([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?(?:CRS[^/]*)?\/?\s*$/.exec(text);
  if (!m) return null;
  const lat = sexagesimal(m[1]!, 2);
  const lon = sexagesimal(m[2]!, 3);
  if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const point: GeoPoint = { lat, lon };
  if (m[3] !== undefined) point.alt = Number(m[3]);
  return point;
}

/** ±DD.D / ±DDMM.M / ±DDMMSS.S (latitude; one more degree digit for longitude). */
function sexagesimal(v: string, degDigits: number): number | null {
  const sign = v.startsWith('-') ? -1 : 1;
  const [intPart = '', frac = ''] = v.slice(1).split('.');
  const f = frac ? Number(`0.${frac}`) : 0;
  let value: number;
  if (intPart.length === degDigits) value = Number(intPart) + f;
  else if (intPart.length === degDigits + 2) {
    const min = Number(intPart.slice(degDigits)) + f;
    if (min >= 60) return null;
    value = Number(intPart.slice(0, degDigits)) + min / 60;
  } else if (intPart.length === degDigits + 4) {
    const min = Number(intPart.slice(degDigits, degDigits + 2));
    const sec = Number(intPart.slice(degDigits + 2)) + f;
    if (min >= 60 || sec >= 60) return null;
    value = Number(intPart.slice(0, degDigits)) + min / 60 + sec / 3600;
  } else return null;
  return (sign * Math.round(value * 1e7)) / 1e7;
}

/**
 * ffprobe's error output made readable for the item's flag: the exit-code line dropped, the
 * demuxer's memory address and the full path removed (the file name stays).
 */
export function ffprobeReason(message: string, path: string): string {
  const name = basename(path);
  const lines = message
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^ffprobe exited with code/.test(l))
    .map((l) =>
      l
        .replace(/ @ 0x[0-9a-f]+\]/gi, ']')
        .split(path)
        .join(name),
    );
  return lines.length ? lines.join('; ') : message.trim() || 'ffprobe could not read the file';
}

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = String(v).trim();
  return s === '' || s === 'N/A' || s === 'unknown' ? null : s;
}

function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = str(v);
  if (s === null || !/^-?\d+(?:\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** "30000/1001" → 29.97; "0/0" → null. */
function rate(v: unknown): number | null {
  const r = ratio(v);
  return r && r > 0 ? Math.round(r * 1000) / 1000 : null;
}

function ratio(v: unknown): number | null {
  const s = str(v);
  const m = s ? /^(\d+(?:\.\d+)?)[/:](\d+(?:\.\d+)?)$/.exec(s) : null;
  if (!m) return num(v);
  const d = Number(m[2]);
  return d > 0 ? Number(m[1]) / d : null;
}
