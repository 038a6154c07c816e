import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { buildBundle, flipBase64, flipPem } from '../../test/utils/signed-bundle-samples';
import { entryHash, payloadDigest, sha256Hex } from '../modules/ledger/ledger-hash';
import type { SignedBundle } from '../modules/signatures/signed-bundle';
import { verifyBundle as verifyWithNode } from './verify-bundle';
import { derToRaw, verifyBundle as verifyWithWebCrypto } from './verify-bundle-webcrypto';

/**
 * One set of rules, two sets of primitives (decision 036): Node's crypto for the command line,
 * WebCrypto for the `/verify` page (run here with Node's own WebCrypto; test/web/verify.spec.ts runs
 * it in Chromium). Every bundle, intact or tampered with, gets the same verdict from both, down to
 * each problem's sentence and kind.
 */
let bundle: SignedBundle;

beforeAll(() => {
  bundle = buildBundle();
});

function tampered(change: (bundle: SignedBundle) => void): SignedBundle {
  const copy = structuredClone(bundle);
  change(copy);
  return copy;
}

/** The P-256 signer's DER signature (as Node and openssl write it) written as r‖s (as WebCrypto makes it). */
function withRawSignature(b: SignedBundle): void {
  const index = b.signatures.findIndex((s) => s.algorithm === 'ecdsa-p256');
  const raw = derToRaw(Buffer.from(b.signatures[index].signature, 'base64'));
  b.signatures[index].signature = Buffer.from(raw!).toString('base64');
}

const RSA_PEM = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

const CASES: [string, () => unknown][] = [
  ['intact', () => bundle],
  [
    'a document with one byte changed',
    () => tampered((b) => (b.documents[0].canonical = b.documents[0].canonical.replace('"12"', '"13"'))),
  ],
  [
    'a document not in canonical form',
    () =>
      tampered((b) => {
        const pretty = JSON.stringify(JSON.parse(b.documents[1].canonical), null, 1);
        b.documents[1] = { ...b.documents[1], canonical: pretty, digest: sha256Hex(pretty) };
      }),
  ],
  [
    'an Ed25519 signature with one byte changed',
    () => tampered((b) => (b.signatures[0].signature = flipBase64(b.signatures[0].signature, 10))),
  ],
  [
    'a P-256 signature with one byte changed',
    () => tampered((b) => (b.signatures[1].signature = flipBase64(b.signatures[1].signature, 40))),
  ],
  ['a P-256 signature written as r‖s (its ledger entry no longer matching)', () => tampered(withRawSignature)],
  [
    'an Ed25519 key with one byte changed',
    () => tampered((b) => (b.keys[0].publicKeyPem = flipPem(b.keys[0].publicKeyPem, 20))),
  ],
  [
    'a P-256 key with one byte changed in its curve',
    () => tampered((b) => (b.keys[1].publicKeyPem = flipPem(b.keys[1].publicKeyPem, 20))),
  ],
  [
    'a P-256 key with one byte changed in its point',
    () => tampered((b) => (b.keys[1].publicKeyPem = flipPem(b.keys[1].publicKeyPem, 60))),
  ],
  ['an RSA key in place of a signer’s', () => tampered((b) => (b.keys[0].publicKeyPem = RSA_PEM))],
  [
    'a key that is not PEM',
    () => tampered((b) => (b.keys[2].publicKeyPem = '-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----')),
  ],
  ['a ledger payload changed', () => tampered((b) => (b.ledgerEntries[1].payload = { note: 'changed' }))],
  ['a ledger entry left out', () => tampered((b) => b.ledgerEntries.splice(1, 1))],
  [
    'a mandate ending before the signature',
    () => tampered((b) => (b.mandates[0].validTo = '2011-11-21T07:59:59.999Z')),
  ],
  [
    'a delegation revoked before the signature',
    () => tampered((b) => (b.delegations[0].revokedAt = '2011-11-21T08:04:00.000Z')),
  ],
  ['a key revoked before the signature', () => tampered((b) => (b.keys[0].revokedAt = '2011-11-21T07:00:00.000Z'))],
  ['a key registered to someone else', () => tampered((b) => (b.keys[0].userId = randomUUID()))],
  ['the root document left out', () => tampered((b) => b.documents.splice(2, 1))],
  ['an unknown capacity', () => tampered((b) => (b.signatures[0].capacity = 'witness'))],
  ['not a bundle', () => ({ format: 'thidua.signed-bundle/1', documents: [null], signatures: 'x' })],
  ['not an object', () => [1, 2]],
];

describe('the verifier with Node crypto and with WebCrypto', () => {
  it.each(CASES)('gives the same verdict on %s', async (_name, make) => {
    const input = make();
    const [node, web] = await Promise.all([verifyWithNode(input), verifyWithWebCrypto(input)]);
    expect(web).toEqual(node);
    if (_name === 'intact') expect(node.valid).toBe(true);
    else expect(node.valid).toBe(false);
    expect(node.issues).toHaveLength(node.problems.length);
  });

  it('accepts a P-256 signature written as r‖s when its ledger entry recorded it so', async () => {
    const b = structuredClone(bundle);
    withRawSignature(b);
    const index = b.signatures.findIndex((s) => s.algorithm === 'ecdsa-p256');
    const entry = b.ledgerEntries.find((e) => e.seq === b.signatures[index].ledgerSeq)!;
    // The entry's payload changes, so its digest and every hash after it must be recomputed.
    entry.payload = { ...entry.payload, signature: b.signatures[index].signature };
    let prevHash = b.ledgerEntries[0].prevHash;
    for (const e of b.ledgerEntries) {
      if (e.payload) e.payloadDigest = payloadDigest(e.payload);
      e.prevHash = prevHash;
      const { payload: _payload, hash: _hash, ...fields } = e;
      e.hash = entryHash(fields);
      prevHash = e.hash;
    }
    const [node, web] = await Promise.all([verifyWithNode(b), verifyWithWebCrypto(b)]);
    expect(node.problems).toEqual([]);
    expect(web).toEqual(node);
  });

  it('reads DER ECDSA signatures strictly, as OpenSSL does', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = sign('sha256', Buffer.from('x'), { key: privateKey, dsaEncoding: 'der' });
    expect(derToRaw(der)).toHaveLength(64);
    expect(derToRaw(Buffer.concat([der, Buffer.from([0])]))).toBeNull();
    expect(derToRaw(Buffer.from([0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01]))).toBeNull();
    expect(derToRaw(Buffer.from([0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01]))).toBeNull();
  });
});
