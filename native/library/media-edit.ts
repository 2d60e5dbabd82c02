import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import type { CustodySink } from '../identity/deps';
import { officerById } from '../registry/officers';
import { deviceById } from '../registry/devices';
import { getMedia } from './media-query';
import type { MediaItemView } from '../api/types';

export interface MediaChanges {
  officerId?: number | null;
  deviceId?: number | null;
  category?: string;
  title?: string;
}

/**
 * Sets officer, device, category or title on an item — never its content. Each change is
 * logged with the old and new value, in the same transaction.
 */
export function updateMedia(
  deps: { db: Db; custody: CustodySink; clock: Clock },
  id: number,
  changes: MediaChanges,
  actor: string,
): MediaItemView {
  const { db } = deps;
  return db.transaction(() => {
    const before = getMedia(db, id);
    if (changes.officerId && !officerById(db, changes.officerId)) {
      throw new EngineError('BAD_INPUT', `No officer #${changes.officerId} in the registry.`, {
        field: 'officerId',
      });
    }
    if (changes.deviceId && !deviceById(db, changes.deviceId)) {
      throw new EngineError('BAD_INPUT', `No device #${changes.deviceId} in the registry.`, {
        field: 'deviceId',
      });
    }
    const cols: [keyof MediaChanges, string][] = [
      ['officerId', 'officer_id'],
      ['deviceId', 'device_id'],
      ['category', 'category'],
      ['title', 'title'],
    ];
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, col] of cols) {
      const to = changes[key];
      if (to === undefined || to === before[key]) continue;
      db.prepare(`UPDATE media SET ${col} = ? WHERE id = ?`).run(to, id);
      diff[key] = { from: before[key], to };
    }
    if (Object.keys(diff).length === 0) return before;
    deps.custody.append({
      actor,
      action: 'media.update',
      subjects: [`media:${id}`],
      hashes: { sha256: before.sha256 },
      details: diff,
    });
    return getMedia(db, id);
  })();
}
