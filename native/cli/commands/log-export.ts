import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommand, required } from '../args';
import { print } from '../output';
import { withSession } from '../session';
import { EngineError } from '../../core/errors';

export const logUsage = `workstation log export --out DIR
  Writes entries.jsonl (line i = the exact bytes leaf i hashes), the latest signed checkpoint
  and the workstation's public key and certificates, so anyone can recompute the root.
workstation log checkpoint [--out FILE]
  Prints (or writes) the latest signed checkpoint, to keep a copy off this machine.`;

/** `workstation log export`. */
export async function logCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'checkpoint') return checkpointCommand(rest);
  if (sub !== 'export')
    throw new EngineError('BAD_INPUT', `Unknown log command "${sub ?? ''}".`, { hint: logUsage });
  const { common, values } = parseCommand(rest, { out: { type: 'string' } });
  const out = resolve(required(values, 'out'));
  return withSession(common, { login: true }, async ({ call }) => {
    const r = await call('custody.exportLog', { outDir: out });
    print(common, r, `✔ Exported ${r.entries} entries to ${out}\n  ${r.files.join('\n  ')}`);
    return 0;
  });
}

async function checkpointCommand(argv: string[]): Promise<number> {
  const { common, values } = parseCommand(argv, { out: { type: 'string' } });
  return withSession(common, { login: true }, async ({ call }) => {
    const r = await call('custody.exportCheckpoint', {});
    if (values.out) {
      const file = resolve(values.out as string);
      writeFileSync(file, r.text, { flag: 'wx' });
      print(common, { file, fileName: r.fileName }, `✔ Checkpoint written to ${file}`);
    } else print(common, r, r.text);
    return 0;
  });
}
