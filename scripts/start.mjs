// `npm start [-- --demo] [-- --data DIR] [-- --port N]`: sets up, builds, then opens the
// Electron window — or, where the Electron binary is absent, starts browser mode and prints
// the URL (with its per-launch token) to open.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { run } from './lib.mjs';

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
  // better-sqlite3 must be built for Electron's ABI inside the app (electron-builder does it).
  run('npx', ['electron-builder', 'install-app-deps'], { allowFail: true });
  run(electronPath, ['.', ...dataArgs]);
} else {
  console.log("• Electron's binary is not installed here: starting browser mode.");
  const pi = args.indexOf('--port');
  const portArgs = pi >= 0 && args[pi + 1] ? ['--port', args[pi + 1]] : [];
  run(process.execPath, ['bin/workstation.mjs', 'serve', ...dataArgs, ...portArgs]);
}

function electronBinary() {
  try {
    const p = createRequire(import.meta.url)('electron');
    return typeof p === 'string' && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}
