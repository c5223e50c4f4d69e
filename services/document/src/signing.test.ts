import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocumentConfig, signingSettings } from './config';
import {
  checkPdfSignature,
  createDocumentSigner,
  DEV_SIGNING_P12,
  DEV_SIGNING_PASSPHRASE,
  DEV_TRUST_ANCHORS,
  readTrustAnchors,
  SigningConfigError,
  type SigningSettings,
} from './signing';
import { renderDocument } from './pdf';
import { sampleRequest } from './pdf/test-fixtures';

const dev: SigningSettings = {
  defaultKey: { p12Path: DEV_SIGNING_P12, passphrase: DEV_SIGNING_PASSPHRASE },
  agencyKeys: {},
  trustAnchorsPath: DEV_TRUST_ANCHORS,
};

let dir: string;
/** A self-signed signing certificate nobody trusts, as PKCS#12 and PEM (openssl, like the bootstrap). */
let stranger: { p12: string; pem: string };

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'signing-'));
  stranger = { p12: path.join(dir, 'stranger.p12'), pem: path.join(dir, 'stranger.crt') };
  const key = path.join(dir, 'stranger.key');
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    stranger.pem,
    '-days',
    '30',
    '-subj',
    '/CN=Stranger',
  ]);
  openssl(['pkcs12', '-export', '-inkey', key, '-in', stranger.pem, '-out', stranger.p12, '-passout', 'pass:x']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdf = () =>
  renderDocument(sampleRequest(1), {
    number: '800.1.2.2/0001/BKD/2026',
    verificationCode: '7KQ2M9XHTD',
    verifyUrl: 'https://seleksi.example.go.id/verifikasi/7KQ2M9XHTD',
    issuedAt: new Date('2026-11-24T02:00:00Z'),
  });

describe('document signing', () => {
  it('signs with the development key and checks the signature against the development CA', async () => {
    const signed = await createDocumentSigner(dev).sign(await pdf(), 'KALTIM');
    expect(checkPdfSignature(signed, readTrustAnchors(DEV_TRUST_ANCHORS))).toMatchObject({
      status: 'VALID',
      signer: 'Pejabat Penandatangan Pengembangan',
    });
    expect(checkPdfSignature(await pdf(), readTrustAnchors(DEV_TRUST_ANCHORS)).status).toBe('MISSING');
  });

  it('calls a signature by a certificate outside the trust anchors UNTRUSTED', async () => {
    // The stranger's key trusted only by itself signs; the development CA does not know it.
    const own = createDocumentSigner({
      defaultKey: { p12Path: stranger.p12, passphrase: 'x' },
      agencyKeys: {},
      trustAnchorsPath: stranger.pem,
    });
    const signed = await own.sign(await pdf(), 'KALTIM');
    expect(own.check(signed).status).toBe('VALID');
    expect(checkPdfSignature(signed, readTrustAnchors(DEV_TRUST_ANCHORS))).toMatchObject({ status: 'UNTRUSTED' });
  });

  it("calls a signature by another certificate under the same trust anchors UNTRUSTED, unless it is a retired one of the issuer's", async () => {
    // Both certificates chain to an anchor (a national CA issues many); only the configured one is the issuer's.
    const anchors = path.join(dir, 'both.pem');
    writeFileSync(anchors, readFileSync(DEV_TRUST_ANCHORS, 'utf8') + readFileSync(stranger.pem, 'utf8'));
    const someoneElse = createDocumentSigner({
      defaultKey: { p12Path: stranger.p12, passphrase: 'x' },
      agencyKeys: {},
      trustAnchorsPath: anchors,
    });
    const signed = await someoneElse.sign(await pdf(), 'KALTIM');
    expect(checkPdfSignature(signed, readTrustAnchors(anchors))).toMatchObject({ status: 'VALID' });
    const issuer = createDocumentSigner({ ...dev, trustAnchorsPath: anchors });
    expect(issuer.check(signed)).toMatchObject({ status: 'UNTRUSTED', signer: 'Stranger' });
    expect(issuer.check(await issuer.sign(await pdf(), 'KALTIM')).status).toBe('VALID');
    // A key the issuer used before keeps its documents valid once listed as retired.
    const afterRotation = createDocumentSigner({ ...dev, trustAnchorsPath: anchors, retiredCertsPath: stranger.pem });
    expect(afterRotation.check(signed).status).toBe('VALID');
  });

  it('refuses to start with a key that is expired, untrusted, unreadable or locked by another passphrase', () => {
    const later = new Date(Date.now() + 10 * 365 * 86_400_000);
    expect(() => createDocumentSigner(dev, later)).toThrow(/expired/);
    expect(() => createDocumentSigner({ ...dev, defaultKey: { p12Path: stranger.p12, passphrase: 'x' } })).toThrow(
      /does not chain to a trust anchor/,
    );
    expect(() =>
      createDocumentSigner({ ...dev, defaultKey: { p12Path: path.join(dir, 'none.p12'), passphrase: '' } }),
    ).toThrow(/cannot be read/);
    expect(() => createDocumentSigner({ ...dev, defaultKey: { ...dev.defaultKey, passphrase: 'wrong' } })).toThrow(
      SigningConfigError,
    );
    expect(() =>
      createDocumentSigner({ ...dev, agencyKeys: { KALTIM: { p12Path: stranger.p12, passphrase: 'x' } } }),
    ).toThrow(/signing key of agency KALTIM/);
  });

  it('needs the key, its passphrase and the trust anchors configured in production; development has defaults', () => {
    expect(() => signingSettings(loadDocumentConfig({ NODE_ENV: 'production' }))).toThrow(
      /DOCUMENT_SIGNING_P12, DOCUMENT_SIGNING_PASSPHRASE, DOCUMENT_TRUST_ANCHORS/,
    );
    expect(signingSettings(loadDocumentConfig({}))).toEqual({ ...dev, retiredCertsPath: null });
    const agencies = loadDocumentConfig({
      DOCUMENT_SIGNING_AGENCIES: JSON.stringify({ KALTIM: { p12: '/run/secrets/kaltim.p12', passphrase: 'k' } }),
    });
    expect(signingSettings(agencies).agencyKeys).toEqual({
      KALTIM: { p12Path: '/run/secrets/kaltim.p12', passphrase: 'k' },
    });
    expect(() => loadDocumentConfig({ DOCUMENT_SIGNING_AGENCIES: '{"KALTIM": "x"}' })).toThrow(
      /DOCUMENT_SIGNING_AGENCIES/,
    );
  });
});
