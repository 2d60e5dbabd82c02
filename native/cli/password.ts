import { EngineError } from '../core/errors';

/**
 * Reads a password from an environment variable, or prompts on a terminal without echo.
 * Never from a flag: flags end up in shell history and process lists.
 */
export async function readPassword(envVar: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envVar];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new EngineError('BAD_INPUT', `No password: set ${envVar} or run on a terminal to be prompted.`, {
      field: envVar,
    });
  }
  process.stderr.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let pw = '';
    const onData = (ch: string) => {
      for (const c of ch) {
        if (c === '\r' || c === '\n') {
          done();
          process.stderr.write('\n');
          resolve(pw);
          return;
        }
        if (c === '\u0003') {
          done();
          reject(new EngineError('CANCELLED', 'Cancelled.'));
          return;
        }
        if (c === '\u007f') pw = pw.slice(0, -1);
        else pw += c;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}
