import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../src/modules/ledger/ledger-hash';
import { verifyBundle } from '../../src/verifier/verify-bundle';
import { responseViolations } from '../utils/openapi-conformance';
import { registerTestKey, type TestKeyKind, type TestSigner } from '../utils/pledge-signing';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { problem } from '../utils/problems';
import { asUser, demoClusterId, demoCycle2011Sql, head, officer, SECRETARIAT, unitIdsByCode } from '../utils/signed-in';

/**
 * Issue #6 through HTTP: the 2012 pledge of the demo cluster. The secretariat sets the shared
 * text, the 7 units' officers draft targets and their heads approve them, the heads register keys
 * (Ed25519 and P-256, one made and used by the `openssl` binary) and sign, the 2011 leader's head
 * (Lạng Sơn) countersigns, the pledge seals; then every edit is refused, by the API and by the
 * database, the bundle verifies offline and a tampered one does not, and the cycle moves on.
 */
describe('signed pledges', () => {
  let t: TestApp;
  let clusterId: string;
  let rulesV1: string;
  let cycleId: string;
  let pledgeId: string;
  const unitIds: Record<string, string> = {};
  const unitPledgeIds: Record<string, string> = {};
  const keys: Record<string, TestSigner> = {};
  const CODES = ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai', 'lang-son'];
  const KEY_KINDS: Record<string, TestKeyKind> = {
    'son-la': 'ed25519',
    'lai-chau': 'p256',
    'dien-bien': 'openssl-ed25519',
    'ha-giang': 'p256',
    'cao-bang': 'ed25519',
    'lao-cai': 'p256',
    'lang-son': 'ed25519',
  };
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  const targets = (newCooperatives = '20') => [
    { indicator: 'Số HTX thành lập mới', unitOfMeasure: 'HTX', targetValue: newCooperatives, baseline: '16' },
    { indicator: 'Số HTX thành viên kết nạp mới', unitOfMeasure: 'HTX', targetValue: '12' },
    { indicator: 'Vốn điều lệ tăng thêm', unitOfMeasure: 'triệu đồng', targetValue: '1269.5', baseline: null },
  ];

  async function insertCycle(year: number, rulesVersionId: string): Promise<string> {
    const [row] = (await t.dataSource.query(
      `INSERT INTO cycles (cluster_id, year, phase, rules_version_id) VALUES ($1, $2, 'pledge_signing', $3) RETURNING id`,
      [clusterId, year, rulesVersionId],
    )) as { id: string }[];
    return row.id;
  }

  const setTargets = async (code: string, body: unknown, email = officer(code)) =>
    t.http
      .put(`${API}/unit-pledges/${unitPledgeIds[code]}/targets`)
      .set(await asUser(t, email))
      .send(body as object);
  const getDocument = async (code: string, email = head(code)) =>
    t.http.get(`${API}/unit-pledges/${unitPledgeIds[code]}/document`).set(await asUser(t, email));
  const postSignature = async (code: string, body: object, email = head(code)) =>
    t.http
      .post(`${API}/unit-pledges/${unitPledgeIds[code]}/signatures`)
      .set(await asUser(t, email))
      .send(body);
  /** Fetches the document and signs exactly its canonical bytes. */
  async function sign(code: string, signer = keys[code], email = head(code)) {
    const document = await getDocument(code, email);
    expect(document.status).toBe(200);
    return postSignature(
      code,
      { digest: document.body.digest, signingKeyId: signer.keyId, signature: signer.sign(document.body.canonical) },
      email,
    );
  }
  async function act(unitPledgeId: string, email: string, transition: string) {
    const unitPledge = await t.http.get(`${API}/unit-pledges/${unitPledgeId}`).set(await asUser(t, SECRETARIAT));
    return t.http
      .post(`${API}/approvals/${unitPledge.body.approval.requestId}/acts`)
      .set(await asUser(t, email))
      .send({ transition });
  }
  const advance = async (to: string) =>
    t.http
      .post(`${API}/cycles/${cycleId}/advance`)
      .set(await asUser(t, SECRETARIAT))
      .send({ to });
  async function sealWith(signer: TestSigner, email: string, id = pledgeId) {
    const document = await t.http.get(`${API}/pledges/${id}/seal-document`).set(await asUser(t, email));
    return t.http
      .post(`${API}/pledges/${id}/seal`)
      .set(await asUser(t, email))
      .send({
        digest: document.body.digest ?? '0'.repeat(64),
        signingKeyId: signer.keyId,
        signature: document.body.canonical ? signer.sign(document.body.canonical) : 'AAAA',
      });
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    clusterId = await demoClusterId(t);
    Object.assign(unitIds, await unitIdsByCode(t, clusterId));
    const adopted = await t.http.get(`${API}/clusters/${clusterId}/rules-versions?status=adopted`).set(admin);
    rulesV1 = (adopted.body.items as { id: string; number: number }[]).find((v) => v.number === 1)!.id;
    // The pledge for 2012, signed (as in the source) at the end of 2011 under the adopted rules v1.
    cycleId = await insertCycle(2012, rulesV1);
    for (const code of CODES) keys[code] = await registerTestKey(t, head(code), KEY_KINDS[code]);
  });
  afterAll(async () => {
    for (const signer of Object.values(keys)) signer.dispose();
    await t.close();
  });

  describe('cluster leadership', () => {
    it('the demo data records Lạng Sơn, the 2011 host, as the 2011 leader — saying it is an assumption', async () => {
      const res = await t.http
        .get(`${API}/clusters/${clusterId}/leaderships`)
        .set(await asUser(t, 'daibieu.son-la@thidua.local'));
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          unit: expect.objectContaining({ code: 'lang-son' }),
          role: 'leader',
          termYear: 2011,
          basis: 'recorded',
          pollId: null,
          note: expect.stringContaining('Giả định'),
        }),
      ]);
    });

    it('the secretariat records a term; a second leader of it, a non-member unit and a head are refused', async () => {
      const record = async (body: object, email = SECRETARIAT) =>
        t.http
          .post(`${API}/clusters/${clusterId}/leaderships`)
          .set(await asUser(t, email))
          .send(body);
      const deputy = await record({ unitId: unitIds['son-la'], role: 'deputy', termYear: 2035, note: 'Thử nghiệm' });
      expect(deputy.status).toBe(201);
      expect(deputy.body).toMatchObject({
        role: 'deputy',
        termYear: 2035,
        basis: 'recorded',
        unit: { code: 'son-la' },
      });
      expect(problem(await record({ unitId: unitIds['lai-chau'], role: 'leader', termYear: 2011 }))).toEqual({
        status: 409,
        code: 'leadership_exists',
      });
      const national = (await t.http.get(`${API}/units?q=lmhtx-viet-nam`).set(await asUser(t, SECRETARIAT))).body
        .items[0];
      expect(problem(await record({ unitId: national.id, role: 'leader', termYear: 2036 }))).toEqual({
        status: 422,
        code: 'leadership_unit_not_member',
      });
      expect(
        problem(await record({ unitId: unitIds['son-la'], role: 'leader', termYear: 2036 }, head('son-la'))),
      ).toEqual({ status: 403, code: 'forbidden' });
      const raw = t.dataSource.query(`UPDATE cluster_leaderships SET term_year = 2037 WHERE id = $1`, [deputy.body.id]);
      await expect(raw).rejects.toMatchObject({ driverError: expect.objectContaining({ code: 'TD001' }) });
    });
  });

  describe('the pledge and its targets', () => {
    it('the secretariat creates version 1: a draft for each of the 7 member units, each with its approval request', async () => {
      const refused = await t.http
        .post(`${API}/cycles/${cycleId}/pledges`)
        .set(await asUser(t, head('son-la')))
        .send({ sharedText: 'Không được' });
      expect(problem(refused)).toEqual({ status: 403, code: 'forbidden' });

      const res = await t.http
        .post(`${API}/cycles/${cycleId}/pledges`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: '  Các Liên minh HTX tỉnh cam kết thi đua hoàn thành thắng lợi nhiệm vụ năm 2012.  ' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        cycleId,
        clusterId,
        number: 1,
        current: true,
        status: 'open',
        sharedText: 'Các Liên minh HTX tỉnh cam kết thi đua hoàn thành thắng lợi nhiệm vụ năm 2012.',
        rulesVersionId: rulesV1,
        amendmentReason: null,
        seal: null,
      });
      expect(res.body.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual([...CODES].sort());
      expect(new Set(res.body.units.map((u: { status: string }) => u.status))).toEqual(new Set(['draft']));
      pledgeId = res.body.id;
      for (const unit of res.body.units as { unitPledgeId: string; unit: { code: string } }[]) {
        unitPledgeIds[unit.unit.code] = unit.unitPledgeId;
      }
      const request = await t.http
        .get(`${API}/unit-pledges/${unitPledgeIds['son-la']}`)
        .set(await asUser(t, officer('son-la')));
      expect(request.body).toMatchObject({ status: 'draft', targets: [], approval: { state: 'draft' } });

      const again = await t.http
        .post(`${API}/cycles/${cycleId}/pledges`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: 'Lần hai' });
      expect(problem(again)).toEqual({ status: 409, code: 'pledge_exists' });
    });

    it('refuses a pledge for a cycle past pledge signing (the 2011 cycle is at voting)', async () => {
      const { cycleId: cycle2011 } = await demoCycle2011Sql(t.dataSource);
      const res = await t.http
        .post(`${API}/cycles/${cycle2011}/pledges`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: 'Quá muộn' });
      expect(problem(res)).toEqual({ status: 409, code: 'pledge_cycle_phase' });
    });

    it("only the unit's officer or head sets its targets; values are exact decimal strings", async () => {
      expect(problem(await setTargets('lai-chau', { targets: targets() }, officer('son-la')))).toEqual({
        status: 403,
        code: 'pledge_draft_forbidden',
      });
      expect(problem(await setTargets('son-la', { targets: targets() }, 'daibieu.son-la@thidua.local'))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      for (const bad of [
        [{ ...targets()[0], targetValue: '-1' }],
        [{ ...targets()[0], targetValue: '1.234' }],
        [{ ...targets()[0], targetValue: 20 }],
        [],
      ]) {
        expect(problem(await setTargets('son-la', { targets: bad }))).toEqual({
          status: 400,
          code: 'validation_failed',
        });
      }
      for (const code of CODES) expect((await setTargets(code, { targets: targets() })).status).toBe(200);
      const { version, etag } = await expectStaleVersionsRefused(
        'unit_pledge',
        async () =>
          t.http.get(`${API}/unit-pledges/${unitPledgeIds['son-la']}`).set(await asUser(t, officer('son-la'))),
        async (precondition) => {
          const { headers, body } = withPrecondition(precondition, { targets: targets('30') });
          return t.http
            .put(`${API}/unit-pledges/${unitPledgeIds['son-la']}/targets`)
            .set(await asUser(t, officer('son-la')))
            .set(headers)
            .send(body);
        },
      );
      const replaced = await t.http
        .put(`${API}/unit-pledges/${unitPledgeIds['son-la']}/targets`)
        .set(await asUser(t, officer('son-la')))
        .set('If-Match', etag)
        .send({ targets: targets('25'), expectedVersion: version });
      expect(replaced.status).toBe(200);
      expect(replaced.body.version).toBe(version + 1);
      expect(replaced.body.targets).toEqual([
        expect.objectContaining({ position: 1, targetValue: '25.00', baseline: '16.00' }),
        expect.objectContaining({ position: 2, targetValue: '12.00', baseline: null }),
        expect.objectContaining({ position: 3, targetValue: '1269.50', unitOfMeasure: 'triệu đồng' }),
      ]);
    });

    it("drafts are the unit's own: another unit's officer may not read them, nor is there a document to sign", async () => {
      const other = await t.http
        .get(`${API}/unit-pledges/${unitPledgeIds['son-la']}`)
        .set(await asUser(t, officer('lai-chau')));
      expect(problem(other)).toEqual({ status: 403, code: 'pledge_not_visible' });
      expect(problem(await getDocument('son-la'))).toEqual({ status: 409, code: 'pledge_targets_not_approved' });
      const early = await postSignature('son-la', {
        digest: '0'.repeat(64),
        signingKeyId: keys['son-la'].keyId,
        signature: keys['son-la'].sign('x'),
      });
      expect(problem(early)).toEqual({ status: 409, code: 'pledge_targets_not_approved' });
    });

    it('officers submit and heads approve; submitted targets no longer change', async () => {
      for (const code of CODES) {
        expect((await act(unitPledgeIds[code], officer(code), 'submit')).status).toBe(200);
      }
      expect(problem(await setTargets('son-la', { targets: targets() }))).toEqual({
        status: 409,
        code: 'pledge_targets_not_draft',
      });
      // Another unit's head does not even see the request of a unit's draft (docs/read-model.md).
      expect(problem(await act(unitPledgeIds['son-la'], head('lai-chau'), 'approve'))).toEqual({
        status: 403,
        code: 'approval_not_visible',
      });
      for (const code of CODES) expect((await act(unitPledgeIds[code], head(code), 'approve')).status).toBe(200);
      const approved = await t.http.get(`${API}/pledges/${pledgeId}`).set(await asUser(t, SECRETARIAT));
      expect(new Set(approved.body.units.map((u: { status: string }) => u.status))).toEqual(new Set(['approved']));
    });
  });

  describe('signing', () => {
    it('serves the canonical document: RFC 8785 JSON of the shared text, unit, targets, cycle, rules and version', async () => {
      const res = await getDocument('son-la', officer('lai-chau'));
      expect(res.status).toBe(200);
      // The shape of every signable document; nobody has signed these bytes yet.
      expect(res.body).toMatchObject({
        kind: 'unit_pledge',
        subjectId: unitPledgeIds['son-la'],
        documentId: null,
        signatures: [],
      });
      expect(res.body.content).toEqual({
        type: 'thidua.unit-pledge',
        formatVersion: 1,
        cluster: { id: clusterId, code: 'bien-gioi-phia-bac', name: expect.any(String) },
        cycle: { id: cycleId, year: 2012 },
        rulesVersion: { id: rulesV1, number: 1 },
        pledge: { id: pledgeId, version: 1 },
        sharedText: 'Các Liên minh HTX tỉnh cam kết thi đua hoàn thành thắng lợi nhiệm vụ năm 2012.',
        unit: { id: unitIds['son-la'], code: 'son-la', name: 'Liên minh Hợp tác xã tỉnh Sơn La' },
        targets: [
          {
            position: 1,
            indicator: 'Số HTX thành lập mới',
            unitOfMeasure: 'HTX',
            targetValue: '25.00',
            baseline: '16.00',
          },
          {
            position: 2,
            indicator: 'Số HTX thành viên kết nạp mới',
            unitOfMeasure: 'HTX',
            targetValue: '12.00',
            baseline: null,
          },
          {
            position: 3,
            indicator: 'Vốn điều lệ tăng thêm',
            unitOfMeasure: 'triệu đồng',
            targetValue: '1269.50',
            baseline: null,
          },
        ],
      });
      expect(res.body.canonical).toBe(canonicalJson(res.body.content));
      expect(res.body.digest).toBe(sha256(res.body.canonical));
      // The served OpenAPI document types `content` exactly: no field missing, none undeclared.
      expect(await responseViolations(t, 'GET', `${API}/unit-pledges/{id}/document`, 200, res.body)).toEqual([]);
    });

    it('refuses a signature over a document that changed since it was fetched', async () => {
      const fetched = await getDocument('son-la');
      const sharedText = 'Các Liên minh HTX tỉnh cam kết thi đua hoàn thành xuất sắc nhiệm vụ năm 2012.';
      const { version, etag } = await expectStaleVersionsRefused(
        'pledge',
        async () => t.http.get(`${API}/pledges/${pledgeId}`).set(await asUser(t, SECRETARIAT)),
        async (precondition) => {
          const { headers, body } = withPrecondition(precondition, { sharedText });
          return t.http
            .put(`${API}/pledges/${pledgeId}`)
            .set(await asUser(t, SECRETARIAT))
            .set(headers)
            .send(body);
        },
      );
      const edited = await t.http
        .put(`${API}/pledges/${pledgeId}`)
        .set(await asUser(t, SECRETARIAT))
        .set('If-Match', etag)
        .send({ sharedText, expectedVersion: version });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ number: 1, version: version + 1 });
      const stale = await postSignature('son-la', {
        digest: fetched.body.digest,
        signingKeyId: keys['son-la'].keyId,
        signature: keys['son-la'].sign(fetched.body.canonical),
      });
      expect(problem(stale)).toEqual({ status: 409, code: 'document_digest_mismatch' });
      expect(stale.body.currentDigest).toBe((await getDocument('son-la')).body.digest);
    });

    it("refuses a key that is not the caller's, and a person without the head mandate (the officer)", async () => {
      expect(problem(await sign('son-la', keys['lai-chau']))).toEqual({ status: 403, code: 'signing_key_not_yours' });
      const officerKey = await registerTestKey(t, officer('son-la'), 'ed25519');
      expect(problem(await sign('son-la', officerKey, officer('son-la')))).toEqual({
        status: 403,
        code: 'signer_capacity_missing',
      });
      const garbage = await postSignature('son-la', {
        digest: (await getDocument('son-la')).body.digest,
        signingKeyId: keys['son-la'].keyId,
        signature: keys['son-la'].sign('not the document'),
      });
      expect(problem(garbage)).toEqual({ status: 422, code: 'signature_invalid' });
    });

    it('six heads sign — one with the openssl binary — and a second signature is refused', async () => {
      for (const code of CODES.filter((c) => c !== 'lao-cai')) {
        const res = await sign(code);
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
          status: 'signed',
          signature: {
            capacity: 'unit_head',
            unitId: unitIds[code],
            keyFingerprint: keys[code].fingerprint,
            algorithm: code === 'lai-chau' || code === 'ha-giang' ? 'ecdsa-p256' : 'ed25519',
            keyRevokedAt: null,
          },
        });
      }
      expect(problem(await sign('son-la'))).toEqual({ status: 409, code: 'unit_pledge_already_signed' });
      const stored = (await t.dataSource.query(
        `SELECT d.kind, d.digest FROM unit_pledges up JOIN signed_documents d ON d.id = up.signed_document_id
          WHERE up.id = $1`,
        [unitPledgeIds['dien-bien']],
      )) as { kind: string; digest: string }[];
      const signedDocument = (await getDocument('dien-bien')).body;
      expect(stored).toEqual([{ kind: 'unit_pledge', digest: signedDocument.digest }]);
      expect(signedDocument.documentId).toEqual(expect.any(String));
      expect(signedDocument.signatures).toEqual([
        expect.objectContaining({
          documentId: signedDocument.documentId,
          capacity: 'unit_head',
          unitId: unitIds['dien-bien'],
        }),
      ]);
    });

    it('a delegate of the head who has left the unit may not sign for it (the approval path refuses them too)', async () => {
      const [delegateUser] = (await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
        'daibieu.lao-cai@thidua.local',
      ])) as {
        id: string;
      }[];
      const delegation = await t.http
        .post(`${API}/delegations`)
        .set(await asUser(t, head('lao-cai')))
        .send({
          unitId: unitIds['lao-cai'],
          delegateId: delegateUser.id,
          validTo: new Date(Date.now() + 2 * 3600_000).toISOString(),
        });
      expect(delegation.status).toBe(201);
      // The delegate leaves the unit: their own mandate ends; the head's delegation is still on record.
      const [mandate] = (await t.dataSource.query(
        `SELECT id FROM mandates WHERE user_id = $1 AND unit_id = $2 AND valid_to IS NULL`,
        [delegateUser.id, unitIds['lao-cai']],
      )) as { id: string }[];
      const ended = await t.http
        .post(`${API}/mandates/${mandate.id}/end`)
        .set(await asUser(t, 'admin@thidua.local'))
        .send({ reason: 'Chuyển công tác' });
      expect(ended.status).toBe(200);
      const delegateKey = await registerTestKey(t, 'daibieu.lao-cai@thidua.local', 'ed25519');
      expect(problem(await sign('lao-cai', delegateKey, 'daibieu.lao-cai@thidua.local'))).toEqual({
        status: 403,
        code: 'signer_capacity_missing',
      });
      const pending = await t.http.get(`${API}/approvals/pending`).set(await asUser(t, 'daibieu.lao-cai@thidua.local'));
      expect(pending.status).toBe(200);
      expect(pending.body.total ?? pending.body.items.length).toBe(0);
      delegateKey.dispose();
    });

    it('after a signature: the targets and the shared text no longer change', async () => {
      expect(problem(await setTargets('son-la', { targets: targets() }))).toEqual({
        status: 409,
        code: 'pledge_targets_not_draft',
      });
      const pledge = await t.http.get(`${API}/pledges/${pledgeId}`).set(await asUser(t, SECRETARIAT));
      const edited = await t.http
        .put(`${API}/pledges/${pledgeId}`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: 'Đổi sau khi ký', expectedVersion: pledge.body.version });
      expect(problem(edited)).toEqual({ status: 409, code: 'pledge_has_signatures' });
    });

    it('refuses the seal while a unit has not signed, naming it; the cycle may not start the year either', async () => {
      const document = await t.http
        .get(`${API}/pledges/${pledgeId}/seal-document`)
        .set(await asUser(t, head('lang-son')));
      expect(problem(document)).toEqual({ status: 409, code: 'pledge_units_unsigned' });
      expect(document.body.missingUnits).toEqual([expect.objectContaining({ code: 'lao-cai' })]);
      expect(problem(await sealWith(keys['lang-son'], head('lang-son')))).toEqual({
        status: 409,
        code: 'pledge_units_unsigned',
      });

      const refused = await advance('in_progress');
      expect(problem(refused)).toEqual({ status: 409, code: 'cycle_gate_unmet' });
      expect(refused.body.unmet).toEqual([
        { gate: 'pledges.sealed', unitId: unitIds['lao-cai'], message: expect.stringContaining('Lào Cai') },
      ]);
      expect((await sign('lao-cai')).status).toBe(201);
      const stillRefused = await advance('in_progress');
      expect(stillRefused.body.unmet).toEqual([
        { gate: 'pledges.sealed', message: expect.stringContaining('awaits the countersignature') },
      ]);
    });
  });

  describe('sealing', () => {
    let revokedKey: TestSigner;

    it('refuses a head who does not lead the cluster, and a key revoked since it signed', async () => {
      expect(problem(await sealWith(keys['son-la'], head('son-la')))).toEqual({
        status: 403,
        code: 'signer_capacity_missing',
      });
      // Lạng Sơn's head signed the unit's pledge with this key, then revokes it: it signs nothing new.
      revokedKey = keys['lang-son'];
      const revoked = await t.http
        .post(`${API}/me/signing-keys/${revokedKey.keyId}/revoke`)
        .set(await asUser(t, head('lang-son')))
        .send({ reason: 'Thay thiết bị ký' });
      expect(revoked.status).toBe(200);
      expect(problem(await sealWith(revokedKey, head('lang-son')))).toEqual({
        status: 409,
        code: 'signing_key_revoked',
      });
    });

    it("the 2011 leader's head (Lạng Sơn) countersigns with a new key: the pledge is sealed, its digest in the ledger", async () => {
      keys['lang-son'] = await registerTestKey(t, head('lang-son'), 'p256');
      const document = await t.http
        .get(`${API}/pledges/${pledgeId}/seal-document`)
        .set(await asUser(t, head('lang-son')));
      expect(document.status).toBe(200);
      const unitDigests = [];
      for (const code of [...CODES].sort()) {
        unitDigests.push({
          kind: 'unit_pledge',
          unitId: unitIds[code],
          unitCode: code,
          digest: (await getDocument(code)).body.digest,
        });
      }
      expect(document.body.content).toEqual({
        type: 'thidua.pledge-seal',
        formatVersion: 1,
        cluster: { id: clusterId, code: 'bien-gioi-phia-bac', name: expect.any(String) },
        cycle: { id: cycleId, year: 2012 },
        rulesVersion: { id: rulesV1, number: 1 },
        pledge: { id: pledgeId, version: 1 },
        sharedTextDigest: sha256('Các Liên minh HTX tỉnh cam kết thi đua hoàn thành xuất sắc nhiệm vụ năm 2012.'),
        references: unitDigests,
      });
      expect(await responseViolations(t, 'GET', `${API}/pledges/{id}/seal-document`, 200, document.body)).toEqual([]);

      const sealed = await sealWith(keys['lang-son'], head('lang-son'));
      expect(sealed.status).toBe(200);
      expect(sealed.body).toMatchObject({
        status: 'sealed',
        sealedAt: expect.any(String),
        seal: {
          capacity: 'cluster_leader_head',
          unitId: unitIds['lang-son'],
          digest: document.body.digest,
          keyFingerprint: keys['lang-son'].fingerprint,
        },
      });
      expect(new Set(sealed.body.units.map((u: { status: string }) => u.status))).toEqual(new Set(['signed']));
      const entries = await t.http
        .get(`${API}/ledger/entries?subjectType=pledge&subjectId=${pledgeId}&action=pledges.sealed`)
        .set(await asUser(t, SECRETARIAT));
      expect(entries.body.items).toHaveLength(1);
      expect(entries.body.items[0].payload).toMatchObject({
        sealDigest: document.body.digest,
        unitDigests: unitDigests.map(({ unitId, unitCode, digest }) => ({ unitId, unitCode, digest })),
        capacity: 'cluster_leader_head',
      });
      expect(problem(await sealWith(keys['lang-son'], head('lang-son')))).toEqual({
        status: 409,
        code: 'pledge_sealed',
      });
    });

    it('sealed, nothing changes: the API refuses, and so does the database', async () => {
      const pledge = await t.http.get(`${API}/pledges/${pledgeId}`).set(await asUser(t, SECRETARIAT));
      const edited = await t.http
        .put(`${API}/pledges/${pledgeId}`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: 'Sau niêm phong', expectedVersion: pledge.body.version });
      expect(problem(edited)).toEqual({ status: 409, code: 'pledge_sealed' });
      expect(problem(await setTargets('lao-cai', { targets: targets() }))).toEqual({
        status: 409,
        code: 'pledge_sealed',
      });
      for (const sql of [
        `UPDATE pledges SET shared_text = 'sửa lén' WHERE id = '${pledgeId}'`,
        `UPDATE unit_pledges SET status = 'approved', signed_document_id = NULL WHERE id = '${unitPledgeIds['son-la']}'`,
        `UPDATE pledge_targets SET target_value = 1 WHERE unit_pledge_id = '${unitPledgeIds['son-la']}'`,
        `DELETE FROM document_signatures WHERE document_id = '${pledge.body.sealDocumentId}'`,
        `UPDATE signed_documents SET canonical = '{}' WHERE id = '${pledge.body.sealDocumentId}'`,
      ]) {
        await expect(t.dataSource.query(sql)).rejects.toMatchObject({
          driverError: expect.objectContaining({ code: 'TD001' }),
        });
      }
    });
  });

  describe('verification without the server', () => {
    let bundle: Record<string, unknown> & { documents: { canonical: string }[]; keys: { revokedAt: string | null }[] };

    it("the bundle verifies offline, the revoked key's earlier signature included", async () => {
      const res = await t.http
        .get(`${API}/pledges/${pledgeId}/bundle`)
        .set(await asUser(t, 'daibieu.cao-bang@thidua.local'));
      expect(res.status).toBe(200);
      bundle = res.body;
      const result = await verifyBundle(bundle);
      expect(result.problems).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.checked).toMatchObject({ documents: 8, signatures: 8, validSignatures: 8, references: 7 });
      expect(bundle.rootDocumentId).toBe(
        (await t.http.get(`${API}/pledges/${pledgeId}`).set(await asUser(t, SECRETARIAT))).body.sealDocumentId,
      );
      expect(bundle.keys.filter((key) => key.revokedAt !== null)).toHaveLength(1);
      const langSon = result.signatures.find(
        (s) => s.documentId !== bundle.rootDocumentId && s.signerName.includes('Lạng Sơn'),
      );
      expect(langSon?.valid).toBe(true);
    });

    it('one byte changed and the bundle no longer verifies; the command line exits non-zero', async () => {
      const text = JSON.stringify(bundle);
      const at = text.indexOf('25.00');
      const tampered = `${text.slice(0, at)}26.00${text.slice(at + 5)}`;
      expect(tampered.length).toBe(text.length);
      const result = await verifyBundle(JSON.parse(tampered));
      expect(result.valid).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);

      const dir = mkdtempSync(join(tmpdir(), 'thidua-bundle-'));
      try {
        writeFileSync(join(dir, 'bundle.json'), text);
        writeFileSync(join(dir, 'tampered.json'), tampered);
        const run = (file: string) => {
          try {
            execFileSync(process.execPath, ['src/verifier/verify-bundle.js', join(dir, file)], { stdio: 'pipe' });
            return 0;
          } catch (error) {
            return (error as { status: number }).status;
          }
        };
        expect(run('bundle.json')).toBe(0);
        expect(run('tampered.json')).not.toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('after the seal', () => {
    it('the cycle enters in_progress', async () => {
      const moved = await advance('in_progress');
      expect(moved.status).toBe(200);
      expect(moved.body.phase).toBe('in_progress');
    });

    it('an amendment is version 2, with the targets copied into new drafts; version 1 stays readable and read-only', async () => {
      const amended = await t.http
        .post(`${API}/pledges/${pledgeId}/amendments`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: 'Giao ước sửa đổi sau sơ kết 6 tháng.', reason: 'Bổ sung chỉ tiêu theo sơ kết.' });
      expect(amended.status).toBe(201);
      expect(amended.body).toMatchObject({
        number: 2,
        current: true,
        status: 'open',
        amendmentReason: 'Bổ sung chỉ tiêu theo sơ kết.',
      });
      const sonLa2 = amended.body.units.find((u: { unit: { code: string } }) => u.unit.code === 'son-la');
      const copied = await t.http
        .get(`${API}/unit-pledges/${sonLa2.unitPledgeId}`)
        .set(await asUser(t, officer('son-la')));
      expect(copied.body).toMatchObject({ status: 'draft', pledgeNumber: 2, current: true });
      expect(copied.body.targets.map((target: { targetValue: string }) => target.targetValue)).toEqual([
        '25.00',
        '12.00',
        '1269.50',
      ]);

      const versions = await t.http
        .get(`${API}/cycles/${cycleId}/pledges`)
        .set(await asUser(t, 'daibieu.son-la@thidua.local'));
      expect(
        versions.body.items.map((v: { number: number; current: boolean; status: string }) => [
          v.number,
          v.current,
          v.status,
        ]),
      ).toEqual([
        [2, true, 'open'],
        [1, false, 'sealed'],
      ]);
      const old = await t.http.get(`${API}/pledges/${pledgeId}`).set(await asUser(t, SECRETARIAT));
      const edited = await t.http
        .put(`${API}/pledges/${pledgeId}`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: 'Sửa bản cũ', expectedVersion: old.body.version });
      expect(problem(edited)).toEqual({ status: 409, code: 'pledge_not_current' });
      const again = await t.http
        .post(`${API}/pledges/${amended.body.id}/amendments`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: 'Lại sửa', reason: 'Chưa ai ký' });
      expect(problem(again)).toEqual({ status: 409, code: 'pledge_amendment_not_needed' });
    });
  });

  describe('who countersigns', () => {
    async function pledgeFor(year: number, rulesVersionId: string): Promise<string> {
      const cycle = await insertCycle(year, rulesVersionId);
      const res = await t.http
        .post(`${API}/cycles/${cycle}/pledges`)
        .set(await asUser(t, SECRETARIAT))
        .send({ sharedText: `Giao ước năm ${year}` });
      expect(res.status).toBe(201);
      return res.body.id;
    }

    it('no leader recorded for the year (nor the year before): 409 cluster_leader_unknown, saying what to do', async () => {
      const id = await pledgeFor(2031, rulesV1);
      const res = await sealWith(keys['lang-son'], head('lang-son'), id);
      expect(problem(res)).toEqual({ status: 409, code: 'cluster_leader_unknown' });
      expect(res.body.detail).toContain('/leaderships');
    });

    it('rules that have the secretariat countersign refuse a head', async () => {
      const [admin] = (await t.dataSource.query(`SELECT id FROM users WHERE email = 'admin@thidua.local'`)) as {
        id: string;
      }[];
      const [rules] = (await t.dataSource.query(
        `INSERT INTO rules_versions (cluster_id, number, title, status, content, content_digest, created_by, adopted_at)
         SELECT cluster_id, 90, 'Quy chế: thư ký ký niêm phong', 'adopted',
                content || '{"pledge": {"countersignedBy": "secretariat"}}'::jsonb, 'x', $2, now()
           FROM rules_versions WHERE id = $1 RETURNING id`,
        [rulesV1, admin.id],
      )) as { id: string }[];
      const id = await pledgeFor(2033, rules.id);
      const res = await sealWith(keys['lang-son'], head('lang-son'), id);
      expect(problem(res)).toEqual({ status: 403, code: 'signer_capacity_missing' });
      expect(res.body.requiredCapacity).toBe('secretariat');
    });
  });

  it('every step is in a ledger that verifies', async () => {
    const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, SECRETARIAT));
    expect(verify.body.valid).toBe(true);
    const actions = await t.http
      .get(`${API}/ledger/entries?subjectType=unit_pledge&subjectId=${unitPledgeIds['dien-bien']}&pageSize=100`)
      .set(await asUser(t, SECRETARIAT));
    expect(actions.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['pledges.targets_set', 'pledges.targets_approved', 'pledges.unit_signed']),
    );
  });
});
