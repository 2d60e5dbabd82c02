// `npm test`: sets up (system packages when root, npm dependencies), builds, then runs every
// check: lint (including the layer rules), typecheck, vitest (unit + integration with real
// ffmpeg, SQLite and openssl) and Playwright e2e in Debian's Chromium.
import { has, run } from './lib.mjs';

const steps = [
  ['set-up', [process.execPath, ['scripts/setup.mjs', '--for=test']]],
  ['build', [process.execPath, ['scripts/build.mjs']]],
  ['lint', ['npx', ['eslint', '.', '--max-warnings', '0']]],
  ['typecheck', ['npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']]],
  ['unit + integration tests', ['npx', ['vitest', 'run']]],
  // The Electron smoke test needs a display where the Electron binary exists: use Xvfb if present.
  [
    'e2e tests (Chromium)',
    !process.env.DISPLAY && has('xvfb-run')
      ? ['xvfb-run', ['-a', 'npx', 'playwright', 'test']]
      : ['npx', ['playwright', 'test']],
  ],
];
const started = Date.now();
for (const [name, [cmd, args]] of steps) {
  console.log(`\n━━ ${name} ━━`);
  run(cmd, args);
}
console.log(`\n✔ All checks passed in ${Math.round((Date.now() - started) / 1000)} s.`);
