/**
 * Shared shapes of volume detection. A "volume" is anything the clerk can ingest from: a mounted
 * USB camera, a folder that appeared in an administrator's watched directory, or a folder picked
 * by hand ("Import folder…").
 */

/** Where a volume came from. */
export type VolumeKind = 'usb' | 'watched' | 'manual';

/** One ingestible volume as detected right now. Detection never writes to it. */
export interface DetectedVolume {
  /**
   * Stable across polls and re-mounts where possible: the filesystem UUID / serial when known,
   * otherwise `device|mountPoint` (USB) or `watched:<path>` / `manual:<path>` (folders).
   */
  id: string;
  /** Absolute path of the volume's root directory (Windows: `E:\`). */
  path: string;
  /** Human label: filesystem label, else the mount directory or folder name. */
  label: string;
  kind: VolumeKind;
  /** Block device (`/dev/sdb1`), Windows drive (`E:`) or macOS device node (`/dev/disk4s1`). */
  device?: string;
  fsType?: string;
  /** Filesystem UUID or volume serial number. */
  uuid?: string;
  readOnly?: boolean;
}

/** Anything that can list the volumes present now. Called once per watcher poll. */
export interface VolumeSource {
  list(): Promise<DetectedVolume[]>;
}

/**
 * Thrown by a combined source when some of its sources failed: `volumes` still holds what the
 * working sources (and the last good answer of each failing one) reported, so a watcher can keep
 * going without announcing every volume of the failing source as removed.
 */
export class PartialListError extends Error {
  readonly volumes: DetectedVolume[];
  readonly errors: unknown[];

  constructor(volumes: DetectedVolume[], errors: unknown[]) {
    const first = errors[0] instanceof Error ? errors[0].message : String(errors[0]);
    super(`${errors.length} volume source(s) failed; the first said: ${first}`, { cause: errors[0] });
    this.name = 'PartialListError';
    this.volumes = volumes;
    this.errors = errors;
  }
}
