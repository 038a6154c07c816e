import type { RulesContent } from '../../src/modules/rules/rules-content';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser, demoClusterId, SECRETARIAT } from '../utils/signed-in';

/**
 * Every rule of the rules model refused through HTTP, with the field path in the answer: the
 * shape by the DTOs (400 validation_failed), the rules between fields by the validator (422
 * rules_content_invalid). Nothing refused is stored.
 */
describe('rules content validation', () => {
  let t: TestApp;
  let clusterId: string;
  let defaults: RulesContent;

  const draft = async (content: unknown) =>
    t.http
      .post(`${API}/clusters/${clusterId}/rules-versions`)
      .set(await asUser(t, SECRETARIAT))
      .send({ title: 'Quy chế thử', content });
  /** The defaults, changed by `edit`. */
  const changed = (edit: (content: RulesContent) => void): RulesContent => {
    const content = structuredClone(defaults);
    edit(content);
    return content;
  };

  beforeAll(async () => {
    t = await createTestApp();
    clusterId = await demoClusterId(t, SECRETARIAT);
    const res = await t.http.get(`${API}/clusters/${clusterId}/rules-defaults`).set(await asUser(t, SECRETARIAT));
    defaults = res.body.content;
  });
  afterAll(() => t.close());

  const rules: [string, (content: RulesContent) => void, string, RegExp][] = [
    [
      'a leaf without maxPoints',
      (c) => delete c.scoring.criteria[0].children![1].maxPoints,
      'content.scoring.criteria[0].children[1].maxPoints',
      /'A2' needs maxPoints/,
    ],
    [
      'a parent whose maximum is not the sum of its children',
      (c) => (c.scoring.criteria[1].maxPoints = 50),
      'content.scoring.criteria[1].maxPoints',
      /is 50 but the children of 'B' add up to 45/,
    ],
    [
      'negative points',
      (c) => (c.scoring.criteria[2].children![2].maxPoints = -5),
      'content.scoring.criteria[2].children[2].maxPoints',
      /positive number of points \(it is -5\)/,
    ],
    [
      'a bonus without a cap',
      (c) => delete (c.scoring.bonus[0] as { cap?: number }).cap,
      'content.scoring.bonus[0].cap',
      /needs a cap/,
    ],
    [
      'penalty points above the cap',
      (c) => (c.scoring.penalty[0].points = 10),
      'content.scoring.penalty[0].points',
      /more than the cap of 5/,
    ],
    [
      'a quota over 100%',
      (c) => (c.awardCategories[0].quotaShare = 1.2),
      'content.awardCategories[0].quotaShare',
      /\(0, 1\]/,
    ],
    ['a quorum of 0', (c) => (c.voting.quorum = 0), 'content.voting.quorum', /\(0, 1\]/],
    [
      'a passing threshold above 1',
      (c) => (c.voting.passingThreshold = 1.01),
      'content.voting.passingThreshold',
      /\(0, 1\]/,
    ],
    [
      'a category without eligibility',
      (c) => (c.awardCategories[2].eligibility = {}),
      'content.awardCategories[2].eligibility',
      /at least one eligibility condition/,
    ],
    [
      'duplicate criterion codes',
      (c) => (c.scoring.criteria[1].children![0].code = 'A3'),
      'content.scoring.criteria[1].children[0].code',
      /duplicates the criterion code 'A3'/,
    ],
    [
      'a penalty with the code of a bonus',
      (c) => (c.scoring.penalty[1].code = 'BONUS-TASK'),
      'content.scoring.penalty[1].code',
      /duplicates the bonus or penalty code/,
    ],
    [
      'duplicate category codes',
      (c) => (c.awardCategories[2].code = 'ALLIANCE-FLAG'),
      'content.awardCategories[2].code',
      /duplicates the award category code 'ALLIANCE-FLAG'/,
    ],
    [
      'requiresCategory naming an unknown category',
      (c) => (c.awardCategories[0].eligibility.requiresCategory = 'PROVINCE-FLAG'),
      'content.awardCategories[0].eligibility.requiresCategory',
      /names no award category/,
    ],
    [
      'a rotation order with a unit that is not a member',
      (c) => (c.leaderRotation.fixedOrder = ['son-la', 'ha-noi']),
      'content.leaderRotation.fixedOrder[1]',
      /'ha-noi' is not a member unit/,
    ],
    [
      'a rotation order naming a unit twice',
      (c) => (c.leaderRotation.fixedOrder = ['lang-son', 'son-la', 'lang-son']),
      'content.leaderRotation.fixedOrder[2]',
      /appears more than once/,
    ],
    [
      'fewer than one ballot per round',
      (c) => (c.voting.maxBallotsPerRound = 0),
      'content.voting.maxBallotsPerRound',
      /at least 1/,
    ],
    ['an empty tie-break order', (c) => (c.voting.tieBreak = []), 'content.voting.tieBreak', /at least one rule/],
    [
      'more adoption approvals than member units',
      (c) => (c.adoptionApprovals = 8),
      'content.adoptionApprovals',
      /more than the 7 member units/,
    ],
  ];

  it.each(rules)('refuses %s (422, with the field path)', async (_rule, edit, field, message) => {
    const res = await draft(changed(edit));
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('rules_content_invalid');
    expect(res.body.errors).toEqual([{ field, messages: [expect.stringMatching(message)] }]);
  });

  it('lists every broken rule of one request at once', async () => {
    const res = await draft(
      changed((c) => {
        c.voting.quorum = 2;
        c.voting.tieBreak = [];
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'content.voting.quorum',
      'content.voting.tieBreak',
    ]);
  });

  it.each([
    [
      'an unknown nested field',
      (c: RulesContent) => Object.assign(c.voting, { secret: true }),
      'content.voting.secret',
    ],
    ['a number sent as text', (c: RulesContent) => Object.assign(c.voting, { quorum: '2/3' }), 'content.voting.quorum'],
    [
      'an unknown award level',
      (c: RulesContent) => Object.assign(c.awardCategories[1], { level: 'gold_medal' }),
      'content.awardCategories[1].level',
    ],
    [
      'an unknown tie-break rule',
      (c: RulesContent) => Object.assign(c.voting, { tieBreak: ['coin_toss'] }),
      'content.voting.tieBreak',
    ],
    [
      'a criterion without a name, deep in the tree',
      (c: RulesContent) => delete (c.scoring.criteria[2].children![0] as { name?: string }).name,
      'content.scoring.criteria[2].children[0].name',
    ],
    ['a missing voting section', (c: RulesContent) => delete (c as { voting?: unknown }).voting, 'content.voting'],
  ])('refuses the wrong shape: %s (400, with the field path)', async (_case, edit, field) => {
    const res = await draft(changed(edit));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses invalid content in a revision too, and leaves the draft as it was', async () => {
    const created = await draft(defaults);
    expect(created.status).toBe(201);
    const res = await t.http
      .patch(`${API}/rules-versions/${created.body.id}`)
      .set(await asUser(t, SECRETARIAT))
      .send({ content: changed((c) => (c.awardCategories[0].quotaShare = 2)), expectedVersion: 1 });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('content.awardCategories[0].quotaShare');
    const after = await t.http.get(`${API}/rules-versions/${created.body.id}`).set(await asUser(t, SECRETARIAT));
    expect(after.body.content.awardCategories[0].quotaShare).toBe(0.2);
    expect(after.body.version).toBe(1);
  });

  it('stored nothing for the refused drafts', async () => {
    const list = await t.http.get(`${API}/clusters/${clusterId}/rules-versions`).set(await asUser(t, SECRETARIAT));
    expect(list.body.total).toBe(2); // the demo's 2011 rules and the one valid draft
  });

  // Last: it ends a membership of the demo cluster.
  it('checks the content again when it is proposed: a unit that left the cluster cannot stay in the rotation', async () => {
    const created = await draft(changed((c) => (c.leaderRotation.fixedOrder = ['lang-son', 'son-la'])));
    expect(created.status).toBe(201);
    const memberships = await t.http
      .get(`${API}/clusters/${clusterId}/memberships?current=true&pageSize=100`)
      .set(await asUser(t, SECRETARIAT));
    const sonLa = memberships.body.items.find((m: { unit: { code: string } }) => m.unit.code === 'son-la');
    // Leaving is the unit's own act (its head), never the secretariat's (decision 019).
    const ended = await t.http
      .post(`${API}/clusters/${clusterId}/memberships/${sonLa.id}/end`)
      .set(await asUser(t, 'chutich.son-la@thidua.local'))
      .send({ leftOn: '2020-12-31' });
    expect(ended.status).toBe(200);

    const proposed = await t.http
      .post(`${API}/approvals/${created.body.approval.requestId}/acts`)
      .set(await asUser(t, SECRETARIAT))
      .send({ transition: 'propose' });
    expect(proposed.status).toBe(422);
    expect(proposed.body.code).toBe('rules_content_invalid');
    expect(proposed.body.errors).toEqual([
      {
        field: 'content.leaderRotation.fixedOrder[1]',
        messages: ["'son-la' is not a member unit of the cluster today"],
      },
    ]);
    const after = await t.http.get(`${API}/rules-versions/${created.body.id}`).set(await asUser(t, SECRETARIAT));
    expect({ status: after.body.status, state: after.body.approval.state }).toEqual({
      status: 'draft',
      state: 'draft',
    });
  });
});
