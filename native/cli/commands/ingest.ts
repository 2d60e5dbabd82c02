import { resolve } from 'node:path';
import { parseCommand, required } from '../args';
import { print } from '../output';
import { withSession } from '../session';
import type { DockView } from '../../api/types';

export const ingestUsage = `workstation ingest --volume PATH [--officer CODE] [--device SERIAL]
  Docks a camera volume (or any folder): copies, hashes and verifies every file into the store,
  logs each in the custody log, and prints the dock summary (--json: counts and per-file results
  with SHA-256). Exit 0 only if every file was ingested or recognised as already stored.`;

/** `workstation ingest`. */
export async function ingestCommand(argv: string[]): Promise<number> {
  const { common, values } = parseCommand(argv, {
    volume: { type: 'string' },
    officer: { type: 'string' },
    device: { type: 'string' },
  });
  const volume = resolve(required(values, 'volume'));
  return withSession(common, { login: true }, async ({ call, engine }) => {
    const { dockId } = await call('ingest.start', {
      path: volume,
      officerCode: values.officer as string | undefined,
      deviceSerial: values.device as string | undefined,
    });
    const tty = process.stderr.isTTY && !common.json;
    const timer = tty
      ? setInterval(() => {
          const d = engine.ingest.get(dockId);
          const pct = d.totalBytes ? Math.floor((100 * d.doneBytes) / d.totalBytes) : 0;
          const eta = d.etaSec !== undefined ? `, ${d.etaSec} s left` : '';
          process.stderr.write(
            `\r  ${pct}% ${(d.rateBps / 1e6).toFixed(1)} MB/s${eta} — ${d.counts.ingested + d.counts.duplicates}/${d.counts.found} files   `,
          );
        }, 250)
      : undefined;
    let report: DockView;
    try {
      await engine.ingest.wait(dockId);
      report = engine.ingest.get(dockId);
    } finally {
      if (timer) clearInterval(timer);
      if (tty) process.stderr.write('\n');
    }
    const ok =
      report.state === 'done' &&
      report.counts.failed === 0 &&
      !report.files.some((f) => f.state === 'pending');
    print(common, { ok, ...report }, human(report, ok));
    return ok ? 0 : 1;
  });
}

function human(d: DockView, ok: boolean): string {
  const c = d.counts;
  const lines = [
    `${ok ? '✔' : '✖'} Dock #${d.id} of ${d.volumePath}: ${d.state}`,
    `  device ${d.deviceSerial ?? '—'}, officer ${d.officerCode ? `${d.officerCode} ${d.officerName ?? ''}` : '—'}`,
    `  found ${c.found}, ingested ${c.ingested}, already stored ${c.duplicates}, failed ${c.failed}, skipped ${c.skipped}`,
  ];
  for (const f of d.files) {
    if (f.state === 'failed' || f.state === 'skipped')
      lines.push(`  ${f.state.toUpperCase()} ${f.relPath}: ${f.error?.message ?? ''}`);
  }
  return lines.join('\n');
}
