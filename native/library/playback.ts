import { extname, join } from 'node:path';
import type { PlaybackView } from '../api/types';
import type { Db } from '../storage/db';
import type { CustodySink } from '../identity/deps';
import { objectPath } from '../storage/object-store';
import type { TicketStore } from './tickets';
import { getMedia } from './media-query';

const mimeByExt: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  // H.264/AAC in a QuickTime file is ISO BMFF too; Chromium plays it when labelled video/mp4.
  '.mov': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

interface DerivedRow {
  kind: string;
  rel_path: string;
  meta_json: string | null;
}

/**
 * Opens an item for playback: records the view in the custody log (who, which item, when —
 * the basis of supervised access, 调阅监督) and grants short-lived URLs to the playable file
 * (the original when it plays as is, else its proxy), the poster and the scrub strip.
 */
export function openForPlayback(
  deps: { db: Db; custody: CustodySink; tickets: TicketStore; dirs: { originals: string; derived: string } },
  id: number,
  actor: string,
): PlaybackView {
  const item = getMedia(deps.db, id);
  deps.custody.append({
    actor,
    action: 'evidence.view',
    subjects: [`media:${id}`],
    hashes: { sha256: item.sha256 },
  });
  const derived = new Map(
    (
      deps.db
        .prepare('SELECT kind, rel_path, meta_json FROM derived WHERE media_id = ?')
        .all(id) as DerivedRow[]
    ).map((d) => [d.kind, d]),
  );
  const grant = (d: DerivedRow | undefined) =>
    d
      ? deps.tickets.grant(
          join(deps.dirs.derived, d.rel_path),
          mimeByExt[extname(d.rel_path).toLowerCase()] ?? 'application/octet-stream',
        )
      : undefined;
  const view: PlaybackView = { item };
  const originalMime = mimeByExt[extname(item.originalName).toLowerCase()];
  if (item.playable && originalMime)
    view.src = deps.tickets.grant(objectPath(deps.dirs.originals, item.sha256), originalMime);
  else view.src = grant(derived.get('proxy') ?? derived.get('audio-proxy'));
  if (item.kind === 'photo' && !view.src && originalMime)
    view.src = deps.tickets.grant(objectPath(deps.dirs.originals, item.sha256), originalMime);
  view.poster = grant(derived.get('poster') ?? derived.get('thumb'));
  view.waveform = grant(derived.get('waveform'));
  const strip = derived.get('strip');
  if (strip) {
    const meta = JSON.parse(strip.meta_json ?? '{}') as Omit<NonNullable<PlaybackView['strip']>, 'url'>;
    view.strip = { url: grant(strip)!, ...meta };
  }
  if (!view.src) {
    view.notPlayable = item.unreadableReason
      ? `The original cannot be decoded (${item.unreadableReason}); it is stored and verified unchanged.`
      : item.processing === 'failed'
        ? 'Making a playable copy failed; the original is stored and verified unchanged.'
        : 'A playable copy is being made; try again shortly.';
  }
  return view;
}

/** URL of an item's thumbnail (poster or photo thumb) for list views; no view is logged. */
export function thumbnailUrl(
  db: Db,
  tickets: TicketStore,
  derivedDir: string,
  id: number,
): string | undefined {
  const d = db
    .prepare(
      "SELECT rel_path FROM derived WHERE media_id = ? AND kind IN ('thumb','poster','waveform') ORDER BY kind = 'waveform' LIMIT 1",
    )
    .get(id) as { rel_path: string } | undefined;
  return d
    ? tickets.grant(
        join(derivedDir, d.rel_path),
        mimeByExt[extname(d.rel_path).toLowerCase()] ?? 'image/jpeg',
      )
    : undefined;
}
