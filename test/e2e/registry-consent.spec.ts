import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { asUser } from '../utils/signed-in';

/**
 * Issue #12 §2: the registry cannot be used to mint voters or heads. Each attack of a secretariat
 * member (and of a unit's head beyond their unit) is refused with a clear code; the legitimate
 * paths work; and the database refuses two heads and two clusters when the code is bypassed.
 */
describe('registry: consent, one head, one cluster per parent body', () => {
  let t: TestApp;
  let clusterA: string;
  let clusterB: string;
  let nationalId: string;
  let sonLa: string;
  let dienBien: string;
  let unitX: string; // a member of cluster B
  let unitY: string; // a member of no cluster
  let headX: string;
  let headY: string;

  const userId = async (email: string) =>
    ((await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email])) as { id: string }[])[0].id;
  const unitId = async (code: string) =>
    ((await t.dataSource.query(`SELECT id FROM units WHERE code = $1`, [code])) as { id: string }[])[0].id;

  async function account(creator: string, email: string): Promise<string> {
    const res = await t.http
      .post(`${API}/users`)
      .set(await asUser(t, creator))
      .send({ email, fullName: email, locale: 'vi', password: DEMO_PASSWORD });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    clusterA = (await t.http.get(`${API}/clusters?q=bien-gioi`).set(admin)).body.items[0].id;
    nationalId = await unitId('lmhtx-viet-nam');
    sonLa = await unitId('son-la');
    dienBien = await unitId('dien-bien');
    clusterB = (
      await t.http.post(`${API}/clusters`).set(admin).send({ code: 'cum-b', name: 'Cụm B', parentUnitId: nationalId })
    ).body.id;
    unitX = (await t.http.post(`${API}/units`).set(admin).send({ code: 'unit-x', name: 'Liên minh HTX X' })).body.id;
    unitY = (await t.http.post(`${API}/units`).set(admin).send({ code: 'unit-y', name: 'Liên minh HTX Y' })).body.id;
    const admitted = await t.http
      .post(`${API}/clusters/${clusterB}/memberships`)
      .set(admin)
      .send({ unitId: unitX, joinedOn: '2011-01-01' });
    expect(admitted.status).toBe(201);
    headX = await account('admin@thidua.local', 'chutich.x@thidua.local');
    headY = await account('admin@thidua.local', 'chutich.y@thidua.local');
    for (const [userId, unitId] of [
      [headX, unitX],
      [headY, unitY],
    ]) {
      const granted = await t.http.post(`${API}/mandates`).set(admin).send({ userId, role: 'head', unitId });
      expect(granted.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  describe("a secretariat member's attacks", () => {
    const secretariat = () => asUser(t, 'thuky1@thidua.local');

    it("cannot admit another cluster's unit directly: 403 membership_change_forbidden", async () => {
      const res = await t.http
        .post(`${API}/clusters/${clusterA}/memberships`)
        .set(await secretariat())
        .send({ unitId: unitX, joinedOn: '2012-01-01' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'membership_change_forbidden' });
    });

    it('cannot rename a unit, a member of his cluster or not: 403 forbidden (units.manage)', async () => {
      for (const id of [unitX, sonLa]) {
        const res = await t.http
          .patch(`${API}/units/${id}`)
          .set(await secretariat())
          .send({ name: 'Đổi tên' });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'forbidden' });
      }
    });

    it('cannot grant himself head or delegate, nor a head to an account he creates: 403 forbidden', async () => {
      const me = await userId('thuky1@thidua.local');
      const created = await account('thuky1@thidua.local', 'bu-nhin@thidua.local');
      for (const body of [
        { userId: me, role: 'head', unitId: sonLa },
        { userId: me, role: 'delegate', unitId: sonLa },
        { userId: created, role: 'head', unitId: sonLa, validFrom: '2030-01-01T00:00:00+07:00' },
      ]) {
        const res = await t.http
          .post(`${API}/mandates`)
          .set(await secretariat())
          .send(body);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'forbidden' });
      }
    });

    it("cannot end another person's mandate: 403 forbidden", async () => {
      const [delegate] = (await t.dataSource.query(`SELECT id FROM mandates WHERE role = 'delegate' AND unit_id = $1`, [
        dienBien,
      ])) as { id: string }[];
      const res = await t.http
        .post(`${API}/mandates/${delegate.id}/end`)
        .set(await secretariat())
        .send({});
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'forbidden' });
    });

    it('cannot move his cluster under another parent body: 403 cluster_update_forbidden', async () => {
      const res = await t.http
        .patch(`${API}/clusters/${clusterA}`)
        .set(await secretariat())
        .send({ parentUnitId: sonLa });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'cluster_update_forbidden' });
    });

    it('cannot accept his own invitation for the unit: 403 forbidden (memberships.answer)', async () => {
      const invited = await t.http
        .post(`${API}/clusters/${clusterA}/invitations`)
        .set(await secretariat())
        .send({ unitId: unitX, joinedOn: '2012-01-01' });
      expect(invited.status).toBe(201);
      const res = await t.http.post(`${API}/invitations/${invited.body.id}/accept`).set(await secretariat());
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'forbidden' });
      // He may withdraw it: inviting and withdrawing are the secretariat's part.
      const withdrawn = await t.http.post(`${API}/invitations/${invited.body.id}/withdraw`).set(await secretariat());
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', membershipId: null });
    });

    it('cannot invite units to a cluster he does not serve: 403 invitation_forbidden', async () => {
      const res = await t.http
        .post(`${API}/clusters/${clusterB}/invitations`)
        .set(await secretariat())
        .send({ unitId: unitY, joinedOn: '2012-01-01' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'invitation_forbidden' });
    });
  });

  describe("a unit's head", () => {
    const head = () => asUser(t, 'chutich.son-la@thidua.local');

    it('names their own unit, not another: 403 unit_update_forbidden', async () => {
      const own = await t.http
        .patch(`${API}/units/${sonLa}`)
        .set(await head())
        .send({ shortName: 'LMHTX Sơn La' });
      expect(own.status).toBe(200);
      expect(own.body.shortName).toBe('LMHTX Sơn La');
      const other = await t.http
        .patch(`${API}/units/${dienBien}`)
        .set(await head())
        .send({ name: 'x' });
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'unit_update_forbidden' });
      const code = await t.http
        .patch(`${API}/units/${sonLa}`)
        .set(await head())
        .send({ code: 'son-la-2' });
      expect({ status: code.status, code: code.body.code }).toEqual({ status: 403, code: 'unit_update_forbidden' });
    });

    it('grants and ends a delegate of their unit; the ledger names the grantor', async () => {
      const person = await account('chutich.son-la@thidua.local', 'daibieu2.son-la@thidua.local');
      const granted = await t.http
        .post(`${API}/mandates`)
        .set(await head())
        .send({ userId: person, role: 'delegate', unitId: sonLa, validFrom: '2030-01-01T00:00:00+07:00' });
      expect(granted.status).toBe(201);
      const headId = await userId('chutich.son-la@thidua.local');
      expect(granted.body.grantedBy).toBe(headId);
      const ended = await t.http
        .post(`${API}/mandates/${granted.body.id}/end`)
        .set(await head())
        .send({ validTo: '2030-06-01T00:00:00+07:00', reason: 'Thay đại biểu' });
      expect(ended.status).toBe(200);
      expect(ended.body.endedBy).toBe(headId);
      const entries = (await t.dataSource.query(
        `SELECT action, actor_id, payload FROM ledger_entries WHERE subject_id = $1 ORDER BY seq`,
        [granted.body.id],
      )) as { action: string; actor_id: string; payload: Record<string, unknown> }[];
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'mandates.mandate_granted',
          actor_id: headId,
          payload: expect.objectContaining({ grantedBy: headId }),
        }),
        expect.objectContaining({
          action: 'mandates.mandate_ended',
          actor_id: headId,
          payload: expect.objectContaining({ endedBy: headId, grantedBy: headId }),
        }),
      ]);
    });

    it('may not grant themselves a delegate mandate: 403 mandate_self_grant_forbidden', async () => {
      const res = await t.http
        .post(`${API}/mandates`)
        .set(await head())
        .send({ userId: await userId('chutich.son-la@thidua.local'), role: 'delegate', unitId: sonLa });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 403,
        code: 'mandate_self_grant_forbidden',
      });
    });

    it('may not grant a head, nor staff another unit: 403 mandate_grant_forbidden', async () => {
      const person = await account('chutich.son-la@thidua.local', 'nguoi-la@thidua.local');
      for (const body of [
        { userId: person, role: 'head', unitId: sonLa },
        { userId: person, role: 'delegate', unitId: dienBien },
        { userId: person, role: 'secretariat', clusterId: clusterA },
      ]) {
        const res = await t.http
          .post(`${API}/mandates`)
          .set(await head())
          .send(body);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'mandate_grant_forbidden' });
      }
    });
  });

  describe('an administrator', () => {
    it('cannot give a unit two heads at once: 409 unit_head_exists', async () => {
      const admin = await asUser(t, 'admin@thidua.local');
      const second = await account('admin@thidua.local', 'chutich2.son-la@thidua.local');
      const res = await t.http
        .post(`${API}/mandates`)
        .set(admin)
        .send({ userId: second, role: 'head', unitId: sonLa, validFrom: '2031-01-01T00:00:00+07:00' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'unit_head_exists' });
    });

    it('hands a headship over: ends the old head, then grants the new one from that instant', async () => {
      const admin = await asUser(t, 'admin@thidua.local');
      const [old] = (await t.dataSource.query(
        `SELECT id FROM mandates WHERE role = 'head' AND unit_id = $1 AND valid_to IS NULL`,
        [unitY],
      )) as { id: string }[];
      const at = '2031-01-01T00:00:00+07:00';
      expect((await t.http.post(`${API}/mandates/${old.id}/end`).set(admin).send({ validTo: at })).status).toBe(200);
      const next = await account('admin@thidua.local', 'chutich-moi.y@thidua.local');
      const granted = await t.http
        .post(`${API}/mandates`)
        .set(admin)
        .send({ userId: next, role: 'head', unitId: unitY, validFrom: at });
      expect(granted.status).toBe(201);
    });

    it('may not grant a mandate to themselves: 403 mandate_self_grant_forbidden', async () => {
      const res = await t.http
        .post(`${API}/mandates`)
        .set(await asUser(t, 'admin@thidua.local'))
        .send({ userId: await userId('admin@thidua.local'), role: 'secretariat', clusterId: clusterB });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 403,
        code: 'mandate_self_grant_forbidden',
      });
    });
  });

  describe('joining by invitation', () => {
    it("the unit's head accepts; another unit's head cannot; answered once; the head leaves, the secretariat cannot end it", async () => {
      const secretariat = await asUser(t, 'thuky1@thidua.local');
      const invited = await t.http
        .post(`${API}/clusters/${clusterA}/invitations`)
        .set(secretariat)
        .send({ unitId: unitY, joinedOn: '2012-01-01', note: 'Theo nghị quyết hội nghị cụm' });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ status: 'pending', unitId: unitY, clusterId: clusterA });
      const again = await t.http
        .post(`${API}/clusters/${clusterA}/invitations`)
        .set(secretariat)
        .send({ unitId: unitY, joinedOn: '2012-01-01' });
      expect({ status: again.status, code: again.body.code }).toEqual({
        status: 409,
        code: 'invitation_already_pending',
      });

      const stranger = await t.http
        .post(`${API}/invitations/${invited.body.id}/accept`)
        .set(await asUser(t, 'chutich.son-la@thidua.local'));
      expect({ status: stranger.status, code: stranger.body.code }).toEqual({
        status: 403,
        code: 'invitation_answer_forbidden',
      });

      const pending = await t.http
        .get(`${API}/units/${unitY}/invitations?status=pending`)
        .set(await asUser(t, 'chutich.y@thidua.local'));
      expect(pending.body.items.map((i: { id: string }) => i.id)).toEqual([invited.body.id]);

      const accepted = await t.http
        .post(`${API}/invitations/${invited.body.id}/accept`)
        .set(await asUser(t, 'chutich.y@thidua.local'));
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('accepted');
      expect(accepted.body.answeredBy).toBe(headY);
      const members = await t.http.get(`${API}/clusters/${clusterA}/memberships?pageSize=100`).set(secretariat);
      const membership = members.body.items.find((m: { unitId: string }) => m.unitId === unitY);
      expect(membership).toMatchObject({ id: accepted.body.membershipId, joinedOn: '2012-01-01', leftOn: null });

      const twice = await t.http
        .post(`${API}/invitations/${invited.body.id}/decline`)
        .set(await asUser(t, 'chutich.y@thidua.local'));
      expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'invitation_not_pending' });

      const expelled = await t.http
        .post(`${API}/clusters/${clusterA}/memberships/${membership.id}/end`)
        .set(secretariat)
        .send({ leftOn: '2012-12-31' });
      expect({ status: expelled.status, code: expelled.body.code }).toEqual({ status: 403, code: 'forbidden' });
      const left = await t.http
        .post(`${API}/clusters/${clusterA}/memberships/${membership.id}/end`)
        .set(await asUser(t, 'chutich.y@thidua.local'))
        .send({ leftOn: '2012-12-31' });
      expect(left.status).toBe(200);
      expect(left.body.leftOn).toBe('2012-12-31');
    });

    it('a unit in another cluster under the same parent body cannot accept: 409 unit_in_other_cluster', async () => {
      const invited = await t.http
        .post(`${API}/clusters/${clusterA}/invitations`)
        .set(await asUser(t, 'admin@thidua.local'))
        .send({ unitId: unitX, joinedOn: '2013-01-01' });
      expect(invited.status).toBe(201);
      const pending = invited.body.id as string;
      const res = await t.http
        .post(`${API}/invitations/${pending}/accept`)
        .set(await asUser(t, 'chutich.x@thidua.local'));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'unit_in_other_cluster' });
      const declined = await t.http
        .post(`${API}/invitations/${pending}/decline`)
        .set(await asUser(t, 'chutich.x@thidua.local'));
      expect(declined.body.status).toBe('declined');
    });

    it('two administrators admitting one unit to two clusters of one parent at once: one wins', async () => {
      const admin = await asUser(t, 'admin@thidua.local');
      const unitZ = (await t.http.post(`${API}/units`).set(admin).send({ code: 'unit-z', name: 'Z' })).body.id;
      const responses = await Promise.all(
        [clusterA, clusterB].map((cluster) =>
          t.http
            .post(`${API}/clusters/${cluster}/memberships`)
            .set(admin)
            .send({ unitId: unitZ, joinedOn: '2014-01-01' }),
        ),
      );
      expect(responses.map((r) => `${r.status}${r.body.code ? ` ${r.body.code}` : ''}`).sort()).toEqual([
        '201',
        '409 unit_in_other_cluster',
      ]);
    });
  });

  describe('the database, when the code is bypassed', () => {
    it('refuses a second head of a unit (ex_mandates_one_head_per_unit)', async () => {
      const intruder = await userId('thuky1@thidua.local');
      await expect(
        t.dataSource.query(
          `INSERT INTO mandates (user_id, role, unit_id, valid_from) VALUES ($1, 'head', $2, '2040-01-01T00:00:00Z')`,
          [intruder, sonLa],
        ),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({ constraint: 'ex_mandates_one_head_per_unit' }),
      });
    });

    it('refuses a mandate granted to oneself (ck_mandates_not_self_granted)', async () => {
      const me = await userId('thuky1@thidua.local');
      await expect(
        t.dataSource.query(
          `INSERT INTO mandates (user_id, role, unit_id, valid_from, granted_by) VALUES ($1, 'delegate', $2, now(), $1)`,
          [me, sonLa],
        ),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ constraint: 'ck_mandates_not_self_granted' }) });
    });

    it('refuses a unit in two clusters of one parent body, whatever parent the writer claims', async () => {
      await expect(
        t.dataSource.query(
          `INSERT INTO cluster_memberships (cluster_id, unit_id, joined_on, parent_unit_id)
           VALUES ($1, $2, '2011-06-01', gen_random_uuid())`,
          [clusterA, unitX],
        ),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({ constraint: 'ex_cluster_memberships_one_cluster_per_parent' }),
      });
    });

    it('moving a cluster under the parent of another that shares a member is refused', async () => {
      const other = (
        (await t.dataSource.query(`INSERT INTO clusters (code, name) VALUES ('cum-c', 'Cụm C') RETURNING id`)) as {
          id: string;
        }[]
      )[0].id;
      await t.dataSource.query(
        `INSERT INTO cluster_memberships (cluster_id, unit_id, joined_on) VALUES ($1, $2, '2011-01-01')`,
        [other, unitX],
      );
      await expect(
        t.dataSource.query(`UPDATE clusters SET parent_unit_id = $1 WHERE id = $2`, [nationalId, other]),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({ constraint: 'ex_cluster_memberships_one_cluster_per_parent' }),
      });
    });
  });
});
