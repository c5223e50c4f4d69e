/**
 * PAdES signatures of issued documents: signed once at issue with the agency's PKCS#12 (@signpdf), checked at
 * verification against the configured trust anchors. A verification that only compared the stored SHA-256
 * would accept a forgery after a database edit of the hash; the signature can only be made with the key.
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import type { SignatureCheckDto } from '@seleksi/domain';

/** Where the bootstrap puts the development PKI (`.data/pki`, never committed). */
export const DEV_PKI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.data/pki');
export const DEV_SIGNING_P12 = path.join(DEV_PKI_DIR, 'dev-signing.p12');
export const DEV_SIGNING_PASSPHRASE = 'seleksi-dev';
export const DEV_TRUST_ANCHORS = path.join(DEV_PKI_DIR, 'dev-ca.crt');

/** Room for a CMS signature with a chain of a few certificates (bytes; the placeholder holds twice as many hex digits). */
const SIGNATURE_LENGTH = 8192;

/** Thrown at start-up when a signing certificate or the trust anchors cannot be used. */
export class SigningConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningConfigError';
  }
}

export interface SigningKeySource {
  p12Path: string;
  passphrase: string;
}

export interface SigningSettings {
  /** Used for every agency without its own key. */
  defaultKey: SigningKeySource;
  /** Agency code → its own PKCS#12. */
  agencyKeys: Record<string, SigningKeySource>;
  /** PEM file holding the CA certificates a signature must chain to. */
  trustAnchorsPath: string;
  /** PEM file of the issuer's earlier signing certificates, still accepted on documents they signed. */
  retiredCertsPath?: string | null;
}

/**
 * @signpdf's P12Signer, with the PKCS#12 opened once at start-up instead of at every signature (opening it
 * is most of the cost: key derivation in JavaScript). Same CMS: SHA-256, content type, signing time and
 * message digest as signed attributes, every certificate of the PKCS#12 embedded, detached.
 */
class OpenedKeySigner extends Signer {
  constructor(
    private readonly key: forge.pki.rsa.PrivateKey,
    private readonly certificate: forge.pki.Certificate,
    private readonly chain: forge.pki.Certificate[],
  ) {
    super();
  }

  override sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of this.chain) p7.addCertificate(cert);
    p7.addSigner({
      key: this.key,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        { type: forge.pki.oids.signingTime as string, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    return Promise.resolve(Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary'));
  }
}

interface LoadedKey {
  signer: Signer;
  /** The signing certificate's subject common name (the signature's /Name). */
  name: string;
  subject: string;
  /** SHA-256 fingerprint of the signing certificate (X509Certificate.fingerprint256). */
  fingerprint256: string;
}

export interface DocumentSigner {
  /** Signs a rendered PDF with `agencyCode`'s key; `signedAt` (default: now) is the CMS signing time. */
  sign(pdf: Buffer, agencyCode: string, signedAt?: Date): Promise<Buffer>;
  /** Checks the PDF's signature against the trust anchors. */
  check(pdf: Buffer): SignatureCheckDto;
}

const pem = (cert: forge.pki.Certificate) => new X509Certificate(forge.pki.certificateToPem(cert));
const cnOf = (subject: string) => /(?:^|\n)CN=([^\n]+)/.exec(subject)?.[1] ?? subject.replace(/\n/g, ', ');
const oneLine = (name: string) => name.split('\n').join(', ');

/** Reads every certificate of a PEM bundle. */
export function readTrustAnchors(file: string): X509Certificate[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SigningConfigError(`Trust anchors ${file} cannot be read: ${(err as Error).message}`);
  }
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new SigningConfigError(`Trust anchors ${file} hold no PEM certificate`);
  return blocks.map((b) => new X509Certificate(b));
}

/** The chain from `cert` up to a trust anchor, using the intermediates given; null when there is none. */
function chainToAnchor(cert: X509Certificate, intermediates: X509Certificate[], anchors: X509Certificate[]) {
  let current = cert;
  for (let depth = 0; depth < 8; depth++) {
    const anchor = anchors.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor) return anchor;
    if (anchors.some((a) => a.fingerprint256 === current.fingerprint256)) return current;
    const next = intermediates.find(
      (c) => c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c) && current.verify(c.publicKey),
    );
    if (!next || !next.ca) return null;
    current = next;
  }
  return null;
}

/** Opens a PKCS#12 and checks it: a key with its certificate, valid now, issued under a trust anchor. */
function loadKey(source: SigningKeySource, anchors: X509Certificate[], now: Date, label: string): LoadedKey {
  let bytes: Buffer;
  try {
    bytes = readFileSync(source.p12Path);
  } catch (err) {
    throw new SigningConfigError(`${label}: PKCS#12 ${source.p12Path} cannot be read: ${(err as Error).message}`);
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString('binary')), false, source.passphrase);
  } catch (err) {
    throw new SigningConfigError(
      `${label}: PKCS#12 ${source.p12Path} cannot be opened (wrong passphrase, or an encryption node-forge does not read — re-export with \`openssl pkcs12 -legacy\`): ${(err as Error).message}`,
    );
  }
  const KEY_BAG = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const CERT_BAG = forge.pki.oids.certBag as string;
  const keyBag = p12.getBags({ bagType: KEY_BAG })[KEY_BAG]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  const certs = (p12.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? [])
    .map((b: forge.pkcs12.Bag) => b.cert)
    .filter((c): c is forge.pki.Certificate => Boolean(c));
  if (!key) throw new SigningConfigError(`${label}: PKCS#12 ${source.p12Path} holds no private key`);
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!own) throw new SigningConfigError(`${label}: PKCS#12 ${source.p12Path} holds no certificate of its key`);
  const cert = pem(own);
  if (new Date(cert.validTo) <= now) {
    throw new SigningConfigError(`${label}: the signing certificate of ${source.p12Path} expired on ${cert.validTo}`);
  }
  if (new Date(cert.validFrom) > now) {
    throw new SigningConfigError(
      `${label}: the signing certificate of ${source.p12Path} is valid only from ${cert.validFrom}`,
    );
  }
  if (!chainToAnchor(cert, certs.map(pem), anchors)) {
    throw new SigningConfigError(
      `${label}: the signing certificate of ${source.p12Path} (${oneLine(cert.subject)}) does not chain to a trust anchor`,
    );
  }
  return {
    signer: new OpenedKeySigner(key, own, certs),
    name: cnOf(cert.subject),
    subject: oneLine(cert.subject),
    fingerprint256: cert.fingerprint256,
  };
}

const DIGESTS: Record<string, string> = {
  [forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1']: 'sha256',
  [forge.pki.oids.sha384 ?? '2.16.840.1.101.3.4.2.2']: 'sha384',
  [forge.pki.oids.sha512 ?? '2.16.840.1.101.3.4.2.3']: 'sha512',
  [forge.pki.oids.sha1 ?? '1.3.14.3.2.26']: 'sha1',
};

/** The last signature's ByteRange and CMS bytes, or null when the PDF carries none. */
function findSignature(pdf: Buffer): { range: number[]; cms: Buffer } | null {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return null;
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 120));
  if (!m) return null;
  const range = m.slice(1, 5).map(Number);
  const [start, len1, start2] = range as [number, number, number, number];
  const hex = text
    .slice(start + len1, start2)
    .replace(/^</, '')
    .replace(/>$/, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return { range, cms: Buffer.alloc(0) };
  return { range, cms: Buffer.from(hex, 'hex') };
}

const invalid = (reason: string, extra: Partial<SignatureCheckDto> = {}): SignatureCheckDto => ({
  status: 'INVALID',
  reason,
  signer: null,
  signerSubject: null,
  issuer: null,
  validFrom: null,
  validTo: null,
  signedAt: null,
  ...extra,
});

/**
 * Checks a PDF's (last) signature: it must cover the whole file, its message digest must match the covered
 * bytes, the CMS signature must verify with the signer's certificate, and that certificate must chain to a
 * trust anchor and be valid at the signing time.
 */
export function checkPdfSignature(
  pdf: Buffer,
  anchors: X509Certificate[],
  /**
   * Fingerprints of the issuer's own signing certificates. A trust anchor such as a national CA issues
   * certificates to many people; only these make a document the issuer's.
   */
  issuerCerts: ReadonlySet<string> | null = null,
): SignatureCheckDto {
  const found = findSignature(pdf);
  if (!found) return { ...invalid('The file carries no signature'), status: 'MISSING' };
  const [start, len1, start2, len2] = found.range as [number, number, number, number];
  if (start !== 0 || start2 + len2 !== pdf.length || start2 < len1) {
    return invalid('The signature does not cover the whole file');
  }
  const covered = Buffer.concat([pdf.subarray(0, len1), pdf.subarray(start2, start2 + len2)]);
  let msg: forge.pkcs7.PkcsSignedData;
  try {
    // The placeholder is zero-padded after the DER; parse only the CMS itself.
    const fromDer = forge.asn1.fromDer as unknown as (
      b: forge.util.ByteStringBuffer,
      o: { parseAllBytes: boolean },
    ) => forge.asn1.Asn1;
    const asn = fromDer(forge.util.createBuffer(found.cms.toString('binary')), { parseAllBytes: false });
    msg = forge.pkcs7.messageFromAsn1(asn) as forge.pkcs7.PkcsSignedData;
  } catch {
    return invalid('The signature cannot be read');
  }
  // signerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature
  const raw = (msg as unknown as { rawCapture?: { signerInfos?: forge.asn1.Asn1[] } }).rawCapture;
  const info = raw?.signerInfos?.[0];
  const parts = Array.isArray(info?.value) ? (info.value as forge.asn1.Asn1[]) : [];
  const [, sid, digestAlg, attrs, , sigValue] = parts;
  if (!sid || !digestAlg || !attrs || !sigValue || attrs.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC) {
    return invalid('The signature has no signed attributes');
  }
  const digestOid = forge.asn1.derToOid(((digestAlg.value as forge.asn1.Asn1[])[0]?.value as string) ?? '');
  const digest = DIGESTS[digestOid];
  if (!digest || digest === 'sha1') return invalid(`Unsupported digest algorithm ${digestOid}`);

  let messageDigest: Buffer | null = null;
  let signedAt: Date | null = null;
  for (const attr of attrs.value as forge.asn1.Asn1[]) {
    const [oidNode, set] = attr.value as forge.asn1.Asn1[];
    const oid = forge.asn1.derToOid((oidNode?.value as string) ?? '');
    const value = (set?.value as forge.asn1.Asn1[] | undefined)?.[0];
    if (!value) continue;
    if (oid === forge.pki.oids.messageDigest) messageDigest = Buffer.from(value.value as string, 'binary');
    if (oid === forge.pki.oids.signingTime) {
      signedAt =
        value.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(value.value as string)
          : forge.asn1.generalizedTimeToDate(value.value as string);
    }
  }
  // The signer: the certificate of the signer's serial number (a wrong pick fails the signature check below).
  const serialNode = (sid.value as forge.asn1.Asn1[])[1];
  const serialHex = forge.util.bytesToHex((serialNode?.value as string) ?? '').replace(/^0+/, '');
  const certs = msg.certificates.map((c) => ({ forge: c, x509: pem(c) }));
  const signerCert = certs.find(
    (c) => c.forge.serialNumber.replace(/^0+/, '').toLowerCase() === serialHex.toLowerCase(),
  )?.x509;
  if (!signerCert) return invalid('The signer certificate is missing from the signature');
  const about = {
    signer: cnOf(signerCert.subject),
    signerSubject: oneLine(signerCert.subject),
    issuer: oneLine(signerCert.issuer),
    validFrom: new Date(signerCert.validFrom).toISOString(),
    validTo: new Date(signerCert.validTo).toISOString(),
    signedAt: signedAt?.toISOString() ?? null,
  };

  if (!messageDigest || !messageDigest.equals(createHash(digest).update(covered).digest())) {
    return invalid('The file was changed after it was signed', about);
  }

  // The signature is over the DER of the signed attributes as a SET (RFC 5652 §5.4).
  const signedAttrsDer = Buffer.from(forge.asn1.toDer(attrs).getBytes(), 'binary');
  signedAttrsDer[0] = 0x31;
  const signature = Buffer.from(sigValue.value as string, 'binary');
  let ok = false;
  try {
    ok = verifySignature(digest, signedAttrsDer, signerCert.publicKey, signature);
  } catch {
    ok = false;
  }
  if (!ok) return invalid('The signature does not match its certificate', about);

  if (
    !chainToAnchor(
      signerCert,
      certs.map((c) => c.x509),
      anchors,
    )
  ) {
    return { ...invalid('The signer certificate is not issued by a trusted authority', about), status: 'UNTRUSTED' };
  }
  const when = signedAt ?? new Date();
  if (when < new Date(signerCert.validFrom) || when > new Date(signerCert.validTo)) {
    return invalid('The signer certificate was not valid at the signing time', about);
  }
  if (issuerCerts && !issuerCerts.has(signerCert.fingerprint256)) {
    return {
      ...invalid("The signer certificate is not one of the issuer's signing certificates", about),
      status: 'UNTRUSTED',
    };
  }
  return { status: 'VALID', reason: null, ...about };
}

/** Loads every configured key and the trust anchors; any problem is a start-up error. */
export function createDocumentSigner(settings: SigningSettings, now: Date = new Date()): DocumentSigner {
  const anchors = readTrustAnchors(settings.trustAnchorsPath);
  const defaultKey = loadKey(settings.defaultKey, anchors, now, 'default signing key');
  const agencyKeys = new Map(
    Object.entries(settings.agencyKeys).map(([code, source]) => [
      code,
      loadKey(source, anchors, now, `signing key of agency ${code}`),
    ]),
  );
  const issuerCerts = new Set([
    defaultKey.fingerprint256,
    ...[...agencyKeys.values()].map((k) => k.fingerprint256),
    ...(settings.retiredCertsPath ? readTrustAnchors(settings.retiredCertsPath).map((c) => c.fingerprint256) : []),
  ]);
  return {
    async sign(pdf, agencyCode, signedAt) {
      const key = agencyKeys.get(agencyCode) ?? defaultKey;
      const withPlaceholder = plainAddPlaceholder({
        pdfBuffer: pdf,
        reason: 'Dokumen resmi Seleksi JPT',
        contactInfo: '',
        name: key.name,
        location: 'Indonesia',
        signatureLength: SIGNATURE_LENGTH,
        subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      });
      return new SignPdf().sign(withPlaceholder, key.signer, signedAt);
    },
    check: (pdf) => checkPdfSignature(pdf, anchors, issuerCerts),
  };
}
