/**
 * Data shapes that cross the API boundary (IPC and HTTP). Plain JSON: no Buffers, no Dates.
 * The renderer imports these as types only.
 */
import type { ErrorInfo } from '../core/errors';
import type { StripMeta } from '../media/derive';

export type Role = 'officer' | 'clerk' | 'archivist' | 'reviewer' | 'supervisor' | 'admin';
export const roles: readonly Role[] = ['officer', 'clerk', 'archivist', 'reviewer', 'supervisor', 'admin'];

/** Every permission the engine checks; the role table lives in native/identity/permissions.ts. */
export type Permission =
  | 'users.manage'
  | 'users.view'
  | 'custody.view'
  | 'custody.verify'
  | 'custody.export'
  | 'settings.manage'
  | 'evidence.ingest'
  | 'evidence.view'
  | 'evidence.edit'
  | 'cases.edit'
  | 'cases.view'
  | 'review.decide'
  | 'archive.seal'
  | 'publicity.manage';

export interface AgencyInfo {
  name: string;
  creditCode: string;
  address: string;
  supervisionPhone: string;
}

export interface UserInfo {
  id: number;
  login: string;
  name: string;
  role: Role;
  locked: boolean;
  disabled: boolean;
  createdAt: string;
  /** Subject and SHA-256 fingerprint of the user's signing certificate. */
  certSubject: string;
  certFingerprint: string;
}

export interface SessionInfo {
  token: string;
  user: UserInfo;
  permissions: Permission[];
}

export interface SystemStatus {
  initialized: boolean;
  version: string;
  agency?: AgencyInfo;
  dataDir: string;
  /** Latest checkpoint: tree size and the first 16 hex digits of its root. */
  checkpoint?: { size: number; shortRoot: string; createdAt: string };
}

export interface CustodyEntryView {
  seq: number;
  time: string;
  actor: string;
  action: string;
  subjects: string[];
  hashes: Record<string, string>;
  details: Record<string, unknown>;
  /** Hex of the previous entry's leaf hash ('' for entry 0). */
  prev: string;
  /** Hex leaf hash of this entry. */
  leafHash: string;
}

export interface CustodyPage {
  total: number;
  page: number;
  pageSize: number;
  entries: CustodyEntryView[];
  /** Distinct actors and actions, for filter drop-downs. */
  actors: string[];
  actions: string[];
}

export interface InclusionProofView {
  seq: number;
  treeSize: number;
  rootHex: string;
  leafHashHex: string;
  pathHex: string[];
  /** True when the engine re-checked the proof against the root. */
  verified: boolean;
}

export interface ConsistencyProofView {
  fromSize: number;
  toSize: number;
  fromRootHex: string;
  toRootHex: string;
  pathHex: string[];
  verified: boolean;
}

export interface CheckpointView {
  id: number;
  size: number;
  rootHex: string;
  shortRoot: string;
  note: string;
  createdAt: string;
}

export interface VerifyProblem {
  kind: 'entry' | 'chain' | 'tree' | 'checkpoint' | 'object' | 'index';
  /** The custody entry at fault, where there is one. */
  seq?: number;
  /** The stored file at fault, where there is one. */
  file?: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  checkpoints: number;
  objects: number;
  rootHex: string;
  problems: VerifyProblem[];
  /** The first problem, named plainly (empty when ok). */
  firstProblem?: VerifyProblem;
  startedAt: string;
  finishedAt: string;
}

export interface JobProgress {
  phase: string;
  done: number;
  total: number;
}

export interface JobView<R = unknown> {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: JobProgress;
  result?: R;
  error?: ErrorInfo;
}

/** Result envelope of every API call. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** A volume the workstation sees: a docked camera, a watched-folder camera, or an imported folder. */
export interface VolumeView {
  id: string;
  path: string;
  label: string;
  kind: 'usb' | 'watched' | 'manual';
  /** Device and officer as recognised from the volume (device file or file names), if any. */
  deviceSerial?: string;
  officerCode?: string;
  /** The dock running or last run on this volume while it is present. */
  dockId?: number;
}

export type DockFileState =
  'pending' | 'copying' | 'verifying' | 'ingested' | 'duplicate' | 'failed' | 'skipped';

export interface DockFileView {
  relPath: string;
  size: number;
  state: DockFileState;
  doneBytes: number;
  sha256?: string;
  mediaId?: number;
  error?: { code: string; message: string };
}

export interface DockCounts {
  found: number;
  ingested: number;
  duplicates: number;
  failed: number;
  skipped: number;
}

/** One dock (one volume docked once): progress while running, the dock report afterwards. */
export interface DockView {
  id: number;
  volumeId: string;
  volumePath: string;
  volumeLabel: string;
  source: string;
  state: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  startedBy: string;
  startedAt: string;
  finishedAt?: string;
  deviceSerial?: string;
  officerCode?: string;
  officerName?: string;
  totalBytes: number;
  doneBytes: number;
  /** Bytes per second over the last seconds, and the estimated seconds left. */
  rateBps: number;
  etaSec?: number;
  counts: DockCounts;
  files: DockFileView[];
}

export interface OfficerView {
  id: number;
  code: string;
  name: string;
  unit: string;
  certNo: string;
  userId: number | null;
  active: boolean;
}

export interface DeviceView {
  id: number;
  serial: string;
  model: string;
  officerId: number | null;
  clearAfterIngest: boolean;
}

/** A media item (one stored original) as the Library shows it. */
export interface MediaItemView {
  id: number;
  sha256: string;
  kind: 'video' | 'audio' | 'photo' | 'other';
  originalName: string;
  size: number;
  officerId: number | null;
  officerCode?: string;
  officerName?: string;
  deviceId: number | null;
  deviceSerial?: string;
  recordedAt: string | null;
  important: boolean;
  category: string;
  title: string;
  ingestedAt: string;
  ingestedBy: string;
  processing: 'pending' | 'running' | 'done' | 'failed';
  playable: boolean | null;
  /** ffprobe's reason when the original cannot be decoded (the original is still stored and verified). */
  unreadableReason: string | null;
  durationSec?: number;
  width?: number;
  height?: number;
  /** Derived files available (proxy, poster, strip, thumb, waveform, audio-proxy). */
  derived: string[];
  /** Thumbnail URL for list views (poster, photo thumbnail or waveform), when one exists. */
  thumbUrl?: string;
  /** Where the item was found (docks and paths). */
  sources?: { dockId: number; relPath: string; volumePath: string }[];
}

export interface MediaPage {
  total: number;
  page: number;
  pageSize: number;
  items: MediaItemView[];
}

/** What the player needs: URLs valid for this session, and the scrub strip's geometry. */
export interface PlaybackView {
  item: MediaItemView;
  /** URL of what plays: the original when it plays as is, else the proxy. */
  src?: string;
  poster?: string;
  strip?: StripMeta & { url: string };
  waveform?: string;
  /** Why nothing can play yet (proxy still being made, unreadable). */
  notPlayable?: string;
}
