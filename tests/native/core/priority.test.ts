import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

// Thread priorities are read from /proc, which only Linux has.
describe.skipIf(process.platform !== 'linux')('yieldToInterface', () => {
  it('lowers every thread of the process, including those Node started before any script ran', () => {
    const priority = resolve('native/core/priority.ts');
    // A fresh Node process: its libuv pool is started by an async fs call before the call under test.
    const script = `
      import { readdirSync, readFileSync } from 'node:fs';
      import { readFile } from 'node:fs/promises';
      import { yieldToInterface } from ${JSON.stringify(priority)};
      await readFile('/proc/self/stat');
      yieldToInterface({ info() {}, warn(m, d) { console.error(m, d); }, error() {}, debug() {} });
      const nice = (tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
      console.log(JSON.stringify(readdirSync('/proc/self/task').map(nice)));
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    const nices = JSON.parse(out) as number[];
    expect(nices.length).toBeGreaterThan(4); // main thread, V8 helpers, libuv pool
    expect(new Set(nices)).toEqual(new Set([10])); // PRIORITY_BELOW_NORMAL
  });
});
