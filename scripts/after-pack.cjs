// electron-builder afterPack hook: flips Electron fuses in the packed executable, before signing
// (electron-builder signs after afterPack, so the signature covers the flipped fuses).
// CommonJS because electron-builder loads it with require/import from its own CJS code.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * Path of the packed Electron executable for an afterPack context. Linux names the binary after
 * `executableName` (lower-case package name); Windows and macOS after the product file name.
 * @param {{ electronPlatformName: string, appOutDir: string, packager: { executableName?: string, appInfo: { productFilename: string } } }} context
 * @returns {string}
 */
function executablePath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const product = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${product}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${product}.app`);
    case 'linux':
      return path.join(appOutDir, packager.executableName || product);
    default:
      throw new Error(`after-pack: unsupported platform "${electronPlatformName}"`);
  }
}

/**
 * The fuse settings, keyed by @electron/fuses' FuseV1Options.
 * @param {typeof import('@electron/fuses')} fuses
 * @param {string} electronPlatformName
 */
function fuseConfig(fuses, electronPlatformName) {
  const { FuseV1Options, FuseVersion } = fuses;
  return {
    version: FuseVersion.V1,
    // macOS arm64 refuses to run a binary whose ad-hoc signature no longer matches.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/**
 * The hook electron-builder calls (config: `afterPack: scripts/after-pack.cjs`).
 * @param {Parameters<typeof executablePath>[0]} context
 */
async function afterPack(context) {
  const exe = executablePath(context);
  if (!fs.existsSync(exe)) {
    throw new Error(`after-pack: Electron executable not found at ${exe}; cannot flip fuses.`);
  }
  // @electron/fuses is ESM-only: load it with import() from this CommonJS file.
  const fuses = await import('@electron/fuses');
  const count = await fuses.flipFuses(exe, fuseConfig(fuses, context.electronPlatformName));
  console.log(`  • fuses flipped in ${path.basename(exe)} (${count} fuse wire${count === 1 ? '' : 's'})`);
}

exports.afterPack = afterPack;
exports.executablePath = executablePath;
exports.fuseConfig = fuseConfig;
