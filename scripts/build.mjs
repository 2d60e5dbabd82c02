// Builds everything into dist/: the renderer (Vite), the CLI/server bundle and the Electron
// main, preload and engine host (esbuild). Skips the work when no source changed since the
// last build, unless --force.
import { readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { mtime, run } from './lib.mjs';

const force = process.argv.includes('--force');
const stamp = 'dist/.build-stamp';
const sources = [
  'native',
  'electron',
  'renderer',
  'resources',
  'package.json',
  'vite.config.ts',
  'scripts/build.mjs',
];

if (!force && existsSync(stamp) && newest(sources) <= mtime(stamp)) {
  console.log('• Build is up to date');
  process.exit(0);
}

const esbuild = await import('esbuild');
const external = ['electron', 'better-sqlite3', 'fluent-ffmpeg', 'ffmpeg-static', 'node-forge', 'zod'];

console.log('• Building the UI (vite)');
run('npx', ['vite', 'build', '--logLevel', 'warn']);

console.log('• Bundling the CLI and engine (esbuild)');
await esbuild.build({
  entryPoints: { cli: 'native/cli/main.ts', 'copy-worker': 'native/ingest/copy-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
const electronOptions = {
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Modules that find their own files check __filename first; import.meta is only their ESM fallback.
  logOverride: { 'empty-import-meta': 'silent' },
};
await esbuild.build({
  ...electronOptions,
  entryPoints: {
    main: 'electron/main.ts',
    'engine-host': 'electron/engine-host.ts',
    'copy-worker': 'native/ingest/copy-worker.ts',
  },
  external,
});
// A sandboxed preload cannot load packages: everything but electron is bundled into it.
await esbuild.build({
  ...electronOptions,
  entryPoints: { preload: 'electron/preload.ts' },
  external: ['electron'],
  minify: true,
});

writeFileSync(stamp, new Date().toISOString());

function newest(paths) {
  let m = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const s = statSync(p);
    if (s.isDirectory()) m = Math.max(m, newest(readdirSync(p).map((e) => join(p, e))));
    else m = Math.max(m, s.mtimeMs);
  }
  return m;
}
