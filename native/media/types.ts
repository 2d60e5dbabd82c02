/** What the media module reports about a stored original and the files it derives from it. */

export type MediaKind = 'video' | 'audio' | 'photo' | 'other';

export interface VideoInfo {
  /** ffprobe codec_name: h264, hevc, mjpeg, png … */
  codec: string;
  /** ffprobe profile (Main, High, High 10 …), when known. */
  profile: string | null;
  /** Coded frame size, before rotation and pixel aspect. */
  width: number;
  height: number;
  /** Size as shown: pixel aspect applied, swapped for 90°/270° rotation. */
  displayWidth: number;
  displayHeight: number;
  /** Sample (pixel) aspect ratio; 1 when square or unknown. */
  sar: number;
  fps: number | null;
  pixFmt: string | null;
  /** Bits per sample read from the pixel format (8 for yuv420p, 10 for yuv420p10le). */
  bitDepth: number;
  /** field_order says top/bottom field first (not progressive, not unknown). */
  interlaced: boolean;
  /** Degrees to turn the frame clockwise for display: 0, 90, 180 or 270. */
  rotation: 0 | 90 | 180 | 270;
}

export interface AudioInfo {
  codec: string;
  profile: string | null;
  sampleRate: number | null;
  channels: number | null;
}

export interface GeoPoint {
  lat: number;
  lon: number;
  /** Metres, when the tag carries an altitude. */
  alt?: number;
}

/** A file ffprobe could read. */
export interface ReadableProbe {
  unreadable: false;
  kind: MediaKind;
  /** ffprobe format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "avi", "wav", "image2". */
  container: string;
  durationSec: number | null;
  sizeBytes: number;
  bitRate: number | null;
  video?: VideoInfo;
  audio?: AudioInfo;
  /** ISO 8601 (UTC) from the creation_time tag of the format or a stream. */
  creationTime: string | null;
  gps: GeoPoint | null;
}

/** A file ffprobe could not read (truncated, undecodable, empty): still stored, flagged. */
export interface UnreadableProbe {
  unreadable: true;
  /** ffprobe's own message (or why it was not asked), for the item's unreadable flag. */
  reason: string;
  sizeBytes: number;
}

export type MediaProbe = ReadableProbe | UnreadableProbe;

/** Derived file kinds, as the Library lists them. */
export type DerivedKind = 'proxy' | 'poster' | 'strip' | 'thumb' | 'waveform' | 'audio-proxy';

/**
 * A finished derived file: renamed into place, hashed, with what the UI needs to use it. The
 * meta types are type aliases, not interfaces, so that they fit the default (a plain record).
 */
export interface DerivedFile<M = Record<string, unknown>> {
  kind: DerivedKind;
  path: string;
  sha256: string;
  size: number;
  meta: M;
}

/** Progress of a long ffmpeg job. `percent` is null when the duration is unknown. */
export interface JobProgress {
  seconds: number;
  percent: number | null;
  /** Times real time, e.g. 1.8 (null before ffmpeg reports it). */
  speed: number | null;
  done: boolean;
}

/** Options shared by every derive function. */
export interface DeriveOptions {
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** Kill ffmpeg after this long; each function has a default scaled to the media's duration. */
  timeoutMs?: number;
  /** ffmpeg to use; default resolveFfmpeg(). */
  ffmpegPath?: string;
}
