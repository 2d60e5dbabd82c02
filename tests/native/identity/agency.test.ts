import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustodyLog } from '../../../native/custody/custody-log';
import { generateNoteKey, vkeyOf } from '../../../native/custody/signed-note';
import {
  initAgency,
  KEY_FILES,
  loadAgency,
  loadAgencyRecord,
  loadCa,
  loadKeys,
  noteKeyNameFor,
} from '../../../native/identity/agency';
import { certFingerprint, keyMatchesCert, parseCert } from '../../../native/identity/cert-info';
import { signDetached } from '../../../native/identity/cms';
import { authenticate, listUsers } from '../../../native/identity/users';
import { agency, caught, makeFixture, openssl, realClock, type Fixture } from './helpers';

let f: Fixture;
const admin = { login: 'admin', name: '系统管理员甲', password: 'Admin-Passw0rd-1' };

beforeEach(() => {
  f = makeFixture();
});
afterEach(() => f.cleanup());

const deps = () => ({ db: f.db, layout: f.layout, custody: f.sink, clock: realClock });

describe('initAgency', () => {
  it('creates CA, workstation key and certificate, note key, agency row and first admin, logged', async () => {
    const { admin: u } = await initAgency(deps(), { agency, admin });
    expect(u).toMatchObject({
      login: 'admin',
      name: '系统管理员甲',
      role: 'admin',
      locked: false,
      disabled: false,
    });
    expect(loadAgency(f.db)).toEqual(agency);
    const rec = loadAgencyRecord(f.db)!;
    expect(rec.noteKeyName).toBe('11110000000000000x.evidence-workstation');

    // Key files: three, mode 0600 in a 0700 directory, each the key of what the database holds.
    expect(statSync(f.layout.keys).mode & 0o777).toBe(0o700);
    for (const file of Object.values(KEY_FILES)) {
      expect(statSync(join(f.layout.keys, file)).mode & 0o777).toBe(0o600);
    }
    const keys = loadKeys(f.layout);
    expect(keyMatchesCert(keys.caKeyPem, parseCert(rec.caCertPem))).toBe(true);
    expect(keyMatchesCert(keys.workstationKeyPem, parseCert(rec.workstationCertPem))).toBe(true);
    expect(loadCa(f.db, f.layout)).toEqual({ certPem: rec.caCertPem, keyPem: keys.caKeyPem });

    // The workstation certificate chains to the CA and its signatures verify with openssl.
    writeFileSync(join(f.dir, 'ca.pem'), rec.caCertPem);
    writeFileSync(join(f.dir, 'ws.pem'), rec.workstationCertPem);
    const chain = openssl([
      'verify',
      '-CAfile',
      join(f.dir, 'ca.pem'),
      '-purpose',
      'smimesign',
      join(f.dir, 'ws.pem'),
    ]);
    expect(chain.status, chain.stderr + chain.stdout).toBe(0);
    const content = Buffer.from('checkpoint body\n');
    writeFileSync(join(f.dir, 'c.txt'), content);
    writeFileSync(
      join(f.dir, 'c.p7s'),
      signDetached(content, rec.workstationCertPem, keys.workstationKeyPem, realClock),
    );
    const cms = openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      join(f.dir, 'c.p7s'),
      '-content',
      join(f.dir, 'c.txt'),
      '-CAfile',
      join(f.dir, 'ca.pem'),
      '-out',
      '/dev/null',
    ]);
    expect(cms.status, cms.stderr).toBe(0);
    const subject = openssl([
      'x509',
      '-in',
      join(f.dir, 'ws.pem'),
      '-noout',
      '-subject',
      '-nameopt',
      'utf8',
    ]).stdout.trim();
    expect(subject).toBe(`subject=C=CN, O=${agency.name}, CN=${agency.name} 证据工作站`);

    // Custody: agency.init then user.add, neither holding the password.
    const entries = f.sink.entries();
    expect(entries.map((e) => e.action)).toEqual(['agency.init', 'user.add']);
    const vkey = vkeyOf(rec.noteKeyName, rec.notePublicKeyPem);
    expect(entries[0]).toEqual({
      actor: 'system',
      action: 'agency.init',
      subjects: ['agency'],
      hashes: {
        caCert: certFingerprint(rec.caCertPem),
        workstationCert: certFingerprint(rec.workstationCertPem),
      },
      details: {
        ...agency,
        caImported: false,
        caFingerprint: certFingerprint(rec.caCertPem),
        workstationCertFingerprint: certFingerprint(rec.workstationCertPem),
        noteKeyName: rec.noteKeyName,
        noteVkey: vkey,
      },
    });
    expect(entries[1]).toMatchObject({ actor: 'system', action: 'user.add', subjects: [`user:${u.id}`] });
    expect(JSON.stringify(entries)).not.toContain(admin.password);
    expect(authenticate(f.deps, 'admin', admin.password).id).toBe(u.id);
  });

  it('runs once: a second init is ALREADY_INITIALIZED and changes nothing', async () => {
    await initAgency(deps(), { agency, admin });
    const before = readFileSync(join(f.layout.keys, KEY_FILES.ca), 'utf8');
    const err = await caught(() => initAgency(deps(), { agency, admin: { ...admin, login: 'other' } }));
    expect(err.code).toBe('ALREADY_INITIALIZED');
    expect(readFileSync(join(f.layout.keys, KEY_FILES.ca), 'utf8')).toBe(before);
    expect(listUsers(f.db)).toHaveLength(1);
  });

  it('with the real custody log, the entries land in the Merkle log', async () => {
    const log = new CustodyLog(f.db, realClock);
    await initAgency({ ...deps(), custody: log }, { agency, admin });
    expect(log.size()).toBe(2);
    expect(log.get(0)?.view.action).toBe('agency.init');
    expect(log.get(1)?.view.action).toBe('user.add');
  });

  it('imports an existing CA from PKCS#12', async () => {
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
      join(f.dir, 'ca.key'),
      '-out',
      join(f.dir, 'ca.pem'),
      '-subj',
      '/C=CN/O=某市司法局/CN=某市司法局 CA',
      '-addext',
      'basicConstraints=critical,CA:true',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    expect(r.status, r.stderr).toBe(0);
    openssl([
      'pkcs12',
      '-export',
      '-in',
      join(f.dir, 'ca.pem'),
      '-inkey',
      join(f.dir, 'ca.key'),
      '-out',
      join(f.dir, 'ca.p12'),
      '-passout',
      'pass:p12pass',
    ]);
    const caPkcs12 = { der: readFileSync(join(f.dir, 'ca.p12')), passphrase: 'p12pass' };
    const wrong = await caught(() =>
      initAgency(deps(), { agency, admin, caPkcs12: { ...caPkcs12, passphrase: 'nope' } }),
    );
    expect(wrong.code).toBe('WRONG_PASSWORD');
    expect(loadAgency(f.db)).toBeUndefined();
    await initAgency(deps(), { agency, admin, caPkcs12 });
    const rec = loadAgencyRecord(f.db)!;
    expect(certFingerprint(rec.caCertPem)).toBe(certFingerprint(readFileSync(join(f.dir, 'ca.pem'), 'utf8')));
    expect(f.sink.entries()[0]?.details).toMatchObject({ caImported: true });
    const { admin: row } = { admin: listUsers(f.db)[0]! };
    expect(row.certSubject).toBe('CN=系统管理员甲, UID=admin, O=某市司法局, C=CN');
  });

  it('if the transaction fails, no row, no entry and no key file remain; a retry then succeeds', async () => {
    const failing = {
      append(input: { action: string }) {
        f.sink.append(input as never);
        if (input.action === 'user.add') throw new Error('disk trouble while logging');
      },
    };
    await expect(initAgency({ ...deps(), custody: failing }, { agency, admin })).rejects.toThrow(
      'disk trouble',
    );
    expect(loadAgency(f.db)).toBeUndefined();
    expect(listUsers(f.db)).toEqual([]);
    expect(f.sink.entries()).toEqual([]);
    expect(readdirSync(f.layout.keys)).toEqual([]);
    await initAgency(deps(), { agency, admin });
    expect(loadAgency(f.db)).toEqual(agency);
  });

  it('moves key files left by an interrupted set-up aside instead of failing or deleting them', async () => {
    mkdirSync(f.layout.keys, { recursive: true });
    writeFileSync(join(f.layout.keys, KEY_FILES.ca), 'left over\n');
    await initAgency(deps(), { agency, admin });
    const files = readdirSync(f.layout.keys);
    const orphan = files.find((n) => n.startsWith(`${KEY_FILES.ca}.orphan-`));
    expect(orphan).toBeDefined();
    expect(readFileSync(join(f.layout.keys, orphan!), 'utf8')).toBe('left over\n');
    expect(readFileSync(join(f.layout.keys, KEY_FILES.ca), 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
  });

  it('refuses bad input before writing anything', async () => {
    const short = await caught(() => initAgency(deps(), { agency, admin: { ...admin, password: 'short' } }));
    expect(short).toMatchObject({ code: 'BAD_INPUT', field: 'password' });
    const noName = await caught(() => initAgency(deps(), { agency: { ...agency, name: ' ' }, admin }));
    expect(noName).toMatchObject({ code: 'BAD_INPUT', field: 'agency.name' });
    expect(existsSync(f.layout.keys) ? readdirSync(f.layout.keys) : []).toEqual([]);
    expect(f.sink.entries()).toEqual([]);
  });
});

describe('loading', () => {
  it('before set-up: no agency, loadCa says NOT_INITIALIZED', async () => {
    expect(loadAgency(f.db)).toBeUndefined();
    expect((await caught(() => loadCa(f.db, f.layout))).code).toBe('NOT_INITIALIZED');
  });

  it('a missing key file is named', async () => {
    mkdirSync(f.layout.keys, { recursive: true });
    writeFileSync(join(f.layout.keys, KEY_FILES.ca), 'x');
    writeFileSync(join(f.layout.keys, KEY_FILES.note), 'x');
    const err = await caught(() => loadKeys(f.layout));
    expect(err.code).toBe('STORAGE');
    expect(err.message).toContain(join(f.layout.keys, KEY_FILES.workstation));
    expect(err.message).toContain('missing');
  });

  it('note key names are valid C2SP names derived from the credit code', () => {
    expect(noteKeyNameFor('91110000MA01ABCD2X')).toBe('91110000ma01abcd2x.evidence-workstation');
    expect(noteKeyNameFor(' 91 1100+00 MA01 ')).toBe('91-1100-00-ma01.evidence-workstation');
    expect(noteKeyNameFor('+++')).toMatch(/^agency-[0-9a-f]{8}\.evidence-workstation$/);
    expect(() => generateNoteKey(noteKeyNameFor(' a b+c '))).not.toThrow();
  });
});
