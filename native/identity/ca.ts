/**
 * The agency's root CA and the certificates it issues (node-forge). Certificates are made so the
 * stock `openssl cms -verify -CAfile agency-ca.pem` accepts signatures without `-purpose any`:
 * end-entity keyUsage digitalSignature (+ nonRepudiation for people) and extendedKeyUsage
 * emailProtection. Chinese names are written as UTF8String.
 */
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';
import type { AgencyInfo, Role } from '../api/types';
import {
  copyName,
  keyMatchesCert,
  nameDer,
  OID_USER_ID,
  parseCert,
  rawNameDer,
  subjectValue,
} from './cert-info';
import { generateRsaKeyPair } from './keys';

/** A CA's certificate and unencrypted private key, both PEM. */
export interface CaMaterial {
  certPem: string;
  keyPem: string;
}

/** Who a certificate is issued to. */
export interface CertSubject {
  commonName: string;
  /** Written as the UID attribute. */
  login?: string;
  /** Written as the title attribute; leave out where the role may change during the certificate's life. */
  role?: Role;
  organization: string;
}

export const CA_VALIDITY_YEARS = 20;
export const END_ENTITY_VALIDITY_YEARS = 5;

const UTF8 = forge.asn1.Type.UTF8;
const PRINTABLE = forge.asn1.Type.PRINTABLESTRING;

/** A random positive 128-bit serial (top bit clear so DER needs no sign byte, first byte non-zero). */
function randomSerialHex(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString('hex');
}

function addYears(d: Date, years: number): Date {
  const out = new Date(d.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** Certificate times have whole seconds; truncate so what we sign is what we report. */
function wholeSeconds(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

/** A name attribute; forge's typings mislabel valueTagClass (an ASN.1 Type) as a Class. */
function field(f: {
  name?: string;
  type?: string;
  value: string;
  valueTagClass: number;
}): forge.pki.CertificateField {
  return f as unknown as forge.pki.CertificateField;
}

/** The CA's own name: C=CN, O=<agency>, CN=<agency> 执法证据根证书. */
function caName(agency: AgencyInfo): forge.pki.CertificateField[] {
  return [
    { name: 'countryName', value: 'CN', valueTagClass: PRINTABLE },
    { name: 'organizationName', value: agency.name, valueTagClass: UTF8 },
    { name: 'commonName', value: `${agency.name} 执法证据根证书`, valueTagClass: UTF8 },
  ].map(field);
}

/**
 * Creates the agency root CA: RSA 3072, self-signed SHA-256, basicConstraints CA:true (critical),
 * keyUsage keyCertSign + cRLSign (critical), subject/authority key identifiers, valid 20 years.
 */
export async function createAgencyCa(agency: AgencyInfo, clock: Clock): Promise<CaMaterial> {
  const pair = await generateRsaKeyPair();
  const key = forge.pki.privateKeyFromPem(pair.privateKeyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKeyPem);
  cert.serialNumber = randomSerialHex();
  const now = wholeSeconds(clock.now());
  cert.validity.notBefore = now;
  cert.validity.notAfter = addYears(now, CA_VALIDITY_YEARS);
  cert.setSubject(caName(agency));
  cert.setIssuer(caName(agency));
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: cert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: pair.privateKeyPem };
}

/** Reads a CA certificate and checks it may issue certificates. */
function checkIsCa(cert: forge.pki.Certificate, what: string): void {
  const bc = cert.getExtension('basicConstraints') as { cA?: boolean } | null;
  if (!bc?.cA) {
    throw new EngineError(
      'BAD_INPUT',
      `${what} is not a CA certificate (basicConstraints CA:true is missing).`,
      {
        hint: 'Export the agency’s root or issuing CA certificate together with its private key.',
      },
    );
  }
  const ku = cert.getExtension('keyUsage') as { keyCertSign?: boolean } | null;
  if (ku && !ku.keyCertSign) {
    throw new EngineError('BAD_INPUT', `${what} may not sign certificates (keyUsage lacks keyCertSign).`);
  }
}

/**
 * Parses a PKCS#12 file with forge. The integrity MAC takes the passphrase as BMPString (forge
 * does this from the JS string), but PBES2-encrypted contents (OpenSSL 3's default) take it as
 * UTF-8 bytes, which forge does not convert: so when a non-ASCII passphrase passes the MAC and
 * then fails to decrypt, the contents are read again — MAC already checked — with UTF-8 bytes.
 */
function readPkcs12(der: Buffer, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  const parse = () => forge.asn1.fromDer(der.toString('binary'));
  try {
    return forge.pkcs12.pkcs12FromAsn1(parse(), false, passphrase);
  } catch (err) {
    // eslint-disable-next-line no-control-regex
    const ascii = /^[\x00-\x7f]*$/.test(passphrase);
    if (ascii || !/Failed to decrypt/i.test((err as Error).message ?? '')) throw err;
    const pfx = parse();
    (pfx.value as forge.asn1.Asn1[]).splice(2); // drop macData: verified above
    return forge.pkcs12.pkcs12FromAsn1(pfx, false, forge.util.encodeUtf8(passphrase));
  }
}

/**
 * Imports an existing CA from a PKCS#12 file (as exported by OpenSSL or Windows). Errors say
 * plainly: wrong passphrase, no private key, not a CA, key and certificate do not match, expired.
 * Only RSA keys are supported (node-forge). Passphrases may be Chinese.
 */
export function importCaFromPkcs12(der: Buffer, passphrase: string, clock?: Clock): CaMaterial {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = readPkcs12(der, passphrase);
  } catch (err) {
    const msg = (err as Error).message ?? String(err);
    if (/MAC could not be verified|Invalid password/i.test(msg)) {
      throw new EngineError('WRONG_PASSWORD', 'The passphrase does not open this PKCS#12 file.', {
        field: 'passphrase',
        hint: 'Enter the passphrase the file was exported with.',
      });
    }
    throw new EngineError('BAD_INPUT', `The PKCS#12 file cannot be read: ${msg}`, {
      field: 'caPkcs12',
      hint: 'Export the CA again as PKCS#12 (.p12/.pfx) with its private key (RSA) and a passphrase.',
      cause: err,
    });
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ??
      []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const keys = keyBags.map((b) => b.key).filter((k): k is forge.pki.rsa.PrivateKey => !!k);
  if (keys.length === 0) {
    throw new EngineError('BAD_INPUT', 'The PKCS#12 file holds no RSA private key.', {
      field: 'caPkcs12',
      hint: 'Export the CA with its private key (and an RSA key: EC keys are not supported).',
    });
  }
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const keyPem = forge.pki.privateKeyInfoToPem(
    forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys[0]!)),
  );
  const cert = certs.find((c) => keyMatchesCert(keyPem, c));
  if (!cert) {
    throw new EngineError('BAD_INPUT', 'The PKCS#12 file holds no certificate for its private key.', {
      field: 'caPkcs12',
    });
  }
  checkIsCa(cert, 'The certificate in the PKCS#12 file');
  const now = (clock ?? { now: () => new Date() }).now();
  if (cert.validity.notAfter <= now) {
    throw new EngineError(
      'BAD_INPUT',
      `The CA certificate expired on ${cert.validity.notAfter.toISOString()}.`,
      {
        field: 'caPkcs12',
      },
    );
  }
  const certPem = forge.pki.certificateToPem(cert);
  // Certificates we issue copy this name as issuer; it must come out byte for byte identical.
  if (nameDer(copyName(cert.subject.attributes)) !== rawNameDer(certPem, 'subject')) {
    throw new EngineError(
      'BAD_INPUT',
      'The CA certificate’s subject name uses an encoding this workstation cannot reproduce.',
      {
        field: 'caPkcs12',
        hint: 'Use a CA whose subject is plain UTF8String/PrintableString attributes, one per RDN.',
      },
    );
  }
  return { certPem, keyPem };
}

/**
 * Issues an end-entity certificate for `publicKeyPem`, signed by the CA: SHA-256/RSA, random
 * serial, valid 5 years (never beyond the CA), keyUsage digitalSignature (+ nonRepudiation for a
 * person, critical), extendedKeyUsage emailProtection + clientAuth, subject and authority key
 * identifiers. Subject: C=CN, O=organization, [UID=login], [title=role], CN=commonName.
 */
export function issueCertificate(
  ca: CaMaterial,
  subject: CertSubject,
  publicKeyPem: string,
  opts: { kind: 'user' | 'workstation' },
  clock: Clock,
): string {
  const caCert = parseCert(ca.certPem);
  checkIsCa(caCert, 'The agency CA certificate');
  if (!keyMatchesCert(ca.keyPem, caCert)) {
    throw new EngineError('BAD_INPUT', 'The agency CA key does not belong to the agency CA certificate.', {
      hint: 'Restore keys/agency-ca.key.pem from the backup made at set-up.',
    });
  }
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = randomSerialHex();
  const now = wholeSeconds(clock.now());
  const end = addYears(now, END_ENTITY_VALIDITY_YEARS);
  cert.validity.notBefore = now;
  cert.validity.notAfter = end < caCert.validity.notAfter ? end : caCert.validity.notAfter;
  const name = [
    field({ name: 'countryName', value: 'CN', valueTagClass: PRINTABLE }),
    field({ name: 'organizationName', value: subject.organization, valueTagClass: UTF8 }),
  ];
  if (subject.login) name.push(field({ type: OID_USER_ID, value: subject.login, valueTagClass: UTF8 }));
  if (subject.role) name.push(field({ name: 'title', value: subject.role, valueTagClass: UTF8 }));
  name.push(field({ name: 'commonName', value: subject.commonName, valueTagClass: UTF8 }));
  cert.setSubject(name);
  cert.setIssuer(copyName(caCert.subject.attributes));
  const caKeyId = caCert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | null;
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    {
      name: 'keyUsage',
      digitalSignature: true,
      // A workstation signs unattended: it must not claim a person's commitment.
      nonRepudiation: opts.kind === 'user',
      critical: true,
    },
    { name: 'extKeyUsage', emailProtection: true, clientAuth: true },
    { name: 'subjectKeyIdentifier' },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: caKeyId?.subjectKeyIdentifier
        ? forge.util.hexToBytes(caKeyId.subjectKeyIdentifier)
        : caCert.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** The organization (O) of a CA certificate: the name end-entity certificates are issued under. */
export function caOrganization(caCertPem: string): string {
  const cert = parseCert(caCertPem);
  return subjectValue(cert, 'O') ?? subjectValue(cert, 'CN') ?? '';
}
