import type { HandlerTable } from '../dispatch';
import { listCheckpoints, latestCheckpoint } from '../../custody/checkpoints';
import { verifyWorkstation } from '../../custody/verify';
import { exportLog } from '../../custody/export';
import { EngineError } from '../../core/errors';
import type { JobView, VerifyReport } from '../types';

type CustodyOps =
  | 'custody.list'
  | 'custody.entry'
  | 'custody.consistency'
  | 'custody.checkpoints'
  | 'custody.checkpointNow'
  | 'custody.exportCheckpoint'
  | 'custody.exportLog'
  | 'custody.verifyStart'
  | 'jobs.get'
  | 'jobs.cancel';

/** Custody log viewing, proofs, checkpoints, export and the verify job. */
export const custodyHandlers: Pick<HandlerTable, CustodyOps> = {
  'custody.list': (e, input) => e.custody.list(input),
  'custody.entry': (e, { seq }) => {
    const got = e.custody.get(seq);
    if (!got) throw new EngineError('NOT_FOUND', `No custody entry #${seq}.`, { field: 'seq' });
    return { entry: got.view, entryText: got.bytes.toString('utf8'), proof: e.custody.inclusion(seq) };
  },
  'custody.consistency': (e, { fromSize, toSize }) => e.custody.consistency(fromSize, toSize),
  'custody.checkpoints': (e) => listCheckpoints(e.db),
  'custody.checkpointNow': (e, _input, caller) => {
    e.requireAgency();
    // Logged so that even a quiet day's checkpoint covers who asked for it.
    e.custody.append({ actor: caller.user!.login, action: 'custody.checkpoint.request' });
    return e.checkpoint() ?? latestCheckpoint(e.db)!;
  },
  'custody.exportCheckpoint': (e, _input, caller) => {
    const cp = e.checkpoint() ?? latestCheckpoint(e.db);
    if (!cp)
      throw new EngineError('NOT_FOUND', 'There is no checkpoint yet.', {
        hint: 'Set up the workstation first.',
      });
    e.custody.append({
      actor: caller.user!.login,
      action: 'custody.checkpoint.export',
      details: { size: cp.size, root: cp.rootHex },
    });
    const stamp = cp.createdAt.replace(/[:.]/g, '-');
    return { fileName: `checkpoint-${cp.size}-${stamp}.txt`, text: cp.note };
  },
  'custody.exportLog': async (e, { outDir }, caller) => {
    const agency = e.requireAgency();
    e.checkpoint();
    const signer = e.noteSigner();
    const row = e.db
      .prepare('SELECT ca_cert_pem, workstation_cert_pem, note_public_key_pem FROM agency WHERE id = 1')
      .get() as {
      ca_cert_pem: string;
      workstation_cert_pem: string;
      note_public_key_pem: string;
    };
    const r = await exportLog(e.db, outDir, {
      vkey: signer.vkey,
      notePublicKeyPem: row.note_public_key_pem,
      workstationCertPem: row.workstation_cert_pem,
      caCertPem: row.ca_cert_pem,
    });
    e.custody.append({
      actor: caller.user!.login,
      action: 'custody.log.export',
      details: { outDir, entries: r.entries, agency: agency.name },
    });
    return r;
  },
  'custody.verifyStart': (e, _input, caller) => {
    e.requireAgency();
    const vkey = e.noteSigner().vkey;
    const jobId = e.jobs.start<VerifyReport>('custody.verify', async (report, signal) => {
      const result = await verifyWorkstation({
        db: e.db,
        originalsDir: e.layout.originals,
        vkey,
        onProgress: report,
        signal,
      });
      // The outcome is itself evidence: log who verified what, and the result.
      e.custody.append({
        actor: caller.user!.login,
        action: 'custody.verify',
        details: {
          ok: result.ok,
          entries: result.entries,
          objects: result.objects,
          problems: result.problems.length,
          root: result.rootHex,
        },
      });
      // Never sign a checkpoint over a log that failed verification.
      if (result.ok) e.endBatch();
      return result;
    });
    return { jobId };
  },
  'jobs.get': (e, { jobId }) => e.jobs.get(jobId) as JobView<VerifyReport>,
  'jobs.cancel': (e, { jobId }) => {
    e.jobs.cancel(jobId);
    return { ok: true as const };
  },
};
