import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, sep } from 'node:path';
import { EngineError } from '../core/errors';

/** What binary resolution looks at besides the environment; tests point it at fixtures. */
export interface BinaryLookup {
  platform: NodeJS.Platform;
  /** Path of a file inside an installed package, or null when the package is not installed. */
  packageFile(pkg: string, file: string): string | null;
  /** The ffprobe path exported by @ffprobe-installer/ffprobe, or null when it is not installed. */
  ffprobeInstallerPath(): string | null;
  isExecutable(path: string): boolean;
}

const FIX_HINT =
  'Install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg), or set FFMPEG_BIN and FFPROBE_BIN to the full paths of the binaries.';

/**
 * The ffmpeg to run. Order: FFMPEG_BIN; the binary of the ffmpeg-static package (only if it was
 * really downloaded — its install is skipped where downloads are blocked); `ffmpeg` on PATH.
 * Throws NOT_FOUND saying how to fix it when there is none.
 */
export function resolveFfmpeg(
  env: NodeJS.ProcessEnv = process.env,
  lookup: BinaryLookup = systemLookup(),
): string {
  const exe = exeName('ffmpeg', lookup.platform);
  const explicit = fromEnv(env, 'FFMPEG_BIN', lookup);
  if (explicit) return explicit;
  const fromPackage = lookup.packageFile('ffmpeg-static', exe);
  if (fromPackage && lookup.isExecutable(unpackedAsarPath(fromPackage))) return unpackedAsarPath(fromPackage);
  const onPath = findOnPath(exe, env, lookup);
  if (onPath) return onPath;
  throw new EngineError(
    'NOT_FOUND',
    'ffmpeg was not found: FFMPEG_BIN is not set, ffmpeg-static has no binary and no ffmpeg is on PATH.',
    {
      field: 'FFMPEG_BIN',
      hint: FIX_HINT,
    },
  );
}

/**
 * The ffprobe to run. Order: FFPROBE_BIN; an ffprobe beside the resolved ffmpeg (the pair from
 * one build); @ffprobe-installer/ffprobe; `ffprobe` on PATH. Throws NOT_FOUND when there is none.
 */
export function resolveFfprobe(
  env: NodeJS.ProcessEnv = process.env,
  lookup: BinaryLookup = systemLookup(),
): string {
  const exe = exeName('ffprobe', lookup.platform);
  const explicit = fromEnv(env, 'FFPROBE_BIN', lookup);
  if (explicit) return explicit;
  let ffmpeg: string | null = null;
  try {
    ffmpeg = resolveFfmpeg(env, lookup);
  } catch {
    // No ffmpeg does not mean no ffprobe: keep looking.
  }
  if (ffmpeg) {
    const beside = join(dirname(ffmpeg), exe);
    if (lookup.isExecutable(beside)) return beside;
  }
  const installer = lookup.ffprobeInstallerPath();
  if (installer && lookup.isExecutable(unpackedAsarPath(installer))) return unpackedAsarPath(installer);
  const onPath = findOnPath(exe, env, lookup);
  if (onPath) return onPath;
  throw new EngineError(
    'NOT_FOUND',
    'ffprobe was not found: FFPROBE_BIN is not set, there is none beside ffmpeg, @ffprobe-installer/ffprobe is not installed and no ffprobe is on PATH.',
    { field: 'FFPROBE_BIN', hint: FIX_HINT },
  );
}

/**
 * In a packaged Electron app, packages live in `app.asar`, which cannot hold executables:
 * electron-builder's asarUnpack puts them in `app.asar.unpacked` beside it.
 */
export function unpackedAsarPath(p: string): string {
  return p.replace(/([\\/])app\.asar([\\/])/, `$1app.asar.unpacked$2`);
}

/** The lookup against the real filesystem and the installed packages. */
export function systemLookup(): BinaryLookup {
  return {
    platform: process.platform,
    packageFile(pkg, file) {
      try {
        return join(dirname(packageRequire().resolve(`${pkg}/package.json`)), file);
      } catch {
        return null;
      }
    },
    ffprobeInstallerPath() {
      try {
        // Its index throws when the platform's binary package is missing: that means "not installed".
        const mod = packageRequire()('@ffprobe-installer/ffprobe') as { path?: unknown };
        return typeof mod.path === 'string' ? mod.path : null;
      } catch {
        return null;
      }
    },
    isExecutable,
  };
}

function fromEnv(
  env: NodeJS.ProcessEnv,
  name: 'FFMPEG_BIN' | 'FFPROBE_BIN',
  lookup: BinaryLookup,
): string | null {
  const value = env[name]?.trim();
  if (!value) return null;
  // A path the administrator set on purpose is never silently replaced by another binary.
  if (!lookup.isExecutable(value)) {
    throw new EngineError('NOT_FOUND', `${name} is set to "${value}", but no executable file is there.`, {
      field: name,
      hint: `Correct or unset ${name}. ${FIX_HINT}`,
    });
  }
  return value;
}

function findOnPath(exe: string, env: NodeJS.ProcessEnv, lookup: BinaryLookup): string | null {
  const path = env.PATH ?? env.Path ?? '';
  const sepChar = lookup.platform === 'win32' ? ';' : delimiter;
  for (const dir of path.split(sepChar)) {
    if (!dir) continue;
    const candidate = dir.endsWith(sep) || dir.endsWith('/') ? dir + exe : join(dir, exe);
    if (lookup.isExecutable(candidate)) return candidate;
  }
  return null;
}

function exeName(base: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${base}.exe` : base;
}

function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    if (process.platform !== 'win32') accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A require rooted at this module: `import.meta.url` under ESM (CLI bundle, tsx, vitest); in the
 * CommonJS bundle of the Electron main process esbuild leaves `import.meta` empty, and
 * `__filename` is the bundle's path inside app.asar.
 */
function packageRequire(): NodeJS.Require {
  const url: unknown = import.meta.url;
  return createRequire(typeof url === 'string' ? url : __filename);
}
