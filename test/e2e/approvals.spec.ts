import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ApprovalAct } from '../../src/modules/approvals/approval-act.entity';
import type { ApprovalRequest } from '../../src/modules/approvals/approval-request.entity';
import { ApprovalsService } from '../../src/modules/approvals/approvals.service';
import { WorkflowRegistry, type WorkflowDefinition } from '../../src/modules/approvals/workflow-definition';
import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused } from '../utils/versioned';
import { asUser, delegate, demoClusterIdSql, head, officer } from '../utils/signed-in';

/**
 * The approval engine through HTTP, on small workflows registered by the test: k of n member
 * heads, rounds, separation of duties, own-unit refusal, delegation, concurrency, visibility.
 */
const entered: { state: string; transition: string }[] = [];

const CLUSTER_DOC: WorkflowDefinition = {
  key: 'test.cluster-adoption',
  subjectType: 'test_cluster_doc',
  description: 'Drafted by the secretariat, adopted by k member heads.',
  states: ['draft', 'proposed', 'adopted'],
  initial: 'draft',
  final: ['adopted'],
  transitions: [
    { name: 'propose', from: 'draft', to: 'proposed', by: 'cluster_secretariat', independent: false },
    { name: 'adopt', from: 'proposed', to: 'adopted', by: 'member_heads', approvals: 'request' },
    { name: 'reject', from: 'proposed', to: 'draft', by: 'member_heads', commentRequired: true },
  ],
  onStateEntered(_manager: EntityManager, request: ApprovalRequest, act: ApprovalAct) {
    entered.push({ state: request.state, transition: act.transition });
    return Promise.resolve();
  },
};

const UNIT_DOC: WorkflowDefinition = {
  key: 'test.unit-report',
  subjectType: 'test_unit_doc',
  description: "Drafted and submitted by a unit's officer, approved by its head.",
  states: ['draft', 'submitted', 'approved'],
  initial: 'draft',
  final: ['approved'],
  transitions: [
    { name: 'submit', from: 'draft', to: 'submitted', by: 'unit_officer', independent: false },
    { name: 'approve', from: 'submitted', to: 'approved', by: 'unit_head' },
    { name: 'reject', from: 'submitted', to: 'draft', by: 'unit_head', commentRequired: true },
  ],
};

const SIGNOFF_DOC: WorkflowDefinition = {
  key: 'test.unit-signoff',
  subjectType: 'test_signoff_doc',
  description: "Signed off by the unit's head.",
  states: ['open', 'signed'],
  initial: 'open',
  final: ['signed'],
  transitions: [{ name: 'sign', from: 'open', to: 'signed', by: 'unit_head' }],
};

const CODES = ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai', 'lang-son'] as const;
type Code = (typeof CODES)[number];

describe('approval workflows', () => {
  let t: TestApp;
  let clusterId: string;
  const unitIds = {} as Record<Code, string>;
  const userIds = new Map<string, string>();

  const user = (email: string) => userIds.get(email)!;

  async function open(
    definition: WorkflowDefinition,
    unit: Code,
    draftedBy: string,
    approvalsRequired?: number,
  ): Promise<string> {
    const request = await t.dataSource.transaction((manager) =>
      t.app.get(ApprovalsService).open(manager, {
        workflowKey: definition.key,
        subjectId: randomUUID(),
        clusterId,
        unitId: unitIds[unit],
        draftedBy: user(draftedBy),
        approvalsRequired,
      }),
    );
    return request.id;
  }

  async function act(
    email: string,
    id: string,
    body: { transition: string; comment?: string; expectedVersion?: number },
    ifMatch?: string,
  ) {
    const call = t.http
      .post(`${API}/approvals/${id}/acts`)
      .set(await asUser(t, email))
      .send(body);
    return ifMatch ? call.set('If-Match', ifMatch) : call;
  }

  const get = async (email: string, id: string) => t.http.get(`${API}/approvals/${id}`).set(await asUser(t, email));

  async function ledgerActions(subjectId: string): Promise<{ action: string; payload: Record<string, unknown> }[]> {
    return (await t.dataSource.query('SELECT action, payload FROM ledger_entries WHERE subject_id = $1 ORDER BY seq', [
      subjectId,
    ])) as { action: string; payload: Record<string, unknown> }[];
  }

  beforeAll(async () => {
    t = await createTestApp();
    const registry = t.app.get(WorkflowRegistry);
    [CLUSTER_DOC, UNIT_DOC, SIGNOFF_DOC].forEach((w) => registry.register(w));
    clusterId = await demoClusterIdSql(t.dataSource);
    const units = (await t.dataSource.query('SELECT id, code FROM units')) as { id: string; code: string }[];
    for (const code of CODES) unitIds[code] = units.find((u) => u.code === code)!.id;
    const users = (await t.dataSource.query('SELECT id, email FROM users')) as { id: string; email: string }[];
    for (const u of users) userIds.set(u.email, u.id);
  });
  afterAll(() => t.close());

  it('publishes the registered workflows as data', async () => {
    const response = await t.http.get(`${API}/approvals/workflows`).set(await asUser(t, officer('son-la')));
    expect(response.status).toBe(200);
    const workflow = (response.body.items as { key: string }[]).find((w) => w.key === CLUSTER_DOC.key);
    expect(workflow).toMatchObject({
      initial: 'draft',
      states: ['draft', 'proposed', 'adopted'],
      transitions: expect.arrayContaining([
        {
          name: 'adopt',
          from: 'proposed',
          to: 'adopted',
          by: 'member_heads',
          approvals: 'request',
          commentRequired: false,
          independent: true,
        },
        {
          name: 'propose',
          from: 'draft',
          to: 'proposed',
          by: 'cluster_secretariat',
          approvals: 1,
          commentRequired: false,
          independent: false,
        },
      ]),
    });
  });

  it('k of n member heads: two approvals leave the state, the third moves it; refusals say why', async () => {
    const id = await open(CLUSTER_DOC, 'son-la', 'thuky1@thidua.local', 3);
    const proposed = await act('thuky1@thidua.local', id, { transition: 'propose' });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({
      state: 'proposed',
      round: 1,
      version: 2,
      approvalsRequired: 3,
      approvalsSoFar: 0,
    });

    const own = await act(head('son-la'), id, { transition: 'adopt' });
    expect([own.status, own.body.code]).toEqual([403, 'own_unit_submission']);
    const secretariat = await act('thuky2@thidua.local', id, { transition: 'adopt' });
    expect([secretariat.status, secretariat.body.code, secretariat.body.scope]).toEqual([
      403,
      'not_an_approver',
      'member_heads',
    ]);
    const unitDelegate = await act(delegate('lai-chau'), id, { transition: 'adopt' });
    expect([unitDelegate.status, unitDelegate.body.code]).toEqual([403, 'not_an_approver']);

    const first = await act(head('lai-chau'), id, { transition: 'adopt', comment: 'Đồng ý' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ state: 'proposed', version: 2, approvalsSoFar: 1 });
    expect(first.body.acts.at(-1)).toMatchObject({
      transition: 'adopt',
      fromState: 'proposed',
      toState: null,
      actorId: user(head('lai-chau')),
      countedFor: `unit:${unitIds['lai-chau']}`,
      delegationId: null,
      comment: 'Đồng ý',
    });
    expect(first.body.availableTransitions).toEqual([]);
    const again = await act(head('lai-chau'), id, { transition: 'adopt' });
    expect([again.status, again.body.code]).toEqual([409, 'already_acted']);
    const changeOfMind = await act(head('lai-chau'), id, { transition: 'reject', comment: 'Xin rút lại' });
    expect([changeOfMind.status, changeOfMind.body.code]).toEqual([403, 'separation_of_duties']);

    const second = await act(head('dien-bien'), id, { transition: 'adopt' });
    expect(second.body).toMatchObject({ state: 'proposed', approvalsSoFar: 2 });
    const third = await act(head('ha-giang'), id, { transition: 'adopt' });
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ state: 'adopted', version: 3, approvalsSoFar: 0, availableTransitions: [] });
    expect(third.headers.etag).toBe('"3"');
    expect(third.body.acts.map((a: { toState: string | null }) => a.toState)).toEqual([
      'proposed',
      null,
      null,
      'adopted',
    ]);
    expect(entered).toEqual(expect.arrayContaining([{ state: 'adopted', transition: 'adopt' }]));

    const actions = await ledgerActions(id);
    expect(actions.map((e) => e.action)).toEqual([
      'approvals.request_opened',
      'approvals.act_recorded',
      'approvals.state_changed',
      'approvals.act_recorded',
      'approvals.act_recorded',
      'approvals.act_recorded',
      'approvals.state_changed',
    ]);
    expect(actions[5].payload).toMatchObject({ transition: 'adopt', from: 'proposed', to: 'adopted', round: 1 });
  });

  it('a rejection with a comment starts a new round in which earlier approvals no longer count', async () => {
    const id = await open(CLUSTER_DOC, 'son-la', 'thuky1@thidua.local', 2);
    await act('thuky1@thidua.local', id, { transition: 'propose' });
    expect((await act(head('lai-chau'), id, { transition: 'adopt' })).body.approvalsSoFar).toBe(1);

    const silent = await act(head('dien-bien'), id, { transition: 'reject' });
    expect([silent.status, silent.body.code]).toEqual([400, 'comment_required']);
    const rejected = await act(head('dien-bien'), id, { transition: 'reject', comment: 'Tiêu chí 3 chưa có căn cứ.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'draft', round: 2, version: 3, approvalsSoFar: 0 });

    const reproposed = await act('thuky1@thidua.local', id, { transition: 'propose' });
    expect(reproposed.body).toMatchObject({ state: 'proposed', round: 2, approvalsSoFar: 0 });
    // Round 1's approval by Lai Châu is history: Lai Châu approves afresh, and one approval is not two.
    const laiChau = await get(head('lai-chau'), id);
    expect(laiChau.body.availableTransitions).toEqual(['adopt', 'reject']);
    const again = await act(head('lai-chau'), id, { transition: 'adopt' });
    expect(again.body).toMatchObject({ state: 'proposed', round: 2, approvalsSoFar: 1 });
    // Điện Biên rejected in round 1 and may approve in round 2.
    const adopted = await act(head('dien-bien'), id, { transition: 'adopt' });
    expect(adopted.body).toMatchObject({ state: 'adopted', round: 2, approvalsSoFar: 0 });
    expect(adopted.body.acts.map((a: { round: number; transition: string }) => `${a.round}:${a.transition}`)).toEqual([
      '1:propose',
      '1:adopt',
      '1:reject',
      '2:propose',
      '2:adopt',
      '2:adopt',
    ]);
  });

  it('separation of duties: the drafter may not approve, nor the officer who submitted', async () => {
    const draftedByHead = await open(UNIT_DOC, 'lao-cai', head('lao-cai'));
    expect((await act(officer('lao-cai'), draftedByHead, { transition: 'submit' })).body.state).toBe('submitted');
    const drafter = await act(head('lao-cai'), draftedByHead, { transition: 'approve' });
    expect([drafter.status, drafter.body.code]).toEqual([403, 'separation_of_duties']);
    // Another unit's head does not even see a unit's document (docs/read-model.md).
    const otherUnit = await act(head('son-la'), draftedByHead, { transition: 'approve' });
    expect([otherUnit.status, otherUnit.body.code]).toEqual([403, 'approval_not_visible']);

    // The head delegates to the officer; the officer still may not approve what they submitted.
    const delegation = await t.http
      .post(`${API}/delegations`)
      .set(await asUser(t, head('cao-bang')))
      .send({ unitId: unitIds['cao-bang'], delegateId: user(officer('cao-bang')), validTo: inHours(2) });
    expect(delegation.status).toBe(201);
    const id = await open(UNIT_DOC, 'cao-bang', delegate('cao-bang'));
    await act(officer('cao-bang'), id, { transition: 'submit' });
    const submitter = await act(officer('cao-bang'), id, { transition: 'approve' });
    expect([submitter.status, submitter.body.code]).toEqual([403, 'separation_of_duties']);
    expect((await get(officer('cao-bang'), id)).body.availableTransitions).toEqual([]);
    const approved = await act(head('cao-bang'), id, { transition: 'approve' });
    expect(approved.body).toMatchObject({ state: 'approved', version: 3 });
    expect(approved.body.acts.at(-1).mandateId).toEqual(expect.any(String));
  });

  it('a head delegates to an officer for a window; the act under it is recorded, and both are in the ledger', async () => {
    const headHeaders = await asUser(t, head('dien-bien'));
    const refusals = [
      [{ delegateId: user(head('dien-bien')) }, 400, 'delegate_is_self'],
      [{ delegateId: user(officer('son-la')) }, 422, 'delegate_not_in_unit'],
      [{ delegateId: user(officer('dien-bien')), validTo: inHours(-1) }, 400, 'delegation_period_invalid'],
    ] as const;
    for (const [body, status, code] of refusals) {
      const refused = await t.http
        .post(`${API}/delegations`)
        .set(headHeaders)
        .send({ unitId: unitIds['dien-bien'], validTo: inHours(1), ...body });
      expect([refused.status, refused.body.code]).toEqual([status, code]);
    }
    const notHead = await t.http
      .post(`${API}/delegations`)
      .set(await asUser(t, head('son-la')))
      .send({ unitId: unitIds['dien-bien'], delegateId: user(officer('dien-bien')), validTo: inHours(1) });
    expect([notHead.status, notHead.body.code]).toEqual([403, 'delegation_forbidden']);
    const officerTries = await t.http
      .post(`${API}/delegations`)
      .set(await asUser(t, officer('dien-bien')))
      .send({ unitId: unitIds['dien-bien'], delegateId: user(delegate('dien-bien')), validTo: inHours(1) });
    expect([officerTries.status, officerTries.body.code]).toEqual([403, 'forbidden']);

    const granted = await t.http
      .post(`${API}/delegations`)
      .set(headHeaders)
      .send({
        unitId: unitIds['dien-bien'],
        delegateId: user(officer('dien-bien')),
        validTo: inHours(8),
        reason: 'Chủ tịch đi công tác',
      });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ delegatorId: user(head('dien-bien')), active: true, revokedAt: null });

    const id = await open(SIGNOFF_DOC, 'dien-bien', 'thuky1@thidua.local');
    const pending = await t.http.get(`${API}/approvals/pending`).set(await asUser(t, officer('dien-bien')));
    expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const signed = await act(officer('dien-bien'), id, { transition: 'sign' });
    expect(signed.status).toBe(200);
    expect(signed.body.state).toBe('signed');
    const [headMandate] = (await t.dataSource.query(
      `SELECT id FROM mandates WHERE user_id = $1 AND role = 'head' AND unit_id = $2`,
      [user(head('dien-bien')), unitIds['dien-bien']],
    )) as { id: string }[];
    expect(signed.body.acts[0]).toMatchObject({
      actorId: user(officer('dien-bien')),
      delegationId: granted.body.id,
      mandateId: headMandate.id,
      countedFor: `user:${user(head('dien-bien'))}`,
    });
    // The head cannot add a second approval for the same person.
    expect((await get(head('dien-bien'), id)).body.availableTransitions).toEqual([]);

    expect((await ledgerActions(granted.body.id)).map((e) => e.action)).toEqual(['approvals.delegation_granted']);
    const recorded = (await ledgerActions(id)).find((e) => e.action === 'approvals.act_recorded')!;
    expect(recorded.payload).toMatchObject({
      delegationId: granted.body.id,
      mandateId: headMandate.id,
      principalId: user(head('dien-bien')),
    });
    const listed = await t.http
      .get(`${API}/delegations?unitId=${unitIds['dien-bien']}&active=true`)
      .set(await asUser(t, officer('dien-bien')));
    expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([granted.body.id]);
    const verify = await t.http.get(`${API}/ledger/verify`).set(headHeaders);
    expect(verify.body.valid).toBe(true);
  });

  it('a revoked or expired delegation no longer lets the delegate act', async () => {
    const headHeaders = await asUser(t, head('lang-son'));
    const grant = (validTo: string) =>
      t.http
        .post(`${API}/delegations`)
        .set(headHeaders)
        .send({ unitId: unitIds['lang-son'], delegateId: user(officer('lang-son')), validTo });
    const id = await open(SIGNOFF_DOC, 'lang-son', 'thuky2@thidua.local');

    const revocable = await grant(inHours(4));
    const strangerRevokes = await t.http
      .post(`${API}/delegations/${revocable.body.id}/revoke`)
      .set(await asUser(t, head('son-la')))
      .send({});
    expect([strangerRevokes.status, strangerRevokes.body.code]).toEqual([403, 'delegation_revoke_forbidden']);
    const revoked = await t.http
      .post(`${API}/delegations/${revocable.body.id}/revoke`)
      .set(headHeaders)
      .send({ reason: 'Đã về cơ quan' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ active: false, revokedAt: expect.any(String) });
    const twice = await t.http.post(`${API}/delegations/${revocable.body.id}/revoke`).set(headHeaders).send({});
    expect([twice.status, twice.body.code]).toEqual([409, 'delegation_already_ended']);
    const afterRevoke = await act(officer('lang-son'), id, { transition: 'sign' });
    expect([afterRevoke.status, afterRevoke.body.code]).toEqual([403, 'not_an_approver']);
    expect((await ledgerActions(revocable.body.id)).map((e) => e.action)).toEqual([
      'approvals.delegation_granted',
      'approvals.delegation_revoked',
    ]);

    const shortLived = await grant(inHours(1));
    expect(shortLived.status).toBe(201);
    // Its hour has passed: moved behind the app's back rather than waited for, so no clock is raced.
    await t.dataSource.query(
      `UPDATE approval_delegations SET valid_from = now() - interval '2 hours', valid_to = now() - interval '1 minute'
        WHERE id = $1`,
      [shortLived.body.id],
    );
    const afterExpiry = await act(officer('lang-son'), id, { transition: 'sign' });
    expect([afterExpiry.status, afterExpiry.body.code]).toEqual([403, 'not_an_approver']);
    expect((await get('thuky2@thidua.local', id)).body.state).toBe('open');
  });

  it('two heads approving at once: one moves the request, the other gets a 409', async () => {
    const id = await open(CLUSTER_DOC, 'son-la', 'thuky1@thidua.local', 1);
    const { version } = (await act('thuky1@thidua.local', id, { transition: 'propose' })).body as { version: number };
    const results = await Promise.all(
      (['lai-chau', 'ha-giang'] as const).map((code) =>
        act(head(code), id, { transition: 'adopt', expectedVersion: version }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(['version_conflict', 'transition_not_available']).toContain(loser.body.code);
    expect(loser.headers['content-type']).toMatch(/application\/problem\+json/);

    const final = await get('thuky1@thidua.local', id);
    expect(final.body).toMatchObject({ state: 'adopted', version: version + 1 });
    expect(final.body.acts.filter((a: { transition: string }) => a.transition === 'adopt')).toHaveLength(1);
    const changes = (await ledgerActions(id)).filter((e) => e.action === 'approvals.state_changed');
    expect(changes.map((e) => e.payload.to)).toEqual(['proposed', 'adopted']);
  });

  it('If-Match: a stale ETag is refused with 409, the current one is accepted', async () => {
    const id = await open(CLUSTER_DOC, 'son-la', 'thuky1@thidua.local', 1);
    const early = await act(head('lai-chau'), id, { transition: 'adopt' });
    expect([early.status, early.body.code, early.body.transitionsFromState]).toEqual([
      409,
      'transition_not_available',
      ['propose'],
    ]);
    const read = await get('thuky1@thidua.local', id);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body.availableTransitions).toEqual(['propose']);
    await act('thuky1@thidua.local', id, { transition: 'propose' }, read.headers.etag);

    const stale = await act(head('lai-chau'), id, { transition: 'adopt' }, '"1"');
    expect([stale.status, stale.body.code]).toEqual([409, 'version_conflict']);
    expect(stale.body).toMatchObject({ resource: 'approval_request', expectedVersion: 1, currentVersion: 2 });
    const staleBody = await act(head('lai-chau'), id, { transition: 'adopt', expectedVersion: 1 });
    expect([staleBody.status, staleBody.body.code]).toEqual([409, 'version_conflict']);
    const garbage = await act(head('lai-chau'), id, { transition: 'adopt' }, 'version-2');
    expect([garbage.status, garbage.body.code]).toEqual([400, 'if_match_invalid']);
    await expectStaleVersionsRefused(
      'approval_request',
      () => get(head('lai-chau'), id),
      (precondition) =>
        act(
          head('lai-chau'),
          id,
          { transition: 'adopt', expectedVersion: precondition.expectedVersion },
          precondition.ifMatch,
        ),
    );
    const fresh = await act(head('lai-chau'), id, { transition: 'adopt' }, 'W/"2"');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).toBe('"3"');
  });

  it('pending lists what the caller can act on now, and nothing for those who cannot', async () => {
    const id = await open(CLUSTER_DOC, 'son-la', 'thuky1@thidua.local', 2);
    await act('thuky1@thidua.local', id, { transition: 'propose' });
    const pendingFor = async (email: string) => {
      const response = await t.http.get(`${API}/approvals/pending?pageSize=100`).set(await asUser(t, email));
      expect(response.status).toBe(200);
      return (response.body.items as { id: string; availableTransitions: string[] }[]).find((r) => r.id === id);
    };
    expect(await pendingFor(head('lang-son'))).toMatchObject({ availableTransitions: ['adopt', 'reject'] });
    expect(await pendingFor(head('son-la'))).toBeUndefined();
    expect(await pendingFor(officer('lang-son'))).toBeUndefined();
    expect(await pendingFor('thuky1@thidua.local')).toBeUndefined();
    expect(await pendingFor('admin@thidua.local')).toBeUndefined();
    await act(head('lang-son'), id, { transition: 'adopt' });
    expect(await pendingFor(head('lang-son'))).toBeUndefined();
    expect(await pendingFor(head('cao-bang'))).toMatchObject({ approvalsSoFar: 1 });
  });

  it('a request is seen by its cluster and administrators only; administrators do not approve', async () => {
    const id = await open(CLUSTER_DOC, 'son-la', 'thuky1@thidua.local', 1);
    await act('thuky1@thidua.local', id, { transition: 'propose' });
    const admin = await asUser(t, 'admin@thidua.local');
    const created = await t.http
      .post(`${API}/users`)
      .set(admin)
      .send({ email: 'nguoingoai@thidua.local', fullName: 'Người ngoài', locale: 'vi', password: DEMO_PASSWORD });
    expect(created.status).toBe(201);

    const outsider = await get('nguoingoai@thidua.local', id);
    expect([outsider.status, outsider.body.code]).toEqual([403, 'approval_not_visible']);
    const outsiderActs = await act('nguoingoai@thidua.local', id, { transition: 'adopt' });
    expect([outsiderActs.status, outsiderActs.body.code]).toEqual([403, 'approval_not_visible']);
    expect((await get(delegate('cao-bang'), id)).status).toBe(200);
    const asAdmin = await get('admin@thidua.local', id);
    expect([asAdmin.status, asAdmin.body.availableTransitions]).toEqual([200, []]);
    const adminActs = await act('admin@thidua.local', id, { transition: 'adopt' });
    expect([adminActs.status, adminActs.body.code]).toEqual([403, 'not_an_approver']);
    const missing = await get('admin@thidua.local', randomUUID());
    expect([missing.status, missing.body.code]).toEqual([404, 'approval_request_not_found']);
  });
});

function inHours(hours: number): string {
  return new Date(Date.now() + hours * 3600_000).toISOString();
}
