import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgencyCa, issueCertificate, type CaMaterial } from '../../../native/identity/ca';
import { signDetached } from '../../../native/identity/cms';
import { generateRsaKeyPair, type RsaKeyPair } from '../../../native/identity/keys';
import { agency, caught, openssl, realClock } from './helpers';

let dir: string;
let ca: CaMaterial;
let pair: RsaKeyPair;
let certPem: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cms-'));
  ca = await createAgencyCa(agency, realClock);
  pair = await generateRsaKeyPair();
  certPem = issueCertificate(
    ca,
    { commonName: '王五', login: 'wangwu', organization: agency.name },
    pair.publicKeyPem,
    { kind: 'user' },
    realClock,
  );
  writeFileSync(join(dir, 'agency-ca.pem'), ca.certPem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes content and signature, runs the stock openssl verification the acceptance criteria name. */
function cmsVerify(name: string, content: Buffer, sig: Buffer, caFile = join(dir, 'agency-ca.pem')) {
  writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, `${name}.p7s`), sig);
  return openssl([
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    join(dir, `${name}.p7s`),
    '-content',
    join(dir, name),
    '-CAfile',
    caFile,
    '-out',
    '/dev/null',
  ]);
}

describe('detached CMS signatures', () => {
  const manifest = Buffer.from(
    'sha256  a1b2c3  data/video.mp4\n证据清单 第 1 页\n\u0000\u00ff binary tail',
    'utf8',
  );

  it('verify with openssl cms -verify (no -purpose any) for a Chinese-named signer', () => {
    const sig = signDetached(manifest, certPem, pair.privateKeyPem, realClock);
    const r = cmsVerify('manifest.txt', manifest, sig);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('Verification successful');
  });

  it('fail for tampered content: one byte changed, one byte appended, truncated', () => {
    const sig = signDetached(manifest, certPem, pair.privateKeyPem, realClock);
    const flipped = Buffer.from(manifest);
    flipped[5] = flipped[5]! ^ 0x01;
    for (const [name, content] of [
      ['flipped.txt', flipped],
      ['appended.txt', Buffer.concat([manifest, Buffer.from('\n')])],
      ['truncated.txt', manifest.subarray(0, manifest.length - 1)],
    ] as const) {
      const r = cmsVerify(name, content, sig);
      expect(r.status, name).not.toBe(0);
      expect(r.stderr).toMatch(/Verification failure/);
    }
  });

  it('fail against another agency’s CA', async () => {
    const other = await createAgencyCa({ ...agency, name: '另一个局' }, realClock);
    writeFileSync(join(dir, 'other-ca.pem'), other.certPem);
    const sig = signDetached(manifest, certPem, pair.privateKeyPem, realClock);
    expect(cmsVerify('other.txt', manifest, sig, join(dir, 'other-ca.pem')).status).not.toBe(0);
  });

  it('is detached SHA-256 SignedData with contentType, messageDigest and signingTime from the clock', () => {
    const at = new Date();
    at.setUTCMilliseconds(0);
    at.setUTCMinutes(at.getUTCMinutes() - 3);
    const sig = signDetached(manifest, certPem, pair.privateKeyPem, { now: () => at });
    writeFileSync(join(dir, 'print.p7s'), sig);
    const printed = openssl([
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      join(dir, 'print.p7s'),
    ]).stdout;
    expect(printed).toContain('contentType: pkcs7-signedData');
    expect(printed).toMatch(/eContent: <ABSENT>/);
    expect(printed).toContain('sha256');
    expect(printed).toContain('object: contentType');
    expect(printed).toContain('object: messageDigest');
    expect(printed).toContain('object: signingTime');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const hh = (n: number) => String(n).padStart(2, '0');
    const utc = `${months[at.getUTCMonth()]} ${String(at.getUTCDate()).padStart(2, ' ')} ${hh(at.getUTCHours())}:${hh(at.getUTCMinutes())}:${hh(at.getUTCSeconds())} ${at.getUTCFullYear()} GMT`;
    expect(printed).toContain(`UTCTIME:${utc}`);
    // The signer's certificate travels with the signature.
    expect(printed).toMatch(/certificates:\s*\n\s*d\.certificate:/);
    expect(cmsVerify('print.txt', manifest, sig).status).toBe(0);
  });

  it('refuses a key that does not belong to the certificate', async () => {
    const otherKey = await generateRsaKeyPair();
    const err = await caught(() => signDetached(manifest, certPem, otherKey.privateKeyPem, realClock));
    expect(err.code).toBe('BAD_INPUT');
  });
});
