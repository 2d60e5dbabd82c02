import type { MediaItemView, MediaPage } from '../api/types';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';

export interface MediaFilter {
  page: number;
  pageSize: number;
  officerId?: number;
  deviceId?: number;
  from?: string;
  to?: string;
  kind?: MediaItemView['kind'];
  important?: boolean;
  /** Linked to a case (cases arrive with a later release: nothing is linked yet). */
  linked?: boolean;
  unreadable?: boolean;
  unclassified?: boolean;
  q?: string;
}

interface Row {
  id: number;
  sha256: string;
  kind: MediaItemView['kind'];
  original_name: string;
  size: number;
  officer_id: number | null;
  officer_code: string | null;
  officer_name: string | null;
  device_id: number | null;
  device_serial: string | null;
  recorded_at: string | null;
  important: number;
  category: string;
  title: string;
  ingested_at: string;
  ingested_by: string;
  processing: MediaItemView['processing'];
  playable: number | null;
  unreadable_reason: string | null;
  probe_json: string | null;
  derived: string | null;
}

const select = `SELECT m.*, o.code AS officer_code, o.name AS officer_name, d.serial AS device_serial,
  (SELECT group_concat(kind) FROM derived WHERE media_id = m.id) AS derived
  FROM media m LEFT JOIN officers o ON o.id = m.officer_id LEFT JOIN devices d ON d.id = m.device_id`;

function toView(r: Row): MediaItemView {
  const probe = r.probe_json
    ? (JSON.parse(r.probe_json) as { durationSec?: number; video?: { width?: number; height?: number } })
    : undefined;
  return {
    id: r.id,
    sha256: r.sha256,
    kind: r.kind,
    originalName: r.original_name,
    size: r.size,
    officerId: r.officer_id,
    officerCode: r.officer_code ?? undefined,
    officerName: r.officer_name ?? undefined,
    deviceId: r.device_id,
    deviceSerial: r.device_serial ?? undefined,
    recordedAt: r.recorded_at,
    important: r.important === 1,
    category: r.category,
    title: r.title,
    ingestedAt: r.ingested_at,
    ingestedBy: r.ingested_by,
    processing: r.processing,
    playable: r.playable === null ? null : r.playable === 1,
    unreadableReason: r.unreadable_reason,
    durationSec: probe?.durationSec,
    width: probe?.video?.width,
    height: probe?.video?.height,
    derived: r.derived ? r.derived.split(',') : [],
  };
}

/** A page of media items, newest recording first, filtered as the Library asks. */
export function listMedia(db: Db, f: MediaFilter): MediaPage {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...v: unknown[]) => {
    where.push(sql);
    args.push(...v);
  };
  if (f.officerId !== undefined) add('m.officer_id = ?', f.officerId);
  if (f.deviceId !== undefined) add('m.device_id = ?', f.deviceId);
  if (f.from) add('coalesce(m.recorded_at, m.ingested_at) >= ?', new Date(f.from).toISOString());
  if (f.to) add('coalesce(m.recorded_at, m.ingested_at) <= ?', new Date(f.to).toISOString());
  if (f.kind) add('m.kind = ?', f.kind);
  if (f.important !== undefined) add('m.important = ?', f.important ? 1 : 0);
  if (f.linked === true) add('0'); // no case links exist before the cases release
  if (f.unreadable !== undefined)
    add(f.unreadable ? 'm.unreadable_reason IS NOT NULL' : 'm.unreadable_reason IS NULL');
  if (f.unclassified !== undefined)
    add(f.unclassified ? "m.category = 'unclassified'" : "m.category <> 'unclassified'");
  if (f.q)
    add(
      "(m.original_name LIKE ? ESCAPE '\\' OR m.title LIKE ? ESCAPE '\\' OR m.sha256 LIKE ?)",
      ...likeArgs(f.q),
    );
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM media m ${w}`)
    .pluck()
    .get(...args) as number;
  const rows = db
    .prepare(
      `${select} ${w} ORDER BY coalesce(m.recorded_at, m.ingested_at) DESC, m.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, f.pageSize, (f.page - 1) * f.pageSize) as Row[];
  return { total, page: f.page, pageSize: f.pageSize, items: rows.map(toView) };
}

function likeArgs(q: string): string[] {
  const esc = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return [esc, esc, `${q.toLowerCase()}%`];
}

/** One item with the places it was found. */
export function getMedia(db: Db, id: number): MediaItemView {
  const r = db.prepare(`${select} WHERE m.id = ?`).get(id) as Row | undefined;
  if (!r) throw new EngineError('NOT_FOUND', `No media item #${id}.`, { field: 'id' });
  const sources = db
    .prepare(
      'SELECT s.dock_id AS dockId, s.rel_path AS relPath, d.volume_path AS volumePath FROM media_sources s JOIN docks d ON d.id = s.dock_id WHERE s.media_id = ? ORDER BY s.dock_id',
    )
    .all(id) as { dockId: number; relPath: string; volumePath: string }[];
  return { ...toView(r), sources };
}
