/**
 * Reading certificates: DER bytes, fingerprints, readable subjects, and the name copying that
 * issuing needs (forge keeps parsed UTF8String values as raw UTF-8 bytes but re-encodes on
 * write, so names must be decoded before they are reused).
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { EngineError } from '../core/errors';

/** OIDs of name attributes forge has no short name for. */
const EXTRA_SHORT_NAMES: Record<string, string> = {
  '0.9.2342.19200300.100.1.1': 'UID',
  '2.5.4.12': 'title',
  '2.5.4.97': 'organizationIdentifier',
  '2.5.4.5': 'serialNumber',
};

/** The OID of the userId (UID) attribute, used for a user's login in the subject. */
export const OID_USER_ID = '0.9.2342.19200300.100.1.1';

/** The DER bytes of the first CERTIFICATE block of a PEM. */
export function certDer(certPem: string): Buffer {
  const block = forge.pem.decode(certPem).find((m) => m.type === 'CERTIFICATE');
  if (!block) throw new EngineError('BAD_INPUT', 'No CERTIFICATE block in the PEM text.');
  return Buffer.from(block.body, 'binary');
}

/** SHA-256 of the certificate's DER, lowercase hex without colons. */
export function certFingerprint(certPem: string): string {
  return createHash('sha256').update(certDer(certPem)).digest('hex');
}

/** Parses a certificate PEM with forge; BAD_INPUT when it is not one forge can read (e.g. not RSA). */
export function parseCert(certPem: string): forge.pki.Certificate {
  try {
    return forge.pki.certificateFromPem(certPem);
  } catch (err) {
    throw new EngineError('BAD_INPUT', `The certificate cannot be read: ${(err as Error).message}`, {
      hint: 'Only RSA X.509 certificates are supported.',
      cause: err,
    });
  }
}

/** The ASN.1 string type of a name attribute (forge's typings call it a Class; it holds a Type). */
export function tagOf(attr: forge.pki.CertificateField): number | undefined {
  return attr.valueTagClass as unknown as number | undefined;
}

/** Decodes an attribute value to a JS string according to its ASN.1 string type. */
export function attributeText(attr: forge.pki.CertificateField): string {
  const raw = String(attr.value ?? '');
  if (tagOf(attr) === forge.asn1.Type.UTF8) return forge.util.decodeUtf8(raw);
  if (tagOf(attr) === forge.asn1.Type.BMPSTRING) {
    let s = '';
    for (let i = 0; i + 1 < raw.length; i += 2)
      s += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return s;
  }
  return raw;
}

/**
 * A readable subject, most specific first, e.g. `CN=张三, UID=zhangsan, O=某市市场监督管理局, C=CN`.
 */
export function subjectText(cert: forge.pki.Certificate): string {
  return [...cert.subject.attributes]
    .reverse()
    .map((a) => `${a.shortName ?? EXTRA_SHORT_NAMES[a.type ?? ''] ?? a.type}=${attributeText(a)}`)
    .join(', ');
}

/** The first value of a subject attribute (by short name or OID), decoded; undefined if absent. */
export function subjectValue(cert: forge.pki.Certificate, nameOrOid: string): string | undefined {
  const a = cert.subject.attributes.find((x) => x.shortName === nameOrOid || x.type === nameOrOid);
  return a ? attributeText(a) : undefined;
}

/**
 * Copies a parsed name so forge writes it back byte for byte: UTF8String values are decoded
 * (forge re-encodes them), every other string type is kept raw.
 */
export function copyName(attrs: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attrs.map((a) => {
    const copy: forge.pki.CertificateField = { type: a.type, valueTagClass: a.valueTagClass, value: a.value };
    if (tagOf(a) === forge.asn1.Type.UTF8) copy.value = forge.util.decodeUtf8(String(a.value));
    return copy;
  });
}

/** DER of a name as forge would write it (to check a copied issuer name matches exactly). */
export function nameDer(attrs: forge.pki.CertificateField[]): string {
  return forge.asn1.toDer(forge.pki.distinguishedNameToAsn1({ attributes: attrs } as never)).getBytes();
}

/** DER of a certificate's issuer or subject name exactly as it was encoded. */
export function rawNameDer(certPem: string, which: 'issuer' | 'subject'): string {
  const tbs = (forge.asn1.fromDer(certDer(certPem).toString('binary')).value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  // TBSCertificate: [0] version (optional), serial, signature, issuer, validity, subject, …
  const offset = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return forge.asn1.toDer(fields[offset + (which === 'issuer' ? 2 : 4)]!).getBytes();
}

/** True when the private key (PKCS#8 or PKCS#1 PEM) belongs to the certificate. */
export function keyMatchesCert(keyPem: string, cert: forge.pki.Certificate): boolean {
  const key = forge.pki.privateKeyFromPem(keyPem);
  const pub = cert.publicKey as forge.pki.rsa.PublicKey;
  return key.n.equals(pub.n) && key.e.equals(pub.e);
}
