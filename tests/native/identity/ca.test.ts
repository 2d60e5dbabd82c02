import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgencyCa,
  importCaFromPkcs12,
  issueCertificate,
  type CaMaterial,
} from '../../../native/identity/ca';
import { certFingerprint, parseCert, subjectText } from '../../../native/identity/cert-info';
import { generateRsaKeyPair, type RsaKeyPair } from '../../../native/identity/keys';
import { agency, caught, openssl, realClock } from './helpers';

let dir: string;
let ca: CaMaterial;
let pair: RsaKeyPair;
const fixedClock = { now: () => new Date('2026-03-01T08:30:15.750Z') };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ca-'));
  ca = await createAgencyCa(agency, realClock);
  pair = await generateRsaKeyPair();
  writeFileSync(join(dir, 'agency-ca.pem'), ca.certPem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function x509Text(pem: string, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pem);
  const r = openssl(['x509', '-in', file, '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus_space']);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('agency CA', () => {
  it('is a self-signed RSA 3072 CA with critical basicConstraints and keyUsage, named in UTF-8', () => {
    const text = x509Text(ca.certPem, 'ca-text.pem');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toContain('Subject Key Identifier');
    expect(text).toContain('Public-Key: (3072 bit)');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    const subject = openssl([
      'x509',
      '-in',
      join(dir, 'agency-ca.pem'),
      '-noout',
      '-subject',
      '-nameopt',
      'utf8',
    ]);
    expect(subject.stdout.trim()).toBe(`subject=C=CN, O=${agency.name}, CN=${agency.name} 执法证据根证书`);
    const verify = openssl(['verify', '-CAfile', join(dir, 'agency-ca.pem'), join(dir, 'agency-ca.pem')]);
    expect(verify.status, verify.stderr).toBe(0);
  });

  it('is valid for 20 years from the clock, with a random positive serial', async () => {
    const a = await createAgencyCa(agency, fixedClock);
    const cert = parseCert(a.certPem);
    expect(cert.validity.notBefore.toISOString()).toBe('2026-03-01T08:30:15.000Z');
    expect(cert.validity.notAfter.toISOString()).toBe('2046-03-01T08:30:15.000Z');
    expect(cert.serialNumber).not.toBe(parseCert(ca.certPem).serialNumber);
    expect(parseInt(cert.serialNumber.slice(0, 2), 16)).toBeLessThan(0x80);
    expect(cert.serialNumber.length).toBe(32);
  });
});

describe('issued certificates', () => {
  it('a user certificate has the extensions openssl cms needs and chains to the CA', () => {
    const pem = issueCertificate(
      ca,
      { commonName: '张三', login: 'zhangsan', organization: agency.name },
      pair.publicKeyPem,
      { kind: 'user' },
      realClock,
    );
    const text = x509Text(pem, 'user.pem');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(text).toMatch(/Extended Key Usage:\s*\n\s+E-mail Protection, TLS Web Client Authentication/);
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toContain(`Subject: C=CN, O=${agency.name}, UID=zhangsan, CN=张三`);
    expect(text).toContain(`Issuer: C=CN, O=${agency.name}, CN=${agency.name} 执法证据根证书`);
    // The authority key id is the CA's subject key id.
    const caKeyId = /Subject Key Identifier:\s*\n\s+([0-9A-F:]+)/.exec(x509Text(ca.certPem, 'ca2.pem'))![1];
    expect(text).toMatch(new RegExp(`Authority Key Identifier:\\s*\\n\\s+(keyid:)?${caKeyId}`));
    const v = openssl([
      'verify',
      '-CAfile',
      join(dir, 'agency-ca.pem'),
      '-purpose',
      'smimesign',
      join(dir, 'user.pem'),
    ]);
    expect(v.status, v.stderr + v.stdout).toBe(0);
    expect(subjectText(parseCert(pem))).toBe(`CN=张三, UID=zhangsan, O=${agency.name}, C=CN`);
  });

  it('a workstation certificate does not claim non-repudiation', () => {
    const pem = issueCertificate(
      ca,
      { commonName: `${agency.name} 证据工作站`, organization: agency.name },
      pair.publicKeyPem,
      { kind: 'workstation' },
      realClock,
    );
    const text = x509Text(pem, 'ws.pem');
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature\n/);
    expect(text).not.toContain('Non Repudiation');
    expect(text).toContain('E-mail Protection');
  });

  it('is valid 5 years and not beyond the CA; the fingerprint is SHA-256 of the DER', async () => {
    const shortCa = await createAgencyCa(agency, { now: () => new Date('2030-01-01T00:00:00Z') });
    const pem = issueCertificate(
      shortCa,
      { commonName: 'x', organization: 'y' },
      pair.publicKeyPem,
      { kind: 'user' },
      { now: () => new Date('2048-06-01T00:00:00Z') },
    );
    const cert = parseCert(pem);
    expect(cert.validity.notAfter.toISOString()).toBe('2050-01-01T00:00:00.000Z');
    const normal = parseCert(
      issueCertificate(
        ca,
        { commonName: 'x', organization: 'y' },
        pair.publicKeyPem,
        { kind: 'user' },
        fixedClock,
      ),
    );
    expect(normal.validity.notAfter.toISOString()).toBe('2031-03-01T08:30:15.000Z');
    const file = join(dir, 'fp.pem');
    writeFileSync(file, pem);
    const fp = openssl(['x509', '-in', file, '-noout', '-fingerprint', '-sha256']).stdout;
    expect(certFingerprint(pem)).toBe(fp.split('=')[1]!.trim().replace(/:/g, '').toLowerCase());
    expect(certFingerprint(pem)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a CA key that does not belong to the CA certificate', async () => {
    const err = await caught(() =>
      issueCertificate(
        { certPem: ca.certPem, keyPem: pair.privateKeyPem },
        { commonName: 'x', organization: 'y' },
        pair.publicKeyPem,
        { kind: 'user' },
        realClock,
      ),
    );
    expect(err.code).toBe('BAD_INPUT');
  });
});

describe('importing a CA from PKCS#12', () => {
  const pass = 'p12-secret';
  let caPem: string;

  beforeAll(() => {
    const r = openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-utf8',
      '-days',
      '3650',
      '-keyout',
      join(dir, 'ext-ca.key'),
      '-out',
      join(dir, 'ext-ca.pem'),
      '-subj',
      '/C=CN/O=某县综合行政执法局/CN=某县综合行政执法局 CA',
      '-addext',
      'basicConstraints=critical,CA:true',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    expect(r.status, r.stderr).toBe(0);
    caPem = readFileSync(join(dir, 'ext-ca.pem'), 'utf8');
    const exp = openssl([
      'pkcs12',
      '-export',
      '-in',
      join(dir, 'ext-ca.pem'),
      '-inkey',
      join(dir, 'ext-ca.key'),
      '-out',
      join(dir, 'ext-ca.p12'),
      '-passout',
      `pass:${pass}`,
    ]);
    expect(exp.status, exp.stderr).toBe(0);
  });

  it('imports the key and certificate, and certificates it issues verify against the original CA file', () => {
    const imported = importCaFromPkcs12(readFileSync(join(dir, 'ext-ca.p12')), pass);
    expect(certFingerprint(imported.certPem)).toBe(certFingerprint(caPem));
    const pem = issueCertificate(
      imported,
      { commonName: '李四', login: 'lisi', organization: '某县综合行政执法局' },
      pair.publicKeyPem,
      { kind: 'user' },
      realClock,
    );
    writeFileSync(join(dir, 'lisi.pem'), pem);
    const v = openssl([
      'verify',
      '-CAfile',
      join(dir, 'ext-ca.pem'),
      '-purpose',
      'smimesign',
      join(dir, 'lisi.pem'),
    ]);
    expect(v.status, v.stderr + v.stdout).toBe(0);
  });

  it('accepts a Chinese passphrase (BMPString for the MAC, UTF-8 for PBES2)', async () => {
    const exp = openssl([
      'pkcs12',
      '-export',
      '-in',
      join(dir, 'ext-ca.pem'),
      '-inkey',
      join(dir, 'ext-ca.key'),
      '-out',
      join(dir, 'cn.p12'),
      '-passout',
      'pass:证书口令123',
    ]);
    expect(exp.status, exp.stderr).toBe(0);
    const imported = importCaFromPkcs12(readFileSync(join(dir, 'cn.p12')), '证书口令123');
    expect(certFingerprint(imported.certPem)).toBe(certFingerprint(caPem));
    expect(
      (await caught(() => importCaFromPkcs12(readFileSync(join(dir, 'cn.p12')), '证书口令124'))).code,
    ).toBe('WRONG_PASSWORD');
  });

  it('a wrong passphrase gives WRONG_PASSWORD', async () => {
    const err = await caught(() => importCaFromPkcs12(readFileSync(join(dir, 'ext-ca.p12')), 'not-it'));
    expect(err.code).toBe('WRONG_PASSWORD');
  });

  it('a file without the private key is refused with a clear message', async () => {
    openssl([
      'pkcs12',
      '-export',
      '-nokeys',
      '-in',
      join(dir, 'ext-ca.pem'),
      '-out',
      join(dir, 'nokey.p12'),
      '-passout',
      `pass:${pass}`,
    ]);
    const err = await caught(() => importCaFromPkcs12(readFileSync(join(dir, 'nokey.p12')), pass));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toMatch(/no RSA private key/);
  });

  it('a certificate that is not a CA is refused', async () => {
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-keyout',
      join(dir, 'leaf.key'),
      '-out',
      join(dir, 'leaf.pem'),
      '-subj',
      '/CN=leaf',
      '-addext',
      'basicConstraints=critical,CA:false',
    ]);
    openssl([
      'pkcs12',
      '-export',
      '-in',
      join(dir, 'leaf.pem'),
      '-inkey',
      join(dir, 'leaf.key'),
      '-out',
      join(dir, 'leaf.p12'),
      '-passout',
      `pass:${pass}`,
    ]);
    const err = await caught(() => importCaFromPkcs12(readFileSync(join(dir, 'leaf.p12')), pass));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toMatch(/not a CA/);
  });

  it('a file that is not PKCS#12 is refused', async () => {
    const err = await caught(() => importCaFromPkcs12(Buffer.from('not a pkcs12 file'), pass));
    expect(err.code).toBe('BAD_INPUT');
  });

  it('a forge-made CA round-trips through PKCS#12 too', () => {
    const p12 = forge.pkcs12.toPkcs12Asn1(
      forge.pki.privateKeyFromPem(ca.keyPem),
      [forge.pki.certificateFromPem(ca.certPem)],
      pass,
      { algorithm: '3des' },
    );
    const imported = importCaFromPkcs12(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), pass);
    expect(certFingerprint(imported.certPem)).toBe(certFingerprint(ca.certPem));
  });
});
