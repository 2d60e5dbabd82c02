/**
 * Page readers for verify. A million rows read one by one cost a Buffer per blob column; here a
 * page comes back from SQLite as one concatenated blob per column and is cut into views, which
 * halves the cost of a full verify. Any page that is not plain (a gap in seq, a column of the
 * wrong type or length) is re-read row by row, so damaged rows are still reported precisely.
 */
import type { Db } from '../storage/db';

export interface EntryPage {
  seqs: number[];
  /** Exact stored bytes of each entry. */
  entries: Buffer[];
  /** Stored leaf_hash column of each entry. */
  leaves: Buffer[];
  /** [time, actor, action] columns of each entry. */
  cols: unknown[][];
}

type FastRow = [
  number,
  number | null,
  string | null,
  number,
  number,
  Buffer | null,
  string | null,
  Buffer | null,
  string,
];

/** Reads pages of custody rows with seq in [from, hi], at most `limit` rows. */
export function entryPages(db: Db): (from: number, hi: number, limit: number) => EntryPage {
  const fast = db
    .prepare(
      `SELECT count(*), min(seq), group_concat(seq, ','),
         sum(typeof(entry) = 'blob'), sum(typeof(leaf_hash) = 'blob' AND length(leaf_hash) = 32),
         CAST(group_concat(entry, '') AS BLOB), group_concat(length(entry), ','),
         CAST(group_concat(leaf_hash, '') AS BLOB), json_group_array(json_array(time, actor, action))
       FROM (SELECT * FROM custody_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?)`,
    )
    .raw();
  const slow = db
    .prepare(
      `SELECT seq, CAST(entry AS BLOB), CAST(leaf_hash AS BLOB), time, actor, action
       FROM custody_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`,
    )
    .raw();

  const rowByRow = (from: number, hi: number, limit: number): EntryPage => {
    const page: EntryPage = { seqs: [], entries: [], leaves: [], cols: [] };
    for (const [seq, entry, leaf, time, actor, action] of slow.all(from, hi, limit) as [
      number,
      Buffer | null,
      Buffer | null,
      unknown,
      unknown,
      unknown,
    ][]) {
      page.seqs.push(seq);
      page.entries.push(entry ?? Buffer.alloc(0));
      page.leaves.push(leaf ?? Buffer.alloc(0));
      page.cols.push([time, actor, action]);
    }
    return page;
  };

  return (from, hi, limit) => {
    let row: FastRow;
    try {
      row = fast.get(from, hi, limit) as FastRow;
    } catch {
      return rowByRow(from, hi, limit); // e.g. a page too large to concatenate
    }
    const [n, lo, seqList, blobs, leaves32, entries, lengths, leafHashes, cols] = row;
    if (n === 0) return { seqs: [], entries: [], leaves: [], cols: [] };
    if (lo === null || blobs !== n || leaves32 !== n || !entries || !leafHashes || !seqList || !lengths)
      return rowByRow(from, hi, limit);
    // Every aggregate sees the rows in the same order, so the concatenated seqs being exactly
    // lo, lo+1, … proves all columns line up and the page has no gap. (ORDER BY inside each
    // aggregate would cost a sort per column.)
    const seqText = seqList.split(',');
    const lens = lengths.split(',');
    const page: EntryPage = {
      seqs: new Array<number>(n),
      entries: new Array<Buffer>(n),
      leaves: new Array<Buffer>(n),
      cols: JSON.parse(cols) as unknown[][],
    };
    let off = 0;
    for (let i = 0; i < n; i++) {
      if (Number(seqText[i]) !== lo + i) return rowByRow(from, hi, limit);
      const len = Number(lens[i]);
      page.seqs[i] = lo + i;
      page.entries[i] = entries.subarray(off, off + len);
      page.leaves[i] = leafHashes.subarray(i * 32, i * 32 + 32);
      off += len;
    }
    if (off !== entries.length) return rowByRow(from, hi, limit);
    return page;
  };
}

/** Reads the stored tree nodes of one level with idx in [lo, hi), indexed by idx − lo. */
export function storedNodes(db: Db): (level: number, lo: number, hi: number) => (Buffer | undefined)[] {
  const fast = db
    .prepare(
      `SELECT count(*), sum(typeof(hash) = 'blob' AND length(hash) = 32), group_concat(idx, ','), CAST(group_concat(hash, '') AS BLOB)
       FROM (SELECT idx, hash FROM merkle_nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx)`,
    )
    .raw();
  const slow = db
    .prepare('SELECT idx, CAST(hash AS BLOB) FROM merkle_nodes WHERE level = ? AND idx >= ? AND idx < ?')
    .raw();
  return (level, lo, hi) => {
    const [n, ok, idxList, blob] = fast.get(level, lo, hi) as [
      number,
      number | null,
      string | null,
      Buffer | null,
    ];
    const out = new Array<Buffer | undefined>(hi - lo);
    if (n === hi - lo && ok === n && blob && idxList) {
      const idx = idxList.split(',');
      let inOrder = true;
      for (let i = 0; i < n && inOrder; i++) {
        inOrder = Number(idx[i]) === lo + i;
        out[i] = blob.subarray(i * 32, i * 32 + 32);
      }
      if (inOrder) return out;
    }
    const rows = new Array<Buffer | undefined>(hi - lo);
    for (const [idx, hash] of slow.all(level, lo, hi) as [number, Buffer][]) rows[idx - lo] = hash;
    return rows;
  };
}
