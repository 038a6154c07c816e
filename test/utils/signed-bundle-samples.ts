import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { entryHash, payloadDigest, sha256Hex } from '../../src/modules/ledger/ledger-hash';
import { canonicalDocument } from '../../src/modules/signatures/canonical-document';
import {
  SIGNED_BUNDLE_FORMAT,
  type BundleDocument,
  type BundleKey,
  type BundleLedgerEntry,
  type BundleSignature,
  type SignedBundle,
} from '../../src/modules/signatures/signed-bundle';

/*
 * Signed bundles made with Node's crypto and the ledger's own hashing, without a database: the
 * verifier's specs (src/verifier) check them and every kind of tampering.
 */

export interface Signer {
  userId: string;
  name: string;
  algorithm: 'ed25519' | 'ecdsa-p256';
  privateKey: KeyObject;
  key: BundleKey;
}

export function signer(name: string, algorithm: Signer['algorithm']): Signer {
  const { publicKey, privateKey } =
    algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const userId = randomUUID();
  return {
    userId,
    name,
    algorithm,
    privateKey,
    key: {
      fingerprint: sha256Hex(publicKey.export({ type: 'spki', format: 'der' })),
      userId,
      algorithm,
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      registeredAt: '2011-11-01T00:00:00.000Z',
      revokedAt: null,
      revocationReason: null,
    },
  };
}

/**
 * A pledge as the server would bundle it: two units' pledges (one signed by the head, one by a
 * delegate of the head) and the seal that references both, countersigned by the secretariat; the
 * ledger segment that recorded the three signatures, with an unrelated entry in between.
 */
export function buildBundle(): SignedBundle {
  const [unit1, unit2, cluster] = [randomUUID(), randomUUID(), randomUUID()];
  const head = signer('Nguyễn Văn Sơn', 'ed25519');
  const delegate = signer('Lò Thị Châu', 'ecdsa-p256');
  const headOfUnit2 = randomUUID();
  const secretary = signer('Hoàng Thư Ký', 'ed25519');
  const mandates = [
    { id: randomUUID(), userId: head.userId, role: 'head', unitId: unit1, clusterId: null },
    { id: randomUUID(), userId: headOfUnit2, role: 'head', unitId: unit2, clusterId: null },
    { id: randomUUID(), userId: secretary.userId, role: 'secretariat', unitId: null, clusterId: cluster },
  ].map((m) => ({ ...m, validFrom: '2011-01-01T00:00:00.000Z', validTo: null as string | null }));
  const delegation = {
    id: randomUUID(),
    unitId: unit2,
    delegatorId: headOfUnit2,
    delegateId: delegate.userId,
    validFrom: '2011-11-20T00:00:00.000Z',
    validTo: '2011-11-25T00:00:00.000Z',
    revokedAt: null,
  };

  const document = (kind: string, content: Record<string, unknown>): BundleDocument => ({
    id: randomUUID(),
    kind,
    subjectId: randomUUID(),
    ...canonicalDocument({ kind, ...content }),
  });
  const pledge1 = document('unit_pledge', { unitId: unit1, year: 2012, targets: { newCooperatives: '12' } });
  const pledge2 = document('unit_pledge', { unitId: unit2, year: 2012, targets: { newCooperatives: '7' } });
  const seal = document('pledge_seal', {
    year: 2012,
    references: [pledge1, pledge2].map((d) => ({ kind: d.kind, digest: d.digest })),
  });

  const ledgerEntries: BundleLedgerEntry[] = [];
  let prevHash = sha256Hex('the entry before the segment');
  const append = (action: string, actorId: string | null, payload: Record<string, unknown>) => {
    const seq = String(41 + ledgerEntries.length);
    const fields = {
      seq,
      occurredAt: new Date(Date.UTC(2011, 10, 21, 8, ledgerEntries.length)).toISOString(),
      actorId,
      action,
      subjectType: 'pledge',
      subjectId: seal.subjectId,
      payloadDigest: payloadDigest(payload),
      prevHash,
    };
    const entry = { ...fields, payload, hash: entryHash(fields) };
    ledgerEntries.push(entry);
    prevHash = entry.hash;
    return seq;
  };

  const signatures: BundleSignature[] = [];
  const signWith = (
    who: Signer,
    doc: BundleDocument,
    capacity: Pick<BundleSignature, 'capacity' | 'unitId' | 'mandateId' | 'delegationId'>,
    signedAt: string,
  ) => {
    const bytes = Buffer.from(doc.canonical, 'utf8');
    const signature = sign(who.algorithm === 'ed25519' ? null : 'sha256', bytes, who.privateKey).toString('base64');
    const id = randomUUID();
    const ledgerSeq = append('pledges.unit_pledge_signed', who.userId, {
      signatureId: id,
      documentId: doc.id,
      documentKind: doc.kind,
      digest: doc.digest,
      keyFingerprint: who.key.fingerprint,
      algorithm: who.algorithm,
      signature,
      ...capacity,
      signedAt,
    });
    signatures.push({
      id,
      documentId: doc.id,
      signerId: who.userId,
      signerName: who.name,
      ...capacity,
      keyFingerprint: who.key.fingerprint,
      algorithm: who.algorithm,
      signature,
      signedAt,
      ledgerSeq,
    });
  };

  signWith(
    head,
    pledge1,
    { capacity: 'unit_head', unitId: unit1, mandateId: mandates[0].id, delegationId: null },
    '2011-11-21T08:00:00.000Z',
  );
  append('approvals.act_recorded', randomUUID(), { note: 'something else happened in between' });
  signWith(
    delegate,
    pledge2,
    { capacity: 'unit_head', unitId: unit2, mandateId: mandates[1].id, delegationId: delegation.id },
    '2011-11-21T08:05:00.000Z',
  );
  signWith(
    secretary,
    seal,
    { capacity: 'secretariat', unitId: null, mandateId: mandates[2].id, delegationId: null },
    '2011-11-21T09:00:00.000Z',
  );

  return {
    format: SIGNED_BUNDLE_FORMAT,
    generatedAt: '2011-11-22T00:00:00.000Z',
    subject: { type: 'pledge', id: seal.subjectId },
    rootDocumentId: seal.id,
    documents: [pledge1, pledge2, seal],
    signatures,
    keys: [head.key, delegate.key, secretary.key],
    mandates,
    delegations: [delegation],
    ledgerEntries,
  };
}

/** The bundle with one byte of a base64 value changed (decoded, flipped, encoded again). */
export function flipBase64(value: string, index: number): string {
  const bytes = Buffer.from(value, 'base64');
  bytes[index] ^= 0x01;
  return bytes.toString('base64');
}

export function flipPem(pem: string, index: number): string {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const flipped = flipBase64(body, index);
  return `-----BEGIN PUBLIC KEY-----\n${flipped.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
}
