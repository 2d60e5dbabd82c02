import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `resources/` folder (default lists, camera patterns, templates): WORKSTATION_RESOURCES,
 * or the nearest `resources/` above this module (source tree and dist/ bundles alike), or
 * ./resources. The packaged Electron app passes its own (process.resourcesPath) explicitly.
 */
export function defaultResourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WORKSTATION_RESOURCES) return env.WORKSTATION_RESOURCES;
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'resources', 'camera-patterns.json'))) return join(dir, 'resources');
    dir = dirname(dir);
  }
  return resolve('resources');
}
