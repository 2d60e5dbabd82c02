import type { ErrorCode } from '../core/errors';

/** Messages to a copy worker. 'copy' stores the file; 'hash' only hashes it (already stored?). */
export type WorkerRequest =
  | { type: 'run'; id: number; mode: 'copy' | 'hash'; source: string; originals: string; tmp: string }
  | { type: 'cancel'; id: number };

/** Messages from a copy worker. */
export type WorkerReply =
  | { type: 'progress'; id: number; bytes: number }
  | { type: 'done'; id: number; sha256: string; size: number; path: string; created: boolean }
  | { type: 'error'; id: number; code: ErrorCode; message: string; hint?: string; errno?: string };
