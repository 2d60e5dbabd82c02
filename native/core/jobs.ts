import { randomUUID } from 'node:crypto';
import type { JobProgress, JobView } from '../api/types';
import { EngineError, toEngineError } from './errors';

interface JobRecord {
  view: JobView;
  controller: AbortController;
}

/**
 * Long work (verify, later ingest and transcode) runs as jobs: started by one call, polled by
 * `jobs.get`, cancelled through an AbortController. Finished jobs are kept for an hour so a
 * client that polls late still sees the result.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();

  /** Starts `work` in the background and returns its id at once. */
  start<R>(
    kind: string,
    work: (report: (p: JobProgress) => void, signal: AbortSignal) => Promise<R>,
  ): string {
    this.prune();
    const id = randomUUID();
    const controller = new AbortController();
    const view: JobView = { id, kind, state: 'running', progress: { phase: 'start', done: 0, total: 0 } };
    this.jobs.set(id, { view, controller });
    const report = (p: JobProgress) => {
      view.progress = p;
    };
    void work(report, controller.signal).then(
      (result) => {
        view.state = 'done';
        view.result = result;
        (view as JobView & { endedAt?: number }).endedAt = Date.now();
      },
      (err: unknown) => {
        view.state = controller.signal.aborted ? 'cancelled' : 'failed';
        view.error = toEngineError(err).toInfo();
        (view as JobView & { endedAt?: number }).endedAt = Date.now();
      },
    );
    return id;
  }

  /** Current state of a job. */
  get(id: string): JobView {
    const rec = this.jobs.get(id);
    if (!rec) throw new EngineError('NOT_FOUND', `No job ${id}.`, { field: 'jobId' });
    return { ...rec.view, progress: { ...rec.view.progress } };
  }

  /** Requests cancellation; the job ends as 'cancelled' once its work notices. */
  cancel(id: string): void {
    const rec = this.jobs.get(id);
    if (!rec) throw new EngineError('NOT_FOUND', `No job ${id}.`, { field: 'jobId' });
    rec.controller.abort();
  }

  /** Cancels everything (engine shutdown). */
  cancelAll(): void {
    for (const rec of this.jobs.values()) rec.controller.abort();
  }

  private prune(): void {
    const cutoff = Date.now() - 3600_000;
    for (const [id, rec] of this.jobs) {
      const ended = (rec.view as JobView & { endedAt?: number }).endedAt;
      if (ended !== undefined && ended < cutoff) this.jobs.delete(id);
    }
  }
}
