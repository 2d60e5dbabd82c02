import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from '../args';
import { serve } from '../../server/serve';
import { stderrLogger, systemClock } from '../../core/context';
import { EngineError } from '../../core/errors';
import { yieldToInterface } from '../../core/priority';

export const serveUsage = `workstation serve [--port N]
  Browser mode: serves the workstation on http://127.0.0.1 (loopback only) and prints the URL
  with this launch's token. Ctrl+C stops it.`;

/** Where the built UI is: beside the CLI bundle (dist/renderer), or ./dist/renderer. */
export function uiDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [process.env.WORKSTATION_UI_DIR, join(here, 'renderer'), resolve('dist/renderer')]) {
    if (dir && existsSync(join(dir, 'index.html'))) return dir;
  }
  return resolve('dist/renderer');
}

/** `workstation serve`: runs until SIGINT/SIGTERM. */
export async function serveCommand(argv: string[]): Promise<number> {
  const { common, values } = parseCommand(argv, { port: { type: 'string' } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new EngineError('BAD_INPUT', `--port ${String(values.port)} is not a port number (0–65535).`, {
      field: 'port',
    });
  }
  // Browser mode shares the 2 cores with the browser: ingest and ffmpeg yield to the page.
  yieldToInterface(stderrLogger());
  const s = await serve({
    dataDir: common.dataDir,
    clock: systemClock,
    logger: stderrLogger(),
    staticDir: uiDir(),
    port,
  });
  if (s.engineError) process.stderr.write(`! ${s.engineError.message}\n  ${s.engineError.hint ?? ''}\n`);
  if (common.json)
    process.stdout.write(JSON.stringify({ url: s.url, port: s.port, dataDir: common.dataDir }) + '\n');
  else {
    process.stdout.write(`Evidence Workstation (browser mode) — data: ${common.dataDir}\nOpen: ${s.url}\n`);
  }
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // Stopping lets running docks end cleanly (committed files stay); never hang on the way out.
  setTimeout(() => process.exit(0), 15_000).unref();
  await s.stop();
  return 0;
}
