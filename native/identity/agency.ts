/**
 * The agency (执法主体) and the workstation's identity: `initAgency` sets up a data directory once
 * — agency CA (created or imported from PKCS#12), workstation signing key and certificate, the
 * Ed25519 note key that signs checkpoints, the agency row and the first administrator.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/context';
import { EngineError, toEngineError } from '../core/errors';
import type { AgencyInfo, UserInfo } from '../api/types';
import type { DataLayout } from '../storage/data-dir';
import type { Db } from '../storage/db';
import { generateNoteKey } from '../custody/signed-note';
import { createAgencyCa, importCaFromPkcs12, issueCertificate, caOrganization, type CaMaterial } from './ca';
import { certFingerprint } from './cert-info';
import { SYSTEM_ACTOR, type CustodySink } from './deps';
import { KEY_FILES, loadKeys, moveAsideOrphanKeys, removeFiles, writeKeyFiles } from './key-files';
import { generateRsaKeyPair } from './keys';
import { checkNewUser, insertUser, prepareUser } from './user-store';

export { loadKeys, KEY_FILES, type WorkstationKeys } from './key-files';

export interface AgencyDeps {
  db: Db;
  layout: DataLayout;
  custody: CustodySink;
  clock: Clock;
}

export interface InitAgencyInput {
  agency: AgencyInfo;
  admin: { login: string; name: string; password: string };
  /** An existing agency CA to use instead of creating one. */
  caPkcs12?: { der: Buffer; passphrase: string };
}

/** The stored agency row, with its certificates and note key. */
export interface AgencyRecord extends AgencyInfo {
  caCertPem: string;
  workstationCertPem: string;
  noteKeyName: string;
  notePublicKeyPem: string;
  createdAt: string;
}

interface AgencyRow {
  name: string;
  credit_code: string;
  address: string;
  supervision_phone: string;
  ca_cert_pem: string;
  workstation_cert_pem: string;
  note_key_name: string;
  note_public_key_pem: string;
  created_at: string;
}

/** The agency row with certificates, or undefined before set-up. */
export function loadAgencyRecord(db: Db): AgencyRecord | undefined {
  const r = db.prepare('SELECT * FROM agency WHERE id = 1').get() as AgencyRow | undefined;
  if (!r) return undefined;
  return {
    name: r.name,
    creditCode: r.credit_code,
    address: r.address,
    supervisionPhone: r.supervision_phone,
    caCertPem: r.ca_cert_pem,
    workstationCertPem: r.workstation_cert_pem,
    noteKeyName: r.note_key_name,
    notePublicKeyPem: r.note_public_key_pem,
    createdAt: r.created_at,
  };
}

/** The agency (执法主体), or undefined before set-up. */
export function loadAgency(db: Db): AgencyInfo | undefined {
  const r = loadAgencyRecord(db);
  return (
    r && { name: r.name, creditCode: r.creditCode, address: r.address, supervisionPhone: r.supervisionPhone }
  );
}

/** The agency CA (certificate from the database, key from keys/); NOT_INITIALIZED before set-up. */
export function loadCa(db: Db, layout: DataLayout): CaMaterial {
  const r = loadAgencyRecord(db);
  if (!r) {
    throw new EngineError('NOT_INITIALIZED', 'This workstation has not been set up yet.', {
      hint: 'Run the first-run setup, or `workstation init --agency NAME --admin LOGIN`.',
    });
  }
  return { certPem: r.caCertPem, keyPem: loadKeys(layout).caKeyPem };
}

/**
 * The note key name: `<credit code>.evidence-workstation`, lowercased, with anything but
 * letters, digits, dot and dash replaced (C2SP names may hold no spaces or '+').
 */
export function noteKeyNameFor(creditCode: string): string {
  const code = creditCode
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Without a credit code, a random id keeps different agencies' checkpoints apart.
  return `${code || `agency-${randomBytes(4).toString('hex')}`}.evidence-workstation`;
}

/**
 * Only the name is needed to set up; the credit code, address and supervision phone may be
 * filled in later (Admin → 执法主体), since they serve publicity, not the keys.
 */
function checkAgency(a: AgencyInfo): void {
  if (typeof a?.name !== 'string' || a.name.trim() === '') {
    throw new EngineError('BAD_INPUT', "The agency's name is missing.", { field: 'agency.name' });
  }
  for (const field of ['creditCode', 'address', 'supervisionPhone'] as const) {
    if (typeof a[field] !== 'string') {
      throw new EngineError('BAD_INPUT', `The agency's ${field} must be text.`, { field: `agency.${field}` });
    }
  }
}

function alreadyInitialized(): EngineError {
  return new EngineError('ALREADY_INITIALIZED', 'This workstation is already set up for an agency.', {
    hint: 'Use a new, empty data directory (--data) to set up another agency.',
  });
}

/**
 * Sets up the data directory once (ALREADY_INITIALIZED afterwards). Slow work (key generation)
 * happens first; then the key files are written (0600) and every database change — agency row,
 * 'agency.init' and 'user.add' custody entries, the first administrator — commits in one
 * transaction. If that transaction fails, the key files are removed again.
 */
export async function initAgency(deps: AgencyDeps, input: InitAgencyInput): Promise<{ admin: UserInfo }> {
  const { db, layout, custody, clock } = deps;
  if (loadAgency(db)) throw alreadyInitialized();
  checkAgency(input.agency);
  const agency: AgencyInfo = {
    name: input.agency.name.trim(),
    creditCode: input.agency.creditCode.trim(),
    address: input.agency.address.trim(),
    supervisionPhone: input.agency.supervisionPhone.trim(),
  };
  const adminInput = { ...input.admin, role: 'admin' as const };
  checkNewUser(adminInput);
  // The three RSA keys are generated in parallel on the thread pool (~1 s each).
  const adminPair = generateRsaKeyPair();
  const wsPair = generateRsaKeyPair();
  adminPair.catch(() => undefined); // observed below; avoid an unhandled rejection if the CA fails first
  wsPair.catch(() => undefined);
  const ca = input.caPkcs12
    ? importCaFromPkcs12(input.caPkcs12.der, input.caPkcs12.passphrase, clock)
    : await createAgencyCa(agency, clock);
  const admin = await prepareUser(adminInput, ca, clock, adminPair);
  const ws = await wsPair;
  const workstationCertPem = issueCertificate(
    ca,
    { commonName: `${agency.name} 证据工作站`, organization: caOrganization(ca.certPem) },
    ws.publicKeyPem,
    { kind: 'workstation' },
    clock,
  );
  const noteKeyName = noteKeyNameFor(agency.creditCode);
  const note = generateNoteKey(noteKeyName);

  if (loadAgency(db)) throw alreadyInitialized();
  let written: string[] = [];
  try {
    moveAsideOrphanKeys(layout, clock.now());
    written = writeKeyFiles(layout, {
      [KEY_FILES.ca]: ca.keyPem,
      [KEY_FILES.workstation]: ws.privateKeyPem,
      [KEY_FILES.note]: note.privateKeyPem,
    });
    const user = db.transaction(() => {
      if (loadAgency(db)) throw alreadyInitialized();
      const now = clock.now().toISOString();
      db.prepare(
        `INSERT INTO agency(id, name, credit_code, address, supervision_phone, ca_cert_pem, workstation_cert_pem,
           note_key_name, note_public_key_pem, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        agency.name,
        agency.creditCode,
        agency.address,
        agency.supervisionPhone,
        ca.certPem,
        workstationCertPem,
        noteKeyName,
        note.publicKeyPem,
        now,
      );
      custody.append({
        actor: SYSTEM_ACTOR,
        action: 'agency.init',
        subjects: ['agency'],
        hashes: { caCert: certFingerprint(ca.certPem), workstationCert: certFingerprint(workstationCertPem) },
        details: {
          ...agency,
          caImported: input.caPkcs12 !== undefined,
          caFingerprint: certFingerprint(ca.certPem),
          workstationCertFingerprint: certFingerprint(workstationCertPem),
          noteKeyName,
          noteVkey: note.vkey,
        },
      });
      return insertUser(db, custody, admin, SYSTEM_ACTOR, clock);
    })();
    return { admin: user };
  } catch (err) {
    removeFiles(written);
    throw toEngineError(err);
  }
}
