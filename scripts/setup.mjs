// Set-up: system packages (Debian, when root), npm dependencies with the offline fallbacks,
// and a native-module check. Idempotent: fast when everything is already in place.
//   node scripts/setup.mjs [--for start|test]
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { has, isRoot, mtime, run, which } from './lib.mjs';

const forWhat = process.argv.includes('test') || process.argv.includes('--for=test') ? 'test' : 'start';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`✖ Node ${process.versions.node} is too old: the workstation needs Node 20.19 or newer.`);
  process.exit(2);
}

// 1. System packages: ffmpeg always; Chromium and CJK fonts for the browser tests.
const wanted = [['ffmpeg', 'ffmpeg']];
if (forWhat === 'test')
  wanted.push(['chromium', 'chromium'], ['fc-list', 'fonts-noto-cjk'], ['openssl', 'openssl']);
const missing = wanted.filter(([cmd]) => !has(cmd)).map(([, pkg]) => pkg);
if (
  forWhat === 'test' &&
  has('fc-list') &&
  !/Noto (Sans|Serif) CJK/.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? '')
) {
  missing.push('fonts-noto-cjk');
}
if (missing.length) {
  if (isRoot && has('apt-get')) {
    console.log(`• Installing system packages: ${missing.join(' ')}`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      `✖ Missing system packages: ${missing.join(' ')}. Install them (e.g. sudo apt-get install ${missing.join(' ')}) and rerun.`,
    );
    process.exit(2);
  }
}

// 2. npm dependencies. Where Electron's and ffmpeg-static's binary downloads cannot be
// reached, install without them: Electron's binary is skipped (browser mode still works) and
// ffmpeg-static uses the system ffmpeg.
const stamp = 'node_modules/.package-lock.json';
if (!existsSync(stamp) || mtime('package-lock.json') > mtime(stamp) || mtime('package.json') > mtime(stamp)) {
  const env = {};
  if (!(await reachable('https://github.com'))) {
    env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
    env.FFMPEG_BIN = process.env.FFMPEG_BIN ?? which('ffmpeg') ?? '';
    console.log(
      `• Notice: binary downloads are unreachable — installing without Electron's binary (browser mode) and with FFMPEG_BIN=${env.FFMPEG_BIN}.`,
    );
  }
  run('npm', [existsSync('package-lock.json') ? 'ci' : 'install', '--no-audit', '--no-fund'], { env });
}

// 3. better-sqlite3 is a native module: make sure it loads in this Node.
if (
  spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    stdio: 'ignore',
  }).status !== 0
) {
  console.log('• Rebuilding better-sqlite3 for this Node version');
  run('npm', ['rebuild', 'better-sqlite3']);
}

/** Quick probe (5 s) for whether a download host answers at all. */
async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}
