/**
 * README.txt of a custody log export: what each file is and how to check it independently.
 * The Python between the BEGIN/END markers is run by the export test, so it stays correct.
 */
import type { CheckpointView } from '../api/types';

export const VERIFY_PY_BEGIN = '----- BEGIN verify_log.py -----';
export const VERIFY_PY_END = '----- END verify_log.py -----';

const VERIFY_PY = `import base64, hashlib, json, sys

def sha256(b):
    return hashlib.sha256(b).digest()

def mth(leaves, a, b):
    # RFC 6962 Merkle Tree Hash of leaves[a:b]; split at the largest power of two below n.
    n = b - a
    if n == 0:
        return sha256(b'')
    if n == 1:
        return leaves[a]
    k = 1
    while k * 2 < n:
        k *= 2
    return sha256(b'\\x01' + mth(leaves, a, a + k) + mth(leaves, a + k, b))

lines = open('entries.jsonl', 'rb').read().split(b'\\n')
if lines and lines[-1] == b'':
    lines.pop()
leaves = [sha256(b'\\x00' + line) for line in lines]
for i, line in enumerate(lines):
    e = json.loads(line)
    if e['seq'] != i or e['prev'] != (leaves[i - 1].hex() if i else ''):
        sys.exit('entry %d does not link to entry %d' % (i, i - 1))
cp = open('checkpoint', encoding='utf-8').read().split('\\n')
origin, size, signed_root = cp[0], int(cp[1]), base64.b64decode(cp[2])
if size > len(leaves):
    sys.exit('checkpoint covers %d entries, the export has only %d' % (size, len(leaves)))
root = mth(leaves, 0, size)
print('%s size %d root %s %s' % (origin, size, root.hex(), 'OK' if root == signed_root else 'MISMATCH'))
print('all %d entries: root %s' % (len(leaves), mth(leaves, 0, len(leaves)).hex()))
sys.exit(0 if root == signed_root else 1)
`;

/** The README text for an export of `entries` entries with the given latest checkpoint. */
export function exportReadme(info: { entries: number; checkpoint?: CheckpointView }): string {
  const cp = info.checkpoint;
  const cpLine = cp
    ? `checkpoint      The latest signed checkpoint: ${cp.size} entries, root ${cp.rootHex}
                (short root ${cp.shortRoot}, the figure written on the paper shift form), signed ${cp.createdAt}.`
    : 'checkpoint      (absent: no checkpoint had been signed when this export was made).';
  return `Custody log export — Evidence Workstation
=========================================

Files
-----
entries.jsonl   ${info.entries} custody entries. Line i (counting from 0) is exactly the bytes that
                leaf i of the log's Merkle tree hashes: canonical JSON of
                {action, actor, details, hashes, prev, seq, subjects, time, v}. "prev" is the hex
                leaf hash of entry i-1 ('' for entry 0), so the entries also form a hash chain.
${cpLine}
workstation.vkey          Verifier key of the checkpoint signing key (C2SP signed-note format).
workstation-note.pub.pem  The same Ed25519 public key, for openssl.
workstation-cert.pem, agency-ca.pem  The workstation certificate and the agency CA (when present).

How the root is computed (RFC 6962 / RFC 9162)
----------------------------------------------
leaf hash  = SHA-256(0x00 || line bytes)
node hash  = SHA-256(0x01 || left || right)
A tree of n > 1 leaves splits at k, the largest power of two below n: root = node(MTH(first k),
MTH(rest)). The empty tree's root is SHA-256 of nothing.

The checkpoint (https://c2sp.org/tlog-checkpoint) is a signed note (https://c2sp.org/signed-note):
  line 1 origin, line 2 tree size N, line 3 base64 of the root of the first N entries,
then a blank line and the signature line "— <key name> base64(4-byte key ID || Ed25519 signature)".
The signature covers the first three lines including the final newline. Entries written after the
checkpoint are in entries.jsonl too; the checkpoint vouches for the first N of them.

Recompute the root with Python 3 (save the lines below as verify_log.py, run it in this folder)
----------------------------------------------------------------------------------------------
${VERIFY_PY_BEGIN}
${VERIFY_PY}${VERIFY_PY_END}

Check the checkpoint signature with OpenSSL 3
---------------------------------------------
head -n 3 checkpoint > checkpoint.body
tail -n 1 checkpoint | awk '{print $3}' | base64 -d | tail -c 64 > checkpoint.sig
openssl pkeyutl -verify -pubin -inkey workstation-note.pub.pem -rawin -in checkpoint.body -sigfile checkpoint.sig

"Signature Verified Successfully" together with a matching root proves these entries are the ones
the workstation signed. Compare the short root with the one on the paper shift form too: whoever
holds the workstation key could re-sign a rewritten log, but not change what was written on paper.
`;
}
