#!/usr/bin/env node
// `workstation` CLI entry: runs the bundled CLI (built by `npm run build`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  console.error('The workstation is not built yet: run `npm start` or `npm run build` first.');
  process.exit(2);
}
await import(pathToFileURL(cli).href);
