// `npm start [-- --demo] [-- --data DIR] [-- --port N]`: sets up, builds, then opens the
// Electron window — or, where the Electron binary is absent, starts browser mode and prints
// the URL (with its per-launch token) to open.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRoot, run } from './lib.mjs';

const args = process.argv.slice(2);
run(process.execPath, ['scripts/setup.mjs', '--for=start']);
run(process.execPath, ['scripts/build.mjs']);

const demo = args.includes('--demo');
let dataArgs = [];
const di = args.indexOf('--data');
if (di >= 0 && args[di + 1]) dataArgs = ['--data', args[di + 1]];
else if (demo) dataArgs = ['--data', '.data/demo'];
if (demo) run(process.execPath, ['bin/workstation.mjs', 'demo', ...dataArgs]);

const electronPath = electronBinary();
if (electronPath) {
  // better-sqlite3 must be built for Electron's ABI to load in the engine's utility process;
  // `npm test` rebuilds it for plain Node again when it needs to (scripts/setup.mjs).
  run('npx', ['electron-builder', 'install-app-deps'], { allowFail: true });
  // Chromium refuses to run its sandbox as root; a root shell (CI, containers) needs the flag.
  run(electronPath, ['.', ...(isRoot ? ['--no-sandbox'] : []), ...dataArgs]);
} else {
  console.log("• Electron's binary is not installed here: starting browser mode.");
  const pi = args.indexOf('--port');
  const portArgs = pi >= 0 && args[pi + 1] ? ['--port', args[pi + 1]] : [];
  run(process.execPath, ['bin/workstation.mjs', 'serve', ...dataArgs, ...portArgs]);
}

/** The Electron binary, if installed (reads path.txt: require('electron') would try to download it). */
function electronBinary() {
  try {
    const dir = join('node_modules', 'electron');
    const p = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}
