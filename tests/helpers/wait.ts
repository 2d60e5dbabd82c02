/**
 * Polls `check` until it returns true. A throw from `check` or the timeout rejects, and the timer is always
 * cleared — a poll left running after its test ends would fail a later, unrelated test.
 */
export function waitFor(
  check: () => boolean,
  { what, timeoutMs = 60_000, everyMs = 5 }: { what: string; timeoutMs?: number; everyMs?: number },
): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const t = setInterval(() => {
      try {
        if (check()) {
          clearInterval(t);
          resolve();
        } else if (Date.now() - started > timeoutMs) {
          clearInterval(t);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
        }
      } catch (e) {
        clearInterval(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }, everyMs);
  });
}
