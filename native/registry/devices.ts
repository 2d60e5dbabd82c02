import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import type { CustodySink } from '../identity/deps';
import type { DeviceView } from '../api/types';

/** A recording device (执法记录仪) by serial, with its assigned officer. */
export type Device = DeviceView;

interface Row {
  id: number;
  serial: string;
  model: string;
  officer_id: number | null;
  clear_after_ingest: number;
}

const toDevice = (r: Row): Device => ({
  id: r.id,
  serial: r.serial,
  model: r.model,
  officerId: r.officer_id,
  clearAfterIngest: r.clear_after_ingest === 1,
});

/** All devices, by serial. */
export function listDevices(db: Db): Device[] {
  return (db.prepare('SELECT * FROM devices ORDER BY serial').all() as Row[]).map(toDevice);
}

/** One device by serial, or undefined. */
export function deviceBySerial(db: Db, serial: string): Device | undefined {
  const r = db.prepare('SELECT * FROM devices WHERE serial = ?').get(serial) as Row | undefined;
  return r && toDevice(r);
}

/** One device by id, or undefined. */
export function deviceById(db: Db, id: number): Device | undefined {
  const r = db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as Row | undefined;
  return r && toDevice(r);
}

/** Adds a device or updates the one with the same serial; logged. */
export function upsertDevice(
  deps: { db: Db; custody: CustodySink; clock: Clock },
  input: { serial: string; model?: string; officerId?: number | null; clearAfterIngest?: boolean },
  actor: string,
): Device {
  const serial = input.serial.trim();
  if (!/^[0-9A-Za-z._-]{2,40}$/.test(serial)) {
    throw new EngineError(
      'BAD_INPUT',
      `Device serial "${input.serial}" must be 2–40 letters, digits, dot, dash or underscore.`,
      { field: 'serial' },
    );
  }
  return deps.db.transaction(() => {
    const prev = deviceBySerial(deps.db, serial);
    const model = input.model?.trim() ?? prev?.model ?? '';
    const officerId = input.officerId === undefined ? (prev?.officerId ?? null) : input.officerId;
    const clear = input.clearAfterIngest ?? prev?.clearAfterIngest ?? false;
    if (prev) {
      deps.db
        .prepare('UPDATE devices SET model = ?, officer_id = ?, clear_after_ingest = ? WHERE id = ?')
        .run(model, officerId, clear ? 1 : 0, prev.id);
    } else {
      deps.db
        .prepare(
          'INSERT INTO devices(serial, model, officer_id, clear_after_ingest, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(serial, model, officerId, clear ? 1 : 0, deps.clock.now().toISOString());
    }
    const now = deviceBySerial(deps.db, serial)!;
    deps.custody.append({
      actor,
      action: prev ? 'device.update' : 'device.add',
      subjects: [`device:${now.id}`],
      details: { serial, model, officerId, clearAfterIngest: clear },
    });
    return now;
  })();
}
