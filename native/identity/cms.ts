/**
 * Detached CMS (PKCS#7) signatures with node-forge, verifiable with
 * `openssl cms -verify -binary -inform DER -in F.p7s -content F -CAfile agency-ca.pem`.
 * forge hashes the content itself at ~30 MB/s: sign manifests and records, never whole videos.
 */
import forge from 'node-forge';
import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';
import { copyName, keyMatchesCert, nameDer, parseCert, rawNameDer } from './cert-info';

/** Above this, signing a buffer directly is a mistake: sign a manifest of hashes instead. */
export const MAX_SIGNED_CONTENT_BYTES = 64 * 1024 * 1024;

/**
 * Signs `content` as detached SignedData (DER): SHA-256 with RSA, signed attributes contentType
 * (data), messageDigest and signingTime (from `clock`), the signer's certificate included.
 */
export function signDetached(content: Buffer, certPem: string, keyPem: string, clock: Clock): Buffer {
  if (content.length > MAX_SIGNED_CONTENT_BYTES) {
    throw new EngineError('BAD_INPUT', `Refusing to sign ${content.length} bytes directly.`, {
      hint: 'Sign a manifest of SHA-256 hashes instead of the media itself.',
    });
  }
  const cert = parseCert(certPem);
  if (!keyMatchesCert(keyPem, cert)) {
    throw new EngineError('BAD_INPUT', 'The signing key does not belong to the signing certificate.', {
      hint: 'Unlock the signing key of the same user whose certificate is used.',
    });
  }
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString('binary'));
  p7.addCertificate(cert);
  // forge would re-encode the parsed issuer name (UTF8String values twice over), so the signer is
  // identified by a copy that writes back byte for byte; checked against the certificate's own DER.
  const issuer = copyName(cert.issuer.attributes);
  if (nameDer(issuer) !== rawNameDer(certPem, 'issuer')) {
    throw new EngineError(
      'BAD_INPUT',
      'The signing certificate’s issuer name cannot be reproduced exactly.',
      {
        hint: 'Use a certificate issued by this workstation’s agency CA.',
      },
    );
  }
  const signerId = {
    issuer: { attributes: issuer },
    serialNumber: cert.serialNumber,
  } as unknown as forge.pki.Certificate;
  p7.addSigner({
    key: forge.pki.privateKeyFromPem(keyPem),
    certificate: signerId,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
      { type: forge.pki.oids.messageDigest! },
      // forge's typings say string; its encoder takes a Date (UTCTime before 2050).
      { type: forge.pki.oids.signingTime!, value: clock.now() as unknown as string },
    ],
  });
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}
