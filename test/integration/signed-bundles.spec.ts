import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DocumentSigner } from '../../src/modules/signatures/document-signer.service';
import { SignedBundles } from '../../src/modules/signatures/signed-bundles.service';
import type { SignedDocumentKind } from '../../src/modules/signatures/signed-document.entity';
import {
  secretariatCapacity,
  signingTime,
  unitHeadCapacity,
  type SignerCapacity,
} from '../../src/modules/signatures/signer-capacity';
import { verifyBundle } from '../../src/verifier/verify-bundle';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser, demoClusterId, SECRETARIAT } from '../utils/signed-in';

/**
 * The bundle the server builds (SignedBundles over DocumentSigner's records) is what the offline
 * verifier checks: a unit head's signature, a delegate's signature for a head, and a secretariat
 * seal referencing both, from the real tables and ledger.
 */
describe('SignedBundles', () => {
  let t: TestApp;
  const HEAD = 'chutich.son-la@thidua.local';
  const OFFICER = 'canbo.son-la@thidua.local';
  const people: Record<string, { userId: string; keyId: string; privateKey: KeyObject }> = {};
  let unitId: string;
  let clusterId: string;
  const subjectId = '5b0f0c8e-6a53-4c1e-9a64-2f1d3c4b5a69';

  async function registerKey(email: string, algorithm: 'ed25519' | 'ec') {
    const { publicKey, privateKey } =
      algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const challenge = await t.http.post(`${API}/me/signing-keys/challenges`).set(await asUser(t, email));
    const proof = sign(algorithm === 'ed25519' ? null : 'sha256', Buffer.from(challenge.body.challenge), privateKey);
    const res = await t.http
      .post(`${API}/me/signing-keys`)
      .set(await asUser(t, email))
      .send({
        publicKey: publicKey.export({ type: 'spki', format: 'pem' }),
        challengeId: challenge.body.id,
        challengeSignature: proof.toString('base64'),
      });
    expect(res.status).toBe(201);
    people[email] = { userId: res.body.userId, keyId: res.body.id, privateKey };
  }

  /** Signs `content` as `email` through DocumentSigner, in one transaction, as a module would. */
  async function signAs(
    email: string,
    kind: SignedDocumentKind,
    content: Record<string, unknown>,
    capacityAt: (manager: EntityManager, signerId: string, at: Date) => Promise<SignerCapacity | null>,
  ): Promise<{ documentId: string; digest: string }> {
    const signer = t.app.get(DocumentSigner);
    const { userId, keyId, privateKey } = people[email];
    return t.dataSource.transaction(async (manager) => {
      const signedAt = await signingTime(manager);
      const capacity = await capacityAt(manager, userId, signedAt);
      expect(capacity).not.toBeNull();
      const { canonical, digest } = signer.document(content);
      const algorithm = privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
      const result = await signer.sign(manager, {
        signerId: userId,
        kind,
        subjectId,
        content,
        expectedDigest: digest,
        signingKeyId: keyId,
        signature: sign(algorithm, Buffer.from(canonical, 'utf8'), privateKey).toString('base64'),
        capacity: capacity!,
        signedAt,
        // The action a module signing this kind records; the subject is the test's own.
        ledger: {
          action: kind === 'pledge_seal' ? 'pledges.sealed' : 'elections.counting_record_signed',
          subjectType: 'test_subject',
          subjectId,
        },
      });
      return { documentId: result.document.id, digest };
    });
  }

  function build(documentIds: string[], rootDocumentId: string | null) {
    return t.dataSource.transaction((manager) =>
      t.app.get(SignedBundles).build(manager, { type: 'test_subject', id: subjectId }, documentIds, rootDocumentId),
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    clusterId = await demoClusterId(t);
    const units = await t.http.get(`${API}/units?clusterId=${clusterId}&pageSize=100`).set(admin);
    unitId = units.body.items.find((u: { code: string }) => u.code === 'son-la').id;
    await registerKey(HEAD, 'ed25519');
    await registerKey(OFFICER, 'ec');
    await registerKey(SECRETARIAT, 'ed25519');
  });
  afterAll(() => t.close());

  it('bundles documents, signatures, keys, mandates, the delegation and the ledger segment; the verifier accepts it', async () => {
    const delegation = await t.http
      .post(`${API}/delegations`)
      .set(await asUser(t, HEAD))
      .send({
        unitId,
        delegateId: people[OFFICER].userId,
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validTo: new Date(Date.now() + 86_400_000).toISOString(),
      });
    expect(delegation.status).toBe(201);

    const byHead = await signAs(HEAD, 'counting_record', { kind: 'counting_record', votes: 7 }, (m, id, at) =>
      unitHeadCapacity(m, id, unitId, at),
    );
    // Something else happens between two signatures (any action, on a subject outside the bundle): its ledger entry is in the segment.
    await t.dataSource.transaction((manager) =>
      t.app.get(LedgerService).append(manager, {
        actorId: people[SECRETARIAT].userId,
        action: 'meetings.meeting_updated',
        subjectType: 'test',
        subjectId: 'x',
        payload: { private: 'not for the bundle' },
      }),
    );
    const byDelegate = await signAs(OFFICER, 'counting_record', { kind: 'counting_record', votes: 8 }, (m, id, at) =>
      unitHeadCapacity(m, id, unitId, at),
    );
    const seal = await signAs(
      SECRETARIAT,
      'pledge_seal',
      {
        kind: 'pledge_seal',
        references: [byHead, byDelegate].map(({ digest }) => ({ kind: 'counting_record', digest })),
      },
      (m, id, at) => secretariatCapacity(m, id, clusterId, at),
    );

    const ids = [byHead.documentId, byDelegate.documentId, seal.documentId];
    const bundle = await build(ids, seal.documentId);
    expect(bundle.documents.map((d) => d.id)).toEqual(ids);
    expect(bundle.signatures.map((s) => s.signerName)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);
    expect(bundle.signatures[1]).toMatchObject({
      signerId: people[OFFICER].userId,
      algorithm: 'ecdsa-p256',
      capacity: 'unit_head',
      delegationId: delegation.body.id,
    });
    expect(bundle.delegations).toEqual([expect.objectContaining({ id: delegation.body.id, revokedAt: null })]);
    // The head's mandate serves the head and the delegate; the secretariat's the seal.
    expect(bundle.mandates).toHaveLength(2);
    const seqs = bundle.ledgerEntries.map((e) => Number(e.seq));
    expect(seqs[0]).toBe(Number(bundle.signatures[0].ledgerSeq));
    expect(seqs.at(-1)).toBe(Number(bundle.signatures[2].ledgerSeq));
    // Entries in between that recorded something else (the delegation) show no payload.
    const recording = new Set(bundle.signatures.map((s) => s.ledgerSeq));
    const others = bundle.ledgerEntries.filter((e) => !recording.has(e.seq));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((e) => e.payload === null)).toBe(true);
    expect(JSON.stringify(bundle)).not.toContain('not for the bundle');
    expect(bundle.ledgerEntries.filter((e) => recording.has(e.seq)).every((e) => e.payload !== null)).toBe(true);

    const result = await verifyBundle(JSON.parse(JSON.stringify(bundle)));
    expect(result.problems).toEqual([]);
    expect(result.checked).toMatchObject({ documents: 3, signatures: 3, validSignatures: 3, references: 2 });

    // Revoking a key afterwards leaves its earlier signature valid.
    const revoked = await t.http
      .post(`${API}/me/signing-keys/${people[HEAD].keyId}/revoke`)
      .set(await asUser(t, HEAD))
      .send({ reason: 'thay khóa mới' });
    expect(revoked.status).toBe(200);
    const later = await build(ids, seal.documentId);
    expect(later.keys.find((k) => k.userId === people[HEAD].userId)?.revokedAt).toBe(revoked.body.revokedAt);
    expect((await verifyBundle(JSON.parse(JSON.stringify(later)))).problems).toEqual([]);
  });

  it('builds an empty bundle for a subject with nothing signed', async () => {
    const bundle = await build([], null);
    expect(bundle).toMatchObject({ documents: [], signatures: [], keys: [], ledgerEntries: [], rootDocumentId: null });
    // Nothing signed is nothing proven: the verifier says so rather than "valid".
    expect(await verifyBundle(bundle)).toMatchObject({
      valid: false,
      problems: ['the bundle holds no signature: there is nothing to verify'],
    });
  });
});
