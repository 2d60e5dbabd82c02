import type { HandlerTable } from '../dispatch';
import { EngineError } from '../../core/errors';
import { manualVolume } from '../../volumes';
import { listDocks } from '../../ingest/dock-report';
import { importOfficersCsv, listOfficers, upsertOfficer } from '../../registry/officers';
import { listDevices, upsertDevice } from '../../registry/devices';
import { addWatchedFolder, listWatchedFolders, removeWatchedFolder } from '../../registry/watched-folders';
import type { Engine } from '../../engine';
import { statSync } from 'node:fs';

const isDirectory = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

type IngestOps =
  | 'volumes.list'
  | 'ingest.start'
  | 'ingest.status'
  | 'ingest.dock'
  | 'ingest.docks'
  | 'ingest.cancel'
  | 'ingest.retry'
  | 'officers.list'
  | 'officers.save'
  | 'officers.importCsv'
  | 'devices.list'
  | 'devices.save'
  | 'watched.list'
  | 'watched.add'
  | 'watched.remove';

const deps = (e: Engine) => ({ db: e.db, custody: e.custody, clock: e.ctx.clock });

/** Docking and ingest, and the registries they rely on. */
export const ingestHandlers: Pick<HandlerTable, IngestOps> = {
  'volumes.list': (e) => e.monitor?.list() ?? [],
  'ingest.start': (e, { volumeId, path, officerCode, deviceSerial }, caller) => {
    e.requireAgency();
    if (path && !isDirectory(path)) {
      throw new EngineError('BAD_INPUT', `${path} is not a folder that can be read.`, {
        field: 'path',
        hint: 'Check the path (and that the camera is still connected), then try again.',
      });
    }
    const v = volumeId ? e.monitor?.get(volumeId) : manualVolume(path!);
    if (!v)
      throw new EngineError('NOT_FOUND', `Volume ${volumeId} is no longer present.`, {
        field: 'volumeId',
        hint: 'Reconnect the camera.',
      });
    const { dockId } = e.ingest.start({
      volume: { id: v.id, path: v.path, label: v.label, source: v.kind },
      officerCode,
      deviceSerial,
      actor: caller.user!.login,
    });
    e.monitor?.setDock(v.id, dockId);
    return { dockId };
  },
  'ingest.status': (e) => e.ingest.current(),
  'ingest.dock': (e, { dockId }) => e.ingest.get(dockId),
  'ingest.docks': (e, { limit }) => {
    // Summaries only: the list is polled every second while a dock runs, and a camera can hold
    // hundreds of files — those come from ingest.dock when the clerk opens a dock's file table.
    const live = new Map(e.ingest.current().map((d) => [d.id, d]));
    return listDocks(e.db, limit).map((d) => {
      const running = live.get(d.id);
      return running ? { ...running, files: [] } : d;
    });
  },
  'ingest.cancel': (e, { dockId }) => {
    e.ingest.cancel(dockId);
    return { ok: true as const };
  },
  'ingest.retry': (e, { dockId }) => {
    void e.ingest.retry(dockId).catch(() => undefined);
    return { ok: true as const };
  },
  'officers.list': (e) => listOfficers(e.db),
  'officers.save': (e, input, caller) => upsertOfficer(deps(e), input, caller.user!.login),
  'officers.importCsv': (e, { csv }, caller) => importOfficersCsv(deps(e), csv, caller.user!.login),
  'devices.list': (e) => listDevices(e.db),
  'devices.save': (e, input, caller) => upsertDevice(deps(e), input, caller.user!.login),
  'watched.list': (e) => listWatchedFolders(e.db),
  'watched.add': (e, input, caller) => addWatchedFolder(deps(e), input.path, input.label, caller.user!.login),
  'watched.remove': (e, { id }, caller) => {
    removeWatchedFolder(deps(e), id, caller.user!.login);
    return { ok: true as const };
  },
};
