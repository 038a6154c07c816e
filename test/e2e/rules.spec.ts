import { canonicalJson, sha256Hex } from '../../src/modules/ledger/ledger-hash';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { asUser, DEMO_ADMIN, demoClusterId, head, officer, SECRETARIAT } from '../utils/signed-in';

const OTHER_SECRETARIAT = 'thuky2@thidua.local';

interface Version {
  id: string;
  number: number;
  title: string;
  status: string;
  replacesId: string | null;
  adoptedAt: string | null;
  maxPoints: number;
  content: Record<string, unknown>;
  version: number;
  contentDigest: string;
  approval: { requestId: string; state: string; round: number; approvalsRequired: number; version: number };
}

/**
 * The reward rules of the demo cluster (7 member units) through HTTP only: drafted by the
 * secretariat, proposed, rejected by a head with a comment, revised, adopted by 5 of 7 heads
 * (k = ⌈2/3 × 7⌉), then immutable — in the API and in the database — and amended.
 */
describe('reward rules: draft, reject, revise, adopt k of n, amend', () => {
  let t: TestApp;
  let clusterId: string;
  let v1: Version;

  const getVersion = async (id: string) =>
    (await t.http.get(`${API}/rules-versions/${id}`).set(await asUser(t, officer('son-la')))).body as Version;
  const act = async (email: string, requestId: string, transition: string, comment?: string) =>
    t.http
      .post(`${API}/approvals/${requestId}/acts`)
      .set(await asUser(t, email))
      .send({ transition, ...(comment ? { comment } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    clusterId = await demoClusterId(t, SECRETARIAT);
  });
  afterAll(() => t.close());

  it('serves the documented defaults to anyone signed in', async () => {
    const res = await t.http
      .get(`${API}/clusters/${clusterId}/rules-defaults`)
      .set(await asUser(t, officer('lai-chau')));
    expect(res.status).toBe(200);
    expect(res.body.maxPoints).toBe(100);
    expect(res.body.content.voting).toMatchObject({
      quorum: 2 / 3,
      awardQuorum: 0.8,
      passingThreshold: 0.8,
      thresholdBase: 'all_members',
      maxBallotsPerRound: 2,
      tieBreak: ['higher_final_score', 'women_led_unit', 'recorded_draw'],
    });
    expect(res.body.content.awardCategories.map((c: { level: string }) => c.level)).toEqual([
      'government_flag',
      'alliance_flag',
      'certificate_of_merit',
    ]);
    expect(res.body.content.leaderRotation).toEqual({ outgoingLeaderEligible: false });
    expect(res.body.content.adoptionApprovals).toBeNull();
  });

  it('refuses drafting to a head (no permission) and to the secretariat of another cluster', async () => {
    const byHead = await t.http
      .post(`${API}/clusters/${clusterId}/rules-versions`)
      .set(await asUser(t, head('son-la')))
      .send({ title: 'Quy chế' });
    expect({ status: byHead.status, code: byHead.body.code }).toEqual({ status: 403, code: 'forbidden' });

    const other = await t.http
      .post(`${API}/clusters`)
      .set(await asUser(t, DEMO_ADMIN))
      .send({ code: 'cum-khac', name: 'Cụm khác' });
    const elsewhere = await t.http
      .post(`${API}/clusters/${other.body.id}/rules-versions`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Quy chế' });
    expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({
      status: 403,
      code: 'rules_draft_forbidden',
    });
  });

  it('the secretariat drafts version 1 from the defaults; adoption needs 5 of the 7 heads', async () => {
    const res = await t.http
      .post(`${API}/clusters/${clusterId}/rules-versions`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: '  Quy chế khen thưởng Cụm thi đua năm 2012 ' });
    expect(res.status).toBe(201);
    v1 = res.body;
    expect(res.body).toMatchObject({
      clusterId,
      number: 2, // the demo data holds version 1, the 2011 rules
      title: 'Quy chế khen thưởng Cụm thi đua năm 2012',
      status: 'draft',
      replacesId: null,
      adoptedAt: null,
      maxPoints: 100,
      version: 1,
      approval: { state: 'draft', round: 1, approvalsRequired: 5 },
    });
    expect(res.body.content.scoring.criteria.map((c: { maxPoints: number }) => c.maxPoints)).toEqual([30, 45, 25]);
  });

  it('is proposed by the secretariat; a head rejects it, but only with a comment', async () => {
    const proposed = await act(SECRETARIAT, v1.approval.requestId, 'propose');
    expect(proposed.status).toBe(200);
    expect(proposed.body.state).toBe('proposed');
    expect((await getVersion(v1.id)).status).toBe('proposed');

    const whileProposed = await t.http
      .patch(`${API}/rules-versions/${v1.id}`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Sửa khi đang trình', expectedVersion: 2 });
    expect({ status: whileProposed.status, code: whileProposed.body.code }).toEqual({
      status: 409,
      code: 'rules_version_not_draft',
    });

    const silent = await act(head('son-la'), v1.approval.requestId, 'reject');
    expect({ status: silent.status, code: silent.body.code }).toEqual({ status: 400, code: 'comment_required' });

    const rejected = await act(
      head('son-la'),
      v1.approval.requestId,
      'reject',
      'Tiêu chí B3 cần tách riêng hiệu quả của tổ hợp tác.',
    );
    expect(rejected.status).toBe(200);
    const back = await getVersion(v1.id);
    expect(back.status).toBe('draft');
    expect(back.approval).toMatchObject({ state: 'draft', round: 2, approvalsRequired: 5 });
  });

  it('the secretariat revises the draft, naming the version it read', async () => {
    const current = await getVersion(v1.id);
    const content = structuredClone(current.content) as {
      scoring: { criteria: { children: { code: string; name: string; maxPoints: number }[] }[] };
    };
    content.scoring.criteria[1].children[2] = { code: 'B3', name: 'Hiệu quả của hợp tác xã thành viên', maxPoints: 10 };
    content.scoring.criteria[1].children.push({ code: 'B4', name: 'Hiệu quả của tổ hợp tác', maxPoints: 5 });

    const { etag } = await expectStaleVersionsRefused(
      'rules_version',
      async () => t.http.get(`${API}/rules-versions/${v1.id}`).set(await asUser(t, OTHER_SECRETARIAT)),
      async (precondition) => {
        const { headers, body } = withPrecondition(precondition, { content });
        return t.http
          .patch(`${API}/rules-versions/${v1.id}`)
          .set(await asUser(t, OTHER_SECRETARIAT))
          .set(headers)
          .send(body);
      },
    );

    const revised = await t.http
      .patch(`${API}/rules-versions/${v1.id}`)
      .set(await asUser(t, OTHER_SECRETARIAT))
      .set('If-Match', etag)
      .send({ content });
    expect(revised.status).toBe(200);
    expect(revised.body.version).toBe(current.version + 1);
    expect(revised.body.maxPoints).toBe(100);
    expect(revised.body.content.scoring.criteria[1].children.map((c: { code: string }) => c.code)).toEqual([
      'B1',
      'B2',
      'B3',
      'B4',
    ]);
  });

  it('proposed again, it stays proposed through 4 approvals and is adopted by the 5th', async () => {
    expect((await act(SECRETARIAT, v1.approval.requestId, 'propose')).status).toBe(200);
    for (const code of ['lai-chau', 'dien-bien', 'ha-giang', 'cao-bang']) {
      const res = await act(head(code), v1.approval.requestId, 'adopt');
      expect({ code, status: res.status, state: res.body.state }).toEqual({ code, status: 200, state: 'proposed' });
    }
    const before = await getVersion(v1.id);
    expect(before).toMatchObject({ status: 'proposed', adoptedAt: null });

    const fifth = await act(head('lao-cai'), v1.approval.requestId, 'adopt');
    expect(fifth.status).toBe(200);
    expect(fifth.body.state).toBe('adopted');

    const adopted = await getVersion(v1.id);
    expect(adopted.status).toBe('adopted');
    expect(adopted.approval.state).toBe('adopted');
    expect(Date.parse(adopted.adoptedAt!)).not.toBeNaN();
    // The digest covers the content as stored, parents' maxima included.
    expect(adopted.contentDigest).toBe(sha256Hex(canonicalJson(adopted.content)));
    v1 = adopted;
  });

  it('an adopted version is refused when edited — by the API and by the database itself', async () => {
    const patch = await t.http
      .patch(`${API}/rules-versions/${v1.id}`)
      .set(await asUser(t, DEMO_ADMIN))
      .send({ title: 'Sửa sau khi thông qua', expectedVersion: v1.version });
    expect({ status: patch.status, code: patch.body.code }).toEqual({ status: 409, code: 'rules_version_not_draft' });

    await expect(
      t.dataSource.query(`UPDATE rules_versions SET title = 'Sửa trực tiếp' WHERE id = $1`, [v1.id]),
    ).rejects.toMatchObject({ driverError: { code: 'TD001' } });
    await expect(t.dataSource.query('DELETE FROM rules_versions WHERE id = $1', [v1.id])).rejects.toMatchObject({
      driverError: { code: 'TD001' },
    });
    const after = await getVersion(v1.id);
    expect({ title: after.title, contentDigest: after.contentDigest }).toEqual({
      title: 'Quy chế khen thưởng Cụm thi đua năm 2012',
      contentDigest: v1.contentDigest,
    });
  });

  it('an amendment copies the adopted version, is adopted in turn, and its k applies to the next draft', async () => {
    const draftV2 = await t.http
      .post(`${API}/clusters/${clusterId}/rules-versions`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Bản nháp khác' });
    const ofDraft = await t.http
      .post(`${API}/rules-versions/${draftV2.body.id}/amendments`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Sửa một bản nháp' });
    expect({ status: ofDraft.status, code: ofDraft.body.code }).toEqual({
      status: 409,
      code: 'amend_requires_adopted',
    });

    const amendment = await t.http
      .post(`${API}/rules-versions/${v1.id}/amendments`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Sửa đổi, bổ sung Quy chế khen thưởng năm 2012' });
    expect(amendment.status).toBe(201);
    expect(amendment.body).toMatchObject({ number: 4, status: 'draft', replacesId: v1.id, version: 1 });
    expect(amendment.body.content).toEqual(v1.content);
    expect(amendment.body.contentDigest).toBe(v1.contentDigest);

    // The amendment lowers k for later versions to 4 and fixes a rotation order.
    const content = { ...amendment.body.content, adoptionApprovals: 4 };
    content.leaderRotation = { outgoingLeaderEligible: false, fixedOrder: ['son-la', 'lang-son', 'lao-cai'] };
    const revised = await t.http
      .patch(`${API}/rules-versions/${amendment.body.id}`)
      .set(await asUser(t, SECRETARIAT))
      .send({ content, expectedVersion: 1 });
    expect(revised.status).toBe(200);

    const requestId = amendment.body.approval.requestId;
    expect(amendment.body.approval.approvalsRequired).toBe(5);
    expect((await act(SECRETARIAT, requestId, 'propose')).status).toBe(200);
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'lang-son']) {
      expect((await act(head(code), requestId, 'adopt')).status).toBe(200);
    }
    const adopted = await getVersion(amendment.body.id);
    expect(adopted).toMatchObject({ status: 'adopted', replacesId: v1.id });
    expect(adopted.contentDigest).not.toBe(v1.contentDigest);
    expect((await getVersion(v1.id)).status).toBe('adopted');

    const next = await t.http
      .post(`${API}/clusters/${clusterId}/rules-versions`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Quy chế năm 2013' });
    expect(next.body).toMatchObject({ number: 5, approval: { approvalsRequired: 4 } });

    const list = await t.http
      .get(`${API}/clusters/${clusterId}/rules-versions?status=adopted`)
      .set(await asUser(t, head('cao-bang')));
    expect(list.body.items.map((v: { number: number }) => v.number)).toEqual([1, 2, 4]);
    const all = await t.http
      .get(`${API}/clusters/${clusterId}/rules-versions?sort=-number`)
      .set(await asUser(t, DEMO_ADMIN));
    expect(all.body.items.map((v: { number: number }) => v.number)).toEqual([5, 4, 3, 2, 1]);
  });

  it('answers 404 for unknown versions and clusters', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const version = await t.http.get(`${API}/rules-versions/${missing}`).set(await asUser(t, SECRETARIAT));
    expect({ status: version.status, code: version.body.code }).toEqual({
      status: 404,
      code: 'rules_version_not_found',
    });
    const cluster = await t.http.get(`${API}/clusters/${missing}/rules-versions`).set(await asUser(t, SECRETARIAT));
    expect({ status: cluster.status, code: cluster.body.code }).toEqual({ status: 404, code: 'cluster_not_found' });
  });

  it('recorded every step in the ledger, which verifies', async () => {
    const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, officer('son-la')));
    expect(verify.body.valid).toBe(true);
    const rows = (await t.dataSource.query(
      `SELECT action, payload FROM ledger_entries WHERE action LIKE 'rules.%' AND NOT payload ? 'source' ORDER BY seq`,
    )) as { action: string; payload: { number: number; contentDigest: string } }[];
    expect(rows.map((r) => `${r.action} #${r.payload.number}`)).toEqual([
      'rules.version_drafted #2',
      'rules.version_revised #2',
      'rules.version_adopted #2',
      'rules.version_drafted #3',
      'rules.amendment_drafted #4',
      'rules.version_revised #4',
      'rules.version_adopted #4',
      'rules.version_drafted #5',
    ]);
    expect(rows[2].payload.contentDigest).toBe(v1.contentDigest);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'approvals.act_recorded' AND NOT payload ? 'source'`,
    )) as { n: number }[];
    // v1: propose, reject, propose, 5 adopts; the amendment: propose, 5 adopts.
    expect(n).toBe(14);
  });
});
