import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import {
  EMPTY_ROOT,
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from '../../../native/custody/merkle';

// The standard leaf inputs and reference hashes published with Certificate Transparency and
// Trillian (transparency-dev/merkle testonly/constants.go, proof/verify_test.go).
/**
 * A seeded generator (mulberry32) for the randomised checks: the same sizes every run, so a
 * failure can be reproduced.
 */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const inputs = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => Buffer.from(h, 'hex'));
const referenceRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const referenceLeaves = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
];
const h = (hex: string) => Buffer.from(hex, 'hex');
const leaves = inputs.map(leafHash);
const flip = (b: Buffer, at = 0) => {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 0x01;
  return c;
};

describe('RFC 6962 reference vectors', () => {
  it('hashes the standard leaves to the published leaf hashes', () => {
    expect(leaves.map((l) => l.toString('hex'))).toEqual(referenceLeaves);
  });

  it('reproduces the published root at every size 0–8', () => {
    for (let n = 0; n <= 8; n++)
      expect(rootOf(leaves.slice(0, n)).toString('hex'), `size ${n}`).toBe(referenceRoots[n]);
    expect(EMPTY_ROOT.toString('hex')).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('node hash is SHA-256(0x01 ‖ l ‖ r): level-1 node 0 of the reference tree', () => {
    expect(nodeHash(leaves[0]!, leaves[1]!).toString('hex')).toBe(
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    );
  });

  it('produces the published inclusion proofs', () => {
    expect(inclusionProof(0, leaves).map((x) => x.toString('hex'))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(inclusionProof(5, leaves).map((x) => x.toString('hex'))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(inclusionProof(2, leaves.slice(0, 3)).map((x) => x.toString('hex'))).toEqual([
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    ]);
    expect(inclusionProof(1, leaves.slice(0, 5)).map((x) => x.toString('hex'))).toEqual([
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  it('produces the published consistency proofs', () => {
    const cases: [number, number, string[]][] = [
      [
        1,
        8,
        [
          '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
          '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
          '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
        ],
      ],
      [
        6,
        8,
        [
          '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
          'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
          'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
        ],
      ],
      [
        2,
        5,
        [
          '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
          'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
        ],
      ],
      [
        6,
        7,
        [
          '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
          'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
          'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
        ],
      ],
    ];
    for (const [m, n, proof] of cases) {
      expect(
        consistencyProof(m, leaves.slice(0, n)).map((x) => x.toString('hex')),
        `${m}→${n}`,
      ).toEqual(proof);
      expect(verifyConsistency(m, n, h(referenceRoots[m]!), h(referenceRoots[n]!), proof.map(h))).toBe(true);
    }
  });
});

describe('inclusion proofs', () => {
  it('verify for every leaf of every tree up to size 8, and forged ones fail', () => {
    for (let n = 1; n <= 8; n++) {
      const tree = leaves.slice(0, n);
      const root = rootOf(tree);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, tree);
        expect(verifyInclusion(i, n, tree[i]!, proof, root), `${i}/${n}`).toBe(true);
        // Wrong index, wrong size, wrong leaf, wrong root.
        for (let j = 0; j < n; j++)
          if (j !== i) expect(verifyInclusion(j, n, tree[i]!, proof, root)).toBe(false);
        // (A proof may also fit n + 1 when the path has the same shape; double and half never do.)
        expect(verifyInclusion(i, n * 2, tree[i]!, proof, root)).toBe(false);
        expect(verifyInclusion(i, Math.floor(n / 2), tree[i]!, proof, root)).toBe(false);
        expect(verifyInclusion(i, n, flip(tree[i]!), proof, root)).toBe(false);
        expect(verifyInclusion(i, n, tree[i]!, proof, flip(root, 31))).toBe(false);
        expect(verifyInclusion(i, n, tree[i]!, proof, EMPTY_ROOT)).toBe(false);
        // Every flipped byte of every proof element, a dropped element, an extra one.
        for (let k = 0; k < proof.length; k++) {
          const bad = proof.map((p, x) => (x === k ? flip(p, 7) : p));
          expect(verifyInclusion(i, n, tree[i]!, bad, root)).toBe(false);
        }
        if (proof.length) expect(verifyInclusion(i, n, tree[i]!, proof.slice(0, -1), root)).toBe(false);
        expect(verifyInclusion(i, n, tree[i]!, [...proof, root], root)).toBe(false);
        expect(verifyInclusion(i, n, tree[i]!, [root, ...proof], root)).toBe(false);
      }
    }
  });

  it('verify at random larger sizes', () => {
    const big = Array.from({ length: 1500 }, () => leafHash(randomBytes(20)));
    const random = seeded(6962);
    for (let t = 0; t < 200; t++) {
      const n = t === 0 ? 1 : 1 + Math.floor(random() * big.length);
      const i = Math.floor(random() * n);
      const tree = big.slice(0, n);
      const root = rootOf(tree);
      const proof = inclusionProof(i, tree);
      expect(verifyInclusion(i, n, tree[i]!, proof, root), `${i}/${n}`).toBe(true);
      // A one-leaf tree has an empty proof: nothing to tamper with.
      if (proof.length > 0)
        expect(
          verifyInclusion(
            i,
            n,
            tree[i]!,
            proof.map((p, x) => (x === proof.length - 1 ? flip(p) : p)),
            root,
          ),
          `${i}/${n} tampered`,
        ).toBe(false);
      if (n > 1) expect(verifyInclusion((i + 1) % n, n, tree[i]!, proof, root)).toBe(false);
    }
  });

  it('reject impossible positions and malformed hashes', () => {
    expect(verifyInclusion(0, 0, leaves[0]!, [], EMPTY_ROOT)).toBe(false);
    expect(verifyInclusion(1, 1, leaves[0]!, [], leaves[0]!)).toBe(false);
    expect(verifyInclusion(-1, 2, leaves[0]!, [], leaves[0]!)).toBe(false);
    expect(verifyInclusion(0, 1, leaves[0]!, [], leaves[0]!)).toBe(true);
    expect(verifyInclusion(0, 1, leaves[0]!.subarray(0, 31), [], leaves[0]!)).toBe(false);
    expect(() => inclusionProof(3, leaves.slice(0, 3))).toThrow(RangeError);
  });
});

describe('consistency proofs', () => {
  it('verify for every pair of sizes up to 8, and forged ones fail', () => {
    for (let n = 1; n <= 8; n++) {
      for (let m = 1; m <= n; m++) {
        const r1 = rootOf(leaves.slice(0, m));
        const r2 = rootOf(leaves.slice(0, n));
        const proof = consistencyProof(m, leaves.slice(0, n));
        expect(verifyConsistency(m, n, r1, r2, proof), `${m}→${n}`).toBe(true);
        if (m === n) {
          expect(proof).toEqual([]);
          expect(verifyConsistency(m, n, r1, r2, [r1])).toBe(false);
          continue;
        }
        expect(verifyConsistency(m, n, flip(r1), r2, proof)).toBe(false);
        expect(verifyConsistency(m, n, r1, flip(r2), proof)).toBe(false);
        expect(verifyConsistency(m, n, r2, r1, proof)).toBe(false);
        expect(verifyConsistency(m, n, r1, r2, [])).toBe(false);
        expect(verifyConsistency(m, n * 2, r1, r2, proof)).toBe(false);
        expect(verifyConsistency(m, Math.floor(n / 2), r1, r2, proof)).toBe(false);
        if (m > 1) expect(verifyConsistency(m - 1, n, r1, r2, proof)).toBe(false);
        expect(verifyConsistency(m + 1, n, r1, r2, proof)).toBe(false);
        expect(verifyConsistency(n, m, r2, r1, proof)).toBe(false);
        for (let k = 0; k < proof.length; k++) {
          expect(
            verifyConsistency(
              m,
              n,
              r1,
              r2,
              proof.map((p, x) => (x === k ? flip(p, 3) : p)),
            ),
          ).toBe(false);
        }
        expect(verifyConsistency(m, n, r1, r2, proof.slice(0, -1))).toBe(false);
        expect(verifyConsistency(m, n, r1, r2, [...proof, r2])).toBe(false);
        expect(verifyConsistency(m, n, r1, r2, [r1, ...proof])).toBe(false);
      }
    }
  });

  it('verify at random larger sizes', () => {
    const big = Array.from({ length: 1500 }, () => leafHash(randomBytes(20)));
    const random = seeded(9162);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(random() * big.length);
      const m = 1 + Math.floor(random() * n);
      const r1 = rootOf(big.slice(0, m));
      const r2 = rootOf(big.slice(0, n));
      const proof = consistencyProof(m, big.slice(0, n));
      expect(verifyConsistency(m, n, r1, r2, proof), `${m}→${n}`).toBe(true);
      if (m < n)
        expect(
          verifyConsistency(
            m,
            n,
            r1,
            r2,
            proof.map((p, x) => (x === 0 ? flip(p) : p)),
          ),
        ).toBe(false);
    }
  });

  it('handles the empty tree and equal sizes as RFC 9162 says', () => {
    expect(consistencyProof(0, leaves)).toEqual([]);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, h(referenceRoots[8]!), [])).toBe(true);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, h(referenceRoots[8]!), [EMPTY_ROOT])).toBe(false);
    expect(verifyConsistency(3, 3, h(referenceRoots[3]!), h(referenceRoots[3]!), [])).toBe(true);
    expect(verifyConsistency(3, 3, h(referenceRoots[3]!), h(referenceRoots[4]!), [])).toBe(false);
    expect(() => consistencyProof(9, leaves)).toThrow(RangeError);
  });
});
