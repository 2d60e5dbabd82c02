/**
 * Whether Chromium/Electron plays an original as is, or it needs a proxy. Pure. Deliberately
 * narrow: only what plays everywhere Electron runs (H.264 is always decodable there; HEVC only
 * where the platform has a decoder) is left untouched, everything else gets an H.264/AAC proxy.
 */
import type { MediaProbe } from './types';

export interface PlayabilityVerdict {
  /** True when a proxy must be made before the item can play. */
  proxy: boolean;
  /** Which proxy: an H.264/AAC MP4 for video, an AAC .m4a for audio. Absent when none is needed. */
  target?: 'video' | 'audio';
  /** Why, in English, for logs and the item's details. */
  reason: string;
}

/** H.264 in 8-bit 4:2:0 (limited or full range): what every Chromium build decodes. */
const PLAYABLE_PIX_FMTS = new Set(['yuv420p', 'yuvj420p']);
/** Audio-only originals Chromium plays, by container family → codecs. */
const PLAYABLE_AUDIO: { container: (c: string) => boolean; codecs: Set<string>; label: string }[] = [
  { container: isMp4Family, codecs: new Set(['aac', 'mp3']), label: 'AAC/MP3 in MP4/M4A' },
  { container: (c) => c === 'mp3', codecs: new Set(['mp3']), label: 'MP3' },
  // Chromium's WAV support is linear PCM only; ADPCM, A-law, µ-law and the rest need a proxy.
  {
    container: (c) => c === 'wav',
    codecs: new Set(['pcm_u8', 'pcm_s16le', 'pcm_s24le', 'pcm_s32le', 'pcm_f32le']),
    label: 'linear PCM in WAV',
  },
];

/** Decides whether `probe` needs a proxy, and says why. */
export function needsProxy(probe: MediaProbe): PlayabilityVerdict {
  if (probe.unreadable) return { proxy: false, reason: `Unreadable: ${probe.reason}` };
  if (probe.kind === 'photo')
    return { proxy: false, reason: 'A photo: shown through its thumbnail and original.' };
  if (probe.kind === 'other') return { proxy: false, reason: 'Not audio or video: nothing to play.' };
  if (probe.kind === 'audio') return audioVerdict(probe.container, probe.audio?.codec ?? 'unknown');

  const problems: string[] = [];
  const v = probe.video;
  if (!isMp4Family(probe.container)) problems.push(`container ${probe.container} is not MP4/MOV`);
  if (!v) problems.push('no video stream');
  else {
    if (v.codec !== 'h264') problems.push(`video codec ${v.codec} is not H.264`);
    if (v.bitDepth > 8) problems.push(`${v.bitDepth}-bit video`);
    if (!v.pixFmt || !PLAYABLE_PIX_FMTS.has(v.pixFmt))
      problems.push(`pixel format ${v.pixFmt ?? 'unknown'} is not 8-bit 4:2:0`);
    if (v.interlaced) problems.push('interlaced video');
  }
  const a = probe.audio;
  if (a && a.codec !== 'aac') problems.push(`audio codec ${a.codec} is not AAC`);
  if (problems.length)
    return { proxy: true, target: 'video', reason: `Needs an H.264/AAC proxy: ${problems.join('; ')}.` };
  return {
    proxy: false,
    reason: a ? 'H.264/AAC in MP4/MOV: plays as is.' : 'H.264 in MP4/MOV without sound: plays as is.',
  };
}

function audioVerdict(container: string, codec: string): PlayabilityVerdict {
  for (const rule of PLAYABLE_AUDIO) {
    if (rule.container(container) && rule.codecs.has(codec)) {
      return { proxy: false, reason: `${rule.label} (${codec}): plays as is.` };
    }
  }
  return {
    proxy: true,
    target: 'audio',
    reason: `Needs an AAC proxy: audio codec ${codec} in ${container} does not play in Chromium.`,
  };
}

/** ffprobe names the whole ISO-BMFF family "mov,mp4,m4a,3gp,3g2,mj2". */
function isMp4Family(container: string): boolean {
  const names = container.split(',');
  return names.includes('mp4') || names.includes('mov');
}
