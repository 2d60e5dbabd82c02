/** Choosing and combining volume sources. */
import { linuxUsbSource, type LinuxUsbSourceOptions } from './linux-source';
import { macSource, type MacSourceOptions } from './macos-volumes';
import { PartialListError, type DetectedVolume, type VolumeSource } from './types';
import { windowsSource, type WindowsSourceOptions } from './windows-drives';

/** Per-platform options of {@link platformSource}. */
export interface PlatformSourceOptions {
  platform?: NodeJS.Platform;
  linux?: LinuxUsbSourceOptions;
  windows?: WindowsSourceOptions;
  mac?: MacSourceOptions;
}

/** The USB source for this OS (`process.platform`); an empty source on other systems. */
export function platformSource(opts: PlatformSourceOptions = {}): VolumeSource {
  switch (opts.platform ?? process.platform) {
    case 'linux':
      return linuxUsbSource(opts.linux);
    case 'win32':
      return windowsSource(opts.windows);
    case 'darwin':
      return macSource(opts.mac);
    default:
      return { list: async () => [] };
  }
}

/**
 * All sources' volumes in one list (sources asked in parallel, results in source order). When a
 * source fails, its last good answer stands in for it and the list rejects with a
 * {@link PartialListError} carrying the merged volumes, so one broken source (PowerShell blocked by
 * policy, say) neither hides the others nor makes its own volumes look unplugged.
 */
export function combinedSource(...sources: VolumeSource[]): VolumeSource {
  const lastGood: DetectedVolume[][] = sources.map(() => []);
  return {
    async list() {
      const results = await Promise.allSettled(sources.map((s) => s.list()));
      const errors: unknown[] = [];
      const volumes: DetectedVolume[] = [];
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') lastGood[i] = r.value;
        else if (r.reason instanceof PartialListError) {
          lastGood[i] = r.reason.volumes;
          errors.push(...r.reason.errors);
        } else errors.push(r.reason);
        volumes.push(...lastGood[i]!);
      });
      if (errors.length > 0) throw new PartialListError(volumes, errors);
      return volumes;
    },
  };
}
