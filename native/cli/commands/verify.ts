import { parseCommand } from '../args';
import { print } from '../output';
import { withSession } from '../session';
import type { VerifyReport } from '../../api/types';

export const verifyUsage = `workstation verify
  Recomputes the whole custody log (hash chain and Merkle tree), checks every signed
  checkpoint, and re-hashes every stored original. Exit 1 names the first bad entry or file.`;

/** `workstation verify`: exit 0 when everything checks, 1 when anything does not. */
export async function verifyCommand(argv: string[]): Promise<number> {
  const { common } = parseCommand(argv, {});
  return withSession(common, { login: true }, async ({ call }) => {
    const { jobId } = await call('custody.verifyStart', {});
    const tty = process.stderr.isTTY && !common.json;
    let report: VerifyReport | undefined;
    for (;;) {
      const job = await call('jobs.get', { jobId });
      if (tty) {
        const { phase, done, total } = job.progress;
        const pct = total ? Math.floor((100 * done) / total) : 0;
        process.stderr.write(`\r  ${phase}: ${done}/${total} (${pct}%)   `);
      }
      if (job.state === 'done') {
        report = job.result as VerifyReport;
        break;
      }
      if (job.state !== 'running')
        throw Object.assign(new Error(job.error?.message ?? 'verify failed'), job.error);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (tty) process.stderr.write('\n');
    const human = report.ok
      ? `✔ Verified: ${report.entries} custody entries, ${report.checkpoints} checkpoints, ${report.objects} stored files. Root ${report.rootHex.slice(0, 16)}`
      : [
          `✖ Verification FAILED: ${report.problems.length} problem(s).`,
          `  First: ${describe(report.firstProblem!)}`,
          ...report.problems.slice(0, 20).map((p) => `  - ${describe(p)}`),
        ].join('\n');
    print(common, report, human);
    return report.ok ? 0 : 1;
  });
}

function describe(p: VerifyReport['problems'][number]): string {
  const where = p.seq !== undefined ? `entry #${p.seq}` : p.file ? `file ${p.file}` : p.kind;
  return `${where}: ${p.message}`;
}
