import { resolve } from 'node:path';
import { parseCommand, required } from '../args';
import { print } from '../output';
import { withSession } from '../session';
import { EngineError } from '../../core/errors';

export const logUsage = `workstation log export --out DIR
  Writes entries.jsonl (line i = the exact bytes leaf i hashes), the latest signed checkpoint
  and the workstation's public key and certificates, so anyone can recompute the root.`;

/** `workstation log export`. */
export async function logCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'export') throw new EngineError('BAD_INPUT', `Unknown log command "${sub ?? ''}".`, { hint: logUsage });
  const { common, values } = parseCommand(rest, { out: { type: 'string' } });
  const out = resolve(required(values, 'out'));
  return withSession(common, { login: true }, async ({ call }) => {
    const r = await call('custody.exportLog', { outDir: out });
    print(common, r, `✔ Exported ${r.entries} entries to ${out}\n  ${r.files.join('\n  ')}`);
    return 0;
  });
}
