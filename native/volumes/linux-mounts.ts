/**
 * Pure parser of Linux `/proc/self/mountinfo` (proc(5)). No I/O here, so it is tested with any
 * text; the source that reads the real file lives in linux-source.ts.
 *
 * Line format:
 *   36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 *   (1)(2)(3)   (4)   (5)         (6)       (7...)  sep (8)  (9)       (10)
 * (7) is zero or more optional fields ending at the lone `-` separator.
 */

/** One mounted filesystem, as the kernel reports it. */
export interface MountEntry {
  mountId: number;
  parentId: number;
  /** `major:minor` of the filesystem's device (FUSE mounts get an anonymous `0:N`). */
  majorMinor: string;
  /** Path inside the filesystem that is mounted here: `/` for a whole volume, else a bind of a subtree. */
  root: string;
  mountPoint: string;
  /** Mount source, e.g. `/dev/sdb1`; for virtual filesystems a name such as `tmpfs`. */
  device: string;
  fsType: string;
  /** True when either the mount or the superblock is read-only. */
  readOnly: boolean;
  mountOptions: string[];
  superOptions: string[];
  /** Optional fields such as `shared:1`, `master:2`. */
  optionalFields: string[];
}

const BACKSLASH = 0x5c;

function isOctalDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x37;
}

/**
 * Decodes the kernel's octal escapes (`\040` space, `\011` tab, `\012` newline, `\134` backslash,
 * and any byte a tool chose to escape). Escapes are decoded as bytes and the result read as UTF-8,
 * so an escaped multi-byte name (`\344\270\255` = 中) comes out right.
 */
export function unescapeMountField(field: string): string {
  if (!field.includes('\\')) return field;
  const input = Buffer.from(field, 'utf8');
  const out = Buffer.alloc(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const b = input[i]!;
    if (
      b === BACKSLASH &&
      isOctalDigit(input[i + 1]) &&
      isOctalDigit(input[i + 2]) &&
      isOctalDigit(input[i + 3])
    ) {
      out[n++] = parseInt(String.fromCharCode(input[i + 1]!, input[i + 2]!, input[i + 3]!), 8) & 0xff;
      i += 3;
    } else {
      out[n++] = b;
    }
  }
  return out.subarray(0, n).toString('utf8');
}

/**
 * Parses one mountinfo line; returns null when the line does not have the documented shape
 * (a future kernel format must not stop detection of everything else).
 */
export function parseMountinfoLine(line: string): MountEntry | null {
  const fields = line.trim().split(' ');
  const sep = fields.indexOf('-', 6);
  if (sep < 0 || fields.length < sep + 3) return null;
  const [id, parent, majorMinor, root, mountPoint, options] = fields;
  const mountId = Number(id);
  const parentId = Number(parent);
  if (!Number.isInteger(mountId) || !Number.isInteger(parentId)) return null;
  if (!majorMinor || !/^\d+:\d+$/.test(majorMinor) || !root || !mountPoint || !options) return null;
  const mountOptions = options.split(',');
  const superOptions = (fields[sep + 3] ?? '').split(',').filter((o) => o !== '');
  return {
    mountId,
    parentId,
    majorMinor,
    root: unescapeMountField(root),
    mountPoint: unescapeMountField(mountPoint),
    device: unescapeMountField(fields[sep + 2]!),
    fsType: fields[sep + 1]!,
    readOnly: mountOptions.includes('ro') || superOptions.includes('ro'),
    mountOptions,
    superOptions,
    optionalFields: fields.slice(6, sep),
  };
}

/** Parses the whole of `/proc/self/mountinfo`; blank and malformed lines are skipped. */
export function parseMountinfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseMountinfoLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Filesystems a body camera or USB stick is formatted with. `fuseblk` covers ntfs-3g/exfat-fuse. */
export const CAMERA_FS_TYPES: readonly string[] = [
  'vfat',
  'msdos',
  'exfat',
  'ntfs',
  'ntfs3',
  'fuseblk',
  'ext2',
  'ext3',
  'ext4',
  'hfsplus',
  'udf',
];

/** True when `path` is `root` itself or below it (path-component aware: `/mnt2` is not under `/mnt`). */
export function isUnderRoot(path: string, root: string): boolean {
  const r = root.endsWith('/') && root.length > 1 ? root.slice(0, -1) : root;
  return path === r || path.startsWith(r === '/' ? '/' : r + '/');
}

/**
 * Mounts that may be a camera or stick: below one of `roots`, a camera filesystem, a block device
 * source, and the whole filesystem (`root` = `/`; a bind of a subtree is not a volume). A volume
 * mounted (or bind-mounted whole) in two places is listed once, at its first mount.
 */
export function candidateMounts(
  entries: readonly MountEntry[],
  roots: readonly string[],
  fsTypes: readonly string[] = CAMERA_FS_TYPES,
): MountEntry[] {
  const seen = new Set<string>();
  const out: MountEntry[] = [];
  for (const e of entries) {
    if (!roots.some((r) => isUnderRoot(e.mountPoint, r))) continue;
    if (!fsTypes.includes(e.fsType) || !e.device.startsWith('/dev/') || e.root !== '/') continue;
    // FUSE mounts share anonymous device numbers per mount, so key them by source device instead.
    const key = e.majorMinor.startsWith('0:') ? e.device : e.majorMinor;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
