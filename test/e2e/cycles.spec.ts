import { insertAdoptedScoringPeriod } from '../utils/adopted-ranking';
import { insertCompletedHandover } from '../utils/completed-handover';
import { insertSealedPledge } from '../utils/sealed-pledge';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { asUser, demoClusterId } from '../utils/signed-in';

/**
 * The yearly cycle through HTTP: opened by the secretariat, walked forward phase by phase, each
 * move checked against its gates; going back refused, reopening recorded; the next year's cycle
 * opened once the current one reaches voting. Years 2030+ keep clear of the demo's own cycles.
 */
describe('the yearly cycle', () => {
  let t: TestApp;
  let clusterId: string;
  let otherClusterId: string;
  let adminId: string;
  let cycleId: string;

  const secretariat = () => asUser(t, 'thuky1@thidua.local');

  let rulesNumber = 900;
  /** The rules module is written alongside; its versions are inserted directly here. */
  async function rulesVersion(cluster: string, status: 'draft' | 'adopted', replacesId: string | null = null) {
    rulesNumber += 1;
    const [row] = (await t.dataSource.query(
      `INSERT INTO rules_versions (cluster_id, number, title, status, replaces_id, content, content_digest, created_by, adopted_at)
       VALUES ($1, $2, $3, $4, $5, '{}'::jsonb, $6, $7, CASE WHEN $4 = 'adopted' THEN now() END)
       RETURNING id`,
      [cluster, rulesNumber, `Quy chế ${rulesNumber}`, status, replacesId, `digest-${rulesNumber}`, adminId],
    )) as { id: string }[];
    return row.id;
  }

  async function advance(id: string, to: string, body: Record<string, unknown> = {}) {
    return t.http
      .post(`${API}/cycles/${id}/advance`)
      .set(await secretariat())
      .send({ to, ...body });
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    clusterId = await demoClusterId(t);
    otherClusterId = (await t.http.post(`${API}/clusters`).set(admin).send({ code: 'cum-khac', name: 'Cụm khác' })).body
      .id;
    [{ id: adminId }] = (await t.dataSource.query(`SELECT id FROM users WHERE email = 'admin@thidua.local'`)) as {
      id: string;
    }[];
  });
  afterAll(() => t.close());

  describe('opening', () => {
    it('a unit head or officer may not open a cycle, nor a secretariat of another cluster', async () => {
      for (const email of ['chutich.son-la@thidua.local', 'canbo.lao-cai@thidua.local']) {
        const refused = await t.http
          .post(`${API}/clusters/${clusterId}/cycles`)
          .set(await asUser(t, email))
          .send({ year: 2030 });
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'forbidden' });
      }
      const elsewhere = await t.http
        .post(`${API}/clusters/${otherClusterId}/cycles`)
        .set(await secretariat())
        .send({ year: 2030 });
      expect({ status: elsewhere.status, code: elsewhere.body.code }).toEqual({
        status: 403,
        code: 'cycle_manage_forbidden',
      });
    });

    it('refuses deadlines that are not real calendar days or name no phase', async () => {
      for (const deadlines of [{ rules_adoption: '2030-02-30' }, { harvest: '2030-03-01' }, { closed: '2030-12-31' }]) {
        const refused = await t.http
          .post(`${API}/clusters/${clusterId}/cycles`)
          .set(await secretariat())
          .send({ year: 2030, deadlines });
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'validation_failed' });
        expect(refused.body.errors[0].field).toBe('deadlines');
      }
    });

    it('the secretariat opens the 2030 cycle in setup, with its deadlines', async () => {
      const opened = await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await secretariat())
        .send({ year: 2030, deadlines: { pledge_signing: '2030-03-31', rules_adoption: '2030-02-15' } });
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        clusterId,
        year: 2030,
        phase: 'setup',
        version: 1,
        rulesVersionId: null,
        deadlines: { rules_adoption: '2030-02-15', pledge_signing: '2030-03-31' },
      });
      expect(Object.keys(opened.body.deadlines)).toEqual(['rules_adoption', 'pledge_signing']);
      cycleId = opened.body.id;

      const read = await t.http.get(`${API}/cycles/${cycleId}`).set(await asUser(t, 'daibieu.son-la@thidua.local'));
      expect(read.status).toBe(200);
      expect(read.body.id).toBe(cycleId);
      const list = await t.http
        .get(`${API}/clusters/${clusterId}/cycles?sort=year`)
        .set(await asUser(t, 'canbo.son-la@thidua.local'));
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { year: number }) => c.year)).toContain(2030);
    });

    it('one cycle per cluster per year', async () => {
      const again = await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await asUser(t, 'thuky2@thidua.local'))
        .send({ year: 2030 });
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'cycle_year_taken' });
    });

    it('the next year cannot be opened while 2030 is before voting', async () => {
      const early = await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await secretariat())
        .send({ year: 2031 });
      expect({ status: early.status, code: early.body.code, year: early.body.year }).toEqual({
        status: 409,
        code: 'previous_cycle_not_finishing',
        year: 2030,
      });
    });
  });

  describe('moving forward', () => {
    it('a unit head may not advance the cycle', async () => {
      const refused = await t.http
        .post(`${API}/cycles/${cycleId}/advance`)
        .set(await asUser(t, 'chutich.lang-son@thidua.local'))
        .send({ to: 'rules_adoption' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'forbidden' });
    });

    it('refuses skipping a phase and staying in place', async () => {
      const skip = await advance(cycleId, 'pledge_signing');
      expect({ status: skip.status, code: skip.body.code, next: skip.body.next }).toEqual({
        status: 409,
        code: 'phase_skip',
        next: 'rules_adoption',
      });
      const same = await advance(cycleId, 'setup');
      expect({ status: same.status, code: same.body.code }).toEqual({ status: 409, code: 'phase_backwards' });
    });

    it('advances setup → rules_adoption', async () => {
      const moved = await advance(cycleId, 'rules_adoption', { expectedVersion: 1 });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ phase: 'rules_adoption', version: 2 });
    });

    it('refuses pledge_signing until an adopted rules version is pinned', async () => {
      const refused = await advance(cycleId, 'pledge_signing');
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'cycle_gate_unmet' });
      expect(refused.body.unmet).toEqual([expect.objectContaining({ gate: 'rules.pinned' })]);
      expect((await t.http.get(`${API}/cycles/${cycleId}`).set(await secretariat())).body.phase).toBe('rules_adoption');
    });

    it('pins only an existing, adopted version of the same cluster', async () => {
      const pin = async (rulesVersionId: string) =>
        t.http
          .put(`${API}/cycles/${cycleId}/rules-version`)
          .set(await secretariat())
          .send({ rulesVersionId });
      const missing = await pin('00000000-0000-4000-8000-000000000000');
      expect({ status: missing.status, code: missing.body.code }).toEqual({
        status: 404,
        code: 'rules_version_not_found',
      });
      const draft = await pin(await rulesVersion(clusterId, 'draft'));
      expect({ status: draft.status, code: draft.body.code }).toEqual({
        status: 409,
        code: 'rules_version_not_adopted',
      });
      const foreign = await pin(await rulesVersion(otherClusterId, 'adopted'));
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({
        status: 409,
        code: 'rules_version_other_cluster',
      });

      const adopted = await rulesVersion(clusterId, 'adopted');
      const pinned = await pin(adopted);
      expect(pinned.status).toBe(200);
      expect(pinned.body.rulesVersionId).toBe(adopted);
    });

    it('a stale expectedVersion or If-Match is refused; the current one advances to pledge_signing', async () => {
      const stale = await advance(cycleId, 'pledge_signing', { expectedVersion: 2 });
      expect(stale.body).toMatchObject({
        status: 409,
        code: 'version_conflict',
        resource: 'cycle',
        expectedVersion: 2,
        currentVersion: 3,
        phase: 'rules_adoption',
      });
      const { etag } = await expectStaleVersionsRefused(
        'cycle',
        async () => t.http.get(`${API}/cycles/${cycleId}`).set(await secretariat()),
        async (precondition) => {
          const { headers, body } = withPrecondition(precondition, { to: 'pledge_signing' });
          return t.http
            .post(`${API}/cycles/${cycleId}/advance`)
            .set(await secretariat())
            .set(headers)
            .send(body);
        },
      );
      expect(etag).toBe('"3"');
      const moved = await t.http
        .post(`${API}/cycles/${cycleId}/advance`)
        .set(await secretariat())
        .set('If-Match', etag)
        .send({ to: 'pledge_signing', expectedVersion: 3 });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ phase: 'pledge_signing', version: 4 });
    });

    it('never goes back', async () => {
      const back = await advance(cycleId, 'rules_adoption');
      expect({ status: back.status, code: back.body.code }).toEqual({ status: 409, code: 'phase_backwards' });
    });

    it('once pledges are signed, only an amendment of the pinned rules may replace them', async () => {
      const current = (await t.http.get(`${API}/cycles/${cycleId}`).set(await secretariat())).body.rulesVersionId;
      const pin = async (rulesVersionId: string) =>
        t.http
          .put(`${API}/cycles/${cycleId}/rules-version`)
          .set(await secretariat())
          .send({ rulesVersionId });
      const unrelated = await pin(await rulesVersion(clusterId, 'adopted'));
      expect({ status: unrelated.status, code: unrelated.body.code }).toEqual({
        status: 409,
        code: 'rules_pin_locked',
      });
      const amendment = await rulesVersion(clusterId, 'adopted', current);
      const amended = await pin(amendment);
      expect(amended.status).toBe(200);
      expect(amended.body.rulesVersionId).toBe(amendment);
    });
  });

  describe('reopening and deadlines', () => {
    it('reopens the current phase with a reason and a new deadline, recorded in the history', async () => {
      const tooShort = await t.http
        .post(`${API}/cycles/${cycleId}/reopen`)
        .set(await secretariat())
        .send({ reason: 'muộn' });
      expect({ status: tooShort.status, code: tooShort.body.code }).toEqual({ status: 400, code: 'validation_failed' });

      const reason = 'Lai Châu ký giao ước muộn do mưa lũ; gia hạn một tuần.';
      const reopened = await t.http
        .post(`${API}/cycles/${cycleId}/reopen`)
        .set(await secretariat())
        .send({ reason, deadline: '2099-04-07' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ phase: 'pledge_signing', deadlines: { pledge_signing: '2099-04-07' } });

      const dashboard = await t.http
        .get(`${API}/cycles/${cycleId}/dashboard`)
        .set(await asUser(t, 'chutich.lai-chau@thidua.local'));
      expect(dashboard.status).toBe(200);
      expect(dashboard.body.history[0]).toMatchObject({
        kind: 'reopened',
        fromPhase: 'pledge_signing',
        toPhase: 'pledge_signing',
        reason,
      });
      expect(dashboard.body.history.map((h: { kind: string }) => h.kind)).toEqual([
        'reopened',
        'advanced',
        'advanced',
        'opened',
      ]);
    });

    it('refuses to move the deadline of a phase already over', async () => {
      const refused = await t.http
        .put(`${API}/cycles/${cycleId}/deadlines`)
        .set(await secretariat())
        .send({ deadlines: { rules_adoption: '2030-02-20' } });
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 409,
        code: 'deadline_for_past_phase',
      });
      const invalid = await t.http
        .put(`${API}/cycles/${cycleId}/deadlines`)
        .set(await secretariat())
        .send({ deadlines: { voting: '2030-13-01' } });
      expect({ status: invalid.status, code: invalid.body.code }).toEqual({ status: 400, code: 'validation_failed' });
    });

    it('marks the current phase overdue once today (Asia/Ho_Chi_Minh) is past its deadline', async () => {
      const before = await t.http.get(`${API}/cycles/${cycleId}/dashboard`).set(await secretariat());
      const current = (phases: { phase: string; overdue: boolean; status: string }[]) =>
        phases.find((p) => p.status === 'current')!;
      expect(current(before.body.phases)).toMatchObject({ phase: 'pledge_signing', overdue: false });

      const changed = await t.http
        .put(`${API}/cycles/${cycleId}/deadlines`)
        .set(await secretariat())
        .send({ deadlines: { pledge_signing: '2020-01-31', voting: '2099-11-21', evaluation: null } });
      expect(changed.status).toBe(200);
      expect(changed.body.deadlines).toEqual({
        rules_adoption: '2030-02-15',
        pledge_signing: '2020-01-31',
        voting: '2099-11-21',
      });

      const after = await t.http.get(`${API}/cycles/${cycleId}/dashboard`).set(await secretariat());
      expect(after.body.phases.map((p: { phase: string; status: string }) => [p.phase, p.status])).toEqual([
        ['setup', 'done'],
        ['rules_adoption', 'done'],
        ['pledge_signing', 'current'],
        ['in_progress', 'upcoming'],
        ['evaluation', 'upcoming'],
        ['voting', 'upcoming'],
        ['handover', 'upcoming'],
        ['closed', 'upcoming'],
      ]);
      expect(current(after.body.phases)).toMatchObject({ deadline: '2020-01-31', overdue: true });
      expect(after.body.phases.find((p: { phase: string }) => p.phase === 'voting').overdue).toBe(false);
      expect(after.body.history[0]).toMatchObject({ kind: 'deadline_changed', toPhase: 'pledge_signing' });
      expect(after.body.history[0].reason).toContain('pledge_signing: 2099-04-07 → 2020-01-31');
    });
  });

  describe('the year-end overlap', () => {
    it('opens 2031 once 2030 reaches voting, then closes 2030', async () => {
      // The year's work needs a sealed pledge (gate pledges.sealed); pledges are not this spec's subject.
      await insertSealedPledge(t.dataSource, cycleId);
      for (const to of ['in_progress', 'evaluation']) expect((await advance(cycleId, to)).status).toBe(200);

      const locked = await t.http
        .put(`${API}/cycles/${cycleId}/rules-version`)
        .set(await secretariat())
        .send({ rulesVersionId: await rulesVersion(clusterId, 'adopted') });
      expect({ status: locked.status, code: locked.body.code }).toEqual({ status: 409, code: 'rules_pin_locked' });

      const early = await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await secretariat())
        .send({ year: 2031 });
      expect(early.body.code).toBe('previous_cycle_not_finishing');

      // The vote needs an adopted ranking (gate scoring.ranking_adopted); scoring is not this spec's subject.
      await insertAdoptedScoringPeriod(t.dataSource, cycleId);
      expect((await advance(cycleId, 'voting')).status).toBe(200);
      const next = await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await secretariat())
        .send({ year: 2031 });
      expect(next.status).toBe(201);
      expect(next.body).toMatchObject({ year: 2031, phase: 'setup' });

      // While 2031 is in setup, a third cycle is refused, whatever its year.
      const third = await t.http
        .post(`${API}/clusters/${clusterId}/cycles`)
        .set(await secretariat())
        .send({ year: 2032 });
      expect({ code: third.body.code, year: third.body.year }).toEqual({
        code: 'previous_cycle_not_finishing',
        year: 2031,
      });

      // Closing needs the flag handed over (gate flag.handed_over); the flag is not this spec's subject.
      await insertCompletedHandover(t.dataSource, cycleId);
      for (const to of ['handover', 'closed']) expect((await advance(cycleId, to)).status).toBe(200);
      const list = await t.http
        .get(`${API}/clusters/${clusterId}/cycles?phase=closed`)
        .set(await asUser(t, 'daibieu.ha-giang@thidua.local'));
      expect(list.body.items.map((c: { year: number }) => c.year)).toEqual([2030]);
    });

    it('a closed cycle neither advances, reopens nor changes its deadlines', async () => {
      const moved = await advance(cycleId, 'closed');
      expect(moved.body.code).toBe('cycle_closed');
      const reopened = await t.http
        .post(`${API}/cycles/${cycleId}/reopen`)
        .set(await secretariat())
        .send({ reason: 'Mở lại để sửa biên bản bàn giao.' });
      expect({ status: reopened.status, code: reopened.body.code }).toEqual({ status: 409, code: 'cycle_closed' });
      const deadlines = await t.http
        .put(`${API}/cycles/${cycleId}/deadlines`)
        .set(await secretariat())
        .send({ deadlines: { handover: '2030-12-31' } });
      expect(deadlines.body.code).toBe('cycle_closed');

      const dashboard = await t.http.get(`${API}/cycles/${cycleId}/dashboard`).set(await secretariat());
      expect(dashboard.body.next).toBeNull();
      expect(dashboard.body.cycle.phase).toBe('closed');
    });
  });

  it('every move is in the ledger, and the ledger still verifies', async () => {
    const entries = await t.http
      .get(`${API}/ledger/entries?subjectType=cycle&subjectId=${cycleId}&pageSize=100`)
      .set(await secretariat());
    expect(entries.status).toBe(200);
    const actions = entries.body.items.map((e: { action: string }) => e.action);
    for (const action of [
      'cycles.cycle_opened',
      'cycles.phase_advanced',
      'cycles.rules_pinned',
      'cycles.phase_reopened',
      'cycles.deadlines_changed',
    ]) {
      expect(actions).toContain(action);
    }
    const pinned = entries.body.items.find((e: { action: string }) => e.action === 'cycles.rules_pinned');
    expect(pinned.payload).toMatchObject({ contentDigest: expect.stringMatching(/^digest-/) });

    const verify = await t.http.get(`${API}/ledger/verify`).set(await asUser(t, 'canbo.son-la@thidua.local'));
    expect(verify.body.valid).toBe(true);
  });

  it('404 for an unknown cycle or cluster', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.http.get(`${API}/cycles/${unknown}`).set(await secretariat())).body.code).toBe('cycle_not_found');
    expect((await t.http.get(`${API}/clusters/${unknown}/cycles`).set(await secretariat())).body.code).toBe(
      'cluster_not_found',
    );
  });
});
