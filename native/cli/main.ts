import { EngineError, toEngineError } from '../core/errors';
import { initCommand, initUsage } from './commands/init';
import { userCommand, userUsage } from './commands/user';
import { verifyCommand, verifyUsage } from './commands/verify';
import { logCommand, logUsage } from './commands/log-export';
import { serveCommand, serveUsage } from './commands/serve';
import { demoCommand, demoUsage } from './commands/demo';
import { ingestCommand, ingestUsage } from './commands/ingest';

const usage = `Evidence Workstation (执法音像证据工作站) — command line

Every command takes --data DIR (default: the OS app-data directory; EVIDENCE_DATA overrides),
--as LOGIN (password from WORKSTATION_PASSWORD, or prompted on a terminal) and --json.
Exit status: 0 success, 1 a verification found a problem (or an ingest left files behind),
2 bad usage or input.

${initUsage}
${userUsage}
${ingestUsage}
${verifyUsage}
${logUsage}
${serveUsage}
${demoUsage}
`;

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  init: initCommand,
  user: userCommand,
  ingest: ingestCommand,
  verify: verifyCommand,
  log: logCommand,
  serve: serveCommand,
  demo: demoCommand,
};

/** Runs the CLI and returns its exit status. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(usage);
    return cmd ? 0 : 2;
  }
  const fn = commands[cmd];
  try {
    if (!fn)
      throw new EngineError('BAD_INPUT', `Unknown command "${cmd}".`, {
        hint: 'Run `workstation help` for usage.',
      });
    return await fn(rest);
  } catch (err) {
    const e = toEngineError(err);
    const json = rest.includes('--json');
    if (json) process.stdout.write(JSON.stringify({ ok: false, error: e.toInfo() }) + '\n');
    process.stderr.write(`✖ ${e.message}${e.field ? ` [${e.field}]` : ''}\n${e.hint ? `  ${e.hint}\n` : ''}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
