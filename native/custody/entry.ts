/**
 * The bytes of one custody entry: canonical JSON of {v, seq, time, actor, action, subjects,
 * hashes, details, prev}. Leaf `seq` of the tree hashes exactly these bytes, and the export
 * writes them unchanged as line `seq` of entries.jsonl (canonical JSON never holds a raw newline).
 */
import { canonicalJson } from '../core/canonical-json';
import { EngineError } from '../core/errors';
import type { CustodyEntryView } from '../api/types';
import type { AppendInput } from './types';

/** Version tag of the entry format. */
export const ENTRY_VERSION = 1;

export interface CustodyEntry {
  v: number;
  seq: number;
  time: string;
  actor: string;
  action: string;
  subjects: string[];
  hashes: Record<string, string>;
  details: Record<string, unknown>;
  /** Hex leaf hash of entry seq − 1; '' for entry 0. */
  prev: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function bad(field: string, message: string): EngineError {
  return new EngineError('BAD_INPUT', `Custody entry: ${message}`, {
    field,
    hint: 'This is a programming error in the caller: pass JSON values only.',
  });
}

/** Checks what a caller passes to `CustodyLog.append` before anything is written. */
export function checkAppendInput(input: AppendInput): void {
  for (const field of ['actor', 'action'] as const) {
    const v = input?.[field];
    if (typeof v !== 'string' || v.trim() === '' || v.length > 200) {
      throw bad(field, `${field} must be a non-empty string of at most 200 characters.`);
    }
  }
  if (
    input.subjects !== undefined &&
    !(Array.isArray(input.subjects) && input.subjects.every((s) => typeof s === 'string'))
  ) {
    throw bad('subjects', 'subjects must be an array of strings.');
  }
  if (
    input.hashes !== undefined &&
    !(isPlainObject(input.hashes) && Object.values(input.hashes).every((h) => typeof h === 'string'))
  ) {
    throw bad('hashes', 'hashes must map names to hex strings.');
  }
  if (input.details !== undefined && !isPlainObject(input.details)) {
    throw bad('details', 'details must be a plain object.');
  }
}

/**
 * Canonical bytes of an entry. The top-level keys are fixed, so they are written in their
 * sorted order directly (the hot path of every append); nested values go through
 * canonicalJson. Byte-identical to canonicalBytes(entry) — the tests hold it to that.
 */
export function encodeEntry(entry: CustodyEntry): Buffer {
  try {
    const text =
      `{"action":${JSON.stringify(entry.action)},"actor":${JSON.stringify(entry.actor)}` +
      `,"details":${canonicalJson(entry.details)},"hashes":${canonicalJson(entry.hashes)}` +
      `,"prev":${JSON.stringify(entry.prev)},"seq":${canonicalJson(entry.seq)}` +
      `,"subjects":${canonicalJson(entry.subjects)},"time":${JSON.stringify(entry.time)},"v":${canonicalJson(entry.v)}}`;
    return Buffer.from(text, 'utf8');
  } catch (err) {
    throw bad('details', `cannot be written as JSON (${(err as Error).message}).`);
  }
}

/** Parses stored entry bytes into the API view (the leaf hash is supplied by the caller). */
export function entryView(bytes: Buffer, leafHashHex: string): CustodyEntryView {
  const e = JSON.parse(bytes.toString('utf8')) as Partial<CustodyEntry>;
  return {
    seq: Number(e.seq),
    time: String(e.time ?? ''),
    actor: String(e.actor ?? ''),
    action: String(e.action ?? ''),
    subjects: Array.isArray(e.subjects) ? e.subjects : [],
    hashes: isPlainObject(e.hashes) ? (e.hashes as Record<string, string>) : {},
    details: isPlainObject(e.details) ? e.details : {},
    prev: String(e.prev ?? ''),
    leafHash: leafHashHex,
  };
}
