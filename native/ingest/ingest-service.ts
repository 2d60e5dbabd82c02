import type { DockView } from '../api/types';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import { DockRun, type DockDeps, type DockRequest } from './dock-run';
import { snapshot } from './dock-progress';
import { loadDockReport } from './dock-report';

interface Active {
  run: DockRun;
  controller: AbortController;
  done: Promise<DockView>;
}

/**
 * Runs docks: several volumes at once, each with its own queue of files, sharing the copy
 * pool. Keeps live progress, cancels, and retries failed files. Finished docks are read back
 * from the database as dock reports.
 */
export class IngestService {
  private readonly active = new Map<number, Active>();

  constructor(private readonly deps: DockDeps) {}

  /** Starts docking a volume; refuses a second dock of a volume that is still running. */
  start(req: DockRequest): { dockId: number; done: Promise<DockView> } {
    for (const a of this.active.values()) {
      if (a.run.view.volumeId === req.volume.id && a.run.view.state === 'running') {
        throw new EngineError(
          'CONFLICT',
          `Volume ${req.volume.path} is already being ingested (dock #${a.run.view.id}).`,
          { field: 'volume' },
        );
      }
    }
    const run = new DockRun(this.deps, req);
    return { dockId: run.view.id, done: this.launch(run) };
  }

  /** Live progress of a running dock, or its stored report. */
  get(dockId: number): DockView {
    const a = this.active.get(dockId);
    return a ? snapshot(a.run.view) : loadDockReport(this.deps.db, dockId);
  }

  /** Docks still running, and those finished while this process has been up. */
  current(): DockView[] {
    return [...this.active.values()].map((a) => snapshot(a.run.view)).sort((x, y) => y.id - x.id);
  }

  /** Asks a running dock to stop; files being copied are discarded, committed ones kept. */
  cancel(dockId: number): void {
    const a = this.active.get(dockId);
    if (!a || a.run.view.state !== 'running')
      throw new EngineError('CONFLICT', `Dock #${dockId} is not running.`);
    a.controller.abort();
  }

  /** Runs the failed (and not yet done) files of a finished dock again, in the same dock. */
  retry(dockId: number): Promise<DockView> {
    const a = this.active.get(dockId);
    if (!a)
      throw new EngineError(
        'NOT_FOUND',
        `Dock #${dockId} is not open in this session; dock the volume again instead.`,
      );
    if (a.run.view.state === 'running')
      throw new EngineError('CONFLICT', `Dock #${dockId} is still running.`);
    const again = new Set(
      a.run.view.files.filter((f) => f.state === 'failed' || f.state === 'pending').map((f) => f.relPath),
    );
    for (const f of a.run.view.files) {
      if (again.has(f.relPath)) Object.assign(f, { state: 'pending', error: undefined, doneBytes: 0 });
    }
    return this.launch(a.run, again);
  }

  /** Waits for a dock to finish. */
  wait(dockId: number): Promise<DockView> {
    const a = this.active.get(dockId);
    return a ? a.done : Promise.resolve(loadDockReport(this.deps.db, dockId));
  }

  /** Cancels every running dock (engine shutdown). */
  async stopAll(): Promise<void> {
    for (const a of this.active.values()) a.controller.abort();
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
  }

  private launch(run: DockRun, only?: Set<string>): Promise<DockView> {
    const controller = new AbortController();
    run.view.state = 'running';
    const done = run.run(controller.signal, only);
    // The failure is in the dock report; a caller that does not wait must not see it unhandled.
    done.catch(() => undefined);
    this.active.set(run.view.id, { run, controller, done });
    return done;
  }
}

/** At start-up: docks a crash or kill left 'running' are marked interrupted (re-dock resumes). */
export function markInterrupted(db: Db, now: string): number {
  return db
    .prepare(`UPDATE docks SET state = 'interrupted', finished_at = ? WHERE state = 'running'`)
    .run(now).changes;
}
