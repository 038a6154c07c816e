import { API, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/test-app';
import { asUser } from '../utils/signed-in';

/**
 * For each kind of person, one representative call they may make and one they may not — the
 * permission table and the record-level policies seen from outside, through HTTP.
 */
describe('who may do what', () => {
  let t: TestApp;
  let clusterId: string;
  let sonLaId: string;
  let otherClusterId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await asUser(t, 'admin@thidua.local');
    const clusters = await t.http.get(`${API}/clusters?q=bien-gioi`).set(admin);
    clusterId = clusters.body.items[0].id;
    const units = await t.http.get(`${API}/units?q=son-la`).set(admin);
    sonLaId = units.body.items[0].id;
    const other = await t.http.post(`${API}/clusters`).set(admin).send({ code: 'other-cluster', name: 'Cụm khác' });
    otherClusterId = other.body.id;
    // A person with an account and no mandate at all.
    await t.http
      .post(`${API}/users`)
      .set(admin)
      .send({ email: 'khach@thidua.local', fullName: 'Khách', locale: 'vi', password: DEMO_PASSWORD });
  });
  afterAll(() => t.close());

  type Call = (headers: Record<string, string>) => Promise<{ status: number; body: { code?: string; type?: string } }>;
  const get =
    (route: () => string): Call =>
    (h) =>
      t.http.get(`${API}${route()}`).set(h);
  function path(template: string) {
    return () =>
      template.replace(':cluster', clusterId).replace(':otherCluster', otherClusterId).replace(':sonLa', sonLaId);
  }
  const rows: [
    string,
    string,
    { call: () => Call; status: number },
    { call: () => Call; status: number; code: string },
  ][] = [
    [
      'admin',
      'admin@thidua.local',
      {
        call: () => (h) => t.http.post(`${API}/clusters`).set(h).send({ code: 'new-cluster', name: 'Cụm mới' }),
        status: 201,
      },
      {
        call: () => (h) => t.http.post(`${API}/users`).set(h).send({ email: 'x' }),
        status: 400,
        code: 'validation_failed',
      },
    ],
    [
      'secretariat',
      'thuky1@thidua.local',
      {
        call: () => (h) => t.http.patch(`${API}/clusters/${clusterId}`).set(h).send({ description: 'Cập nhật' }),
        status: 200,
      },
      {
        call: () => (h) => t.http.patch(`${API}/clusters/${otherClusterId}`).set(h).send({ description: 'x' }),
        status: 403,
        code: 'cluster_update_forbidden',
      },
    ],
    [
      'secretariat (creating a cluster)',
      'thuky2@thidua.local',
      { call: () => get(path('/mandates?unitId=:sonLa')), status: 200 },
      {
        call: () => (h) => t.http.post(`${API}/clusters`).set(h).send({ code: 'mine', name: 'Cụm của tôi' }),
        status: 403,
        code: 'cluster_creation_forbidden',
      },
    ],
    [
      'head of a unit',
      'chutich.son-la@thidua.local',
      { call: () => get(path('/mandates?unitId=:sonLa')), status: 200 },
      {
        call: () => (h) => t.http.post(`${API}/units`).set(h).send({ code: 'u', name: 'U' }),
        status: 403,
        code: 'unit_creation_forbidden',
      },
    ],
    [
      'officer of a unit',
      'canbo.son-la@thidua.local',
      { call: () => get(path('/clusters/:cluster')), status: 200 },
      { call: () => get(path('/mandates')), status: 403, code: 'forbidden' },
    ],
    [
      'delegate of a unit',
      'daibieu.son-la@thidua.local',
      { call: () => get(path('/units?clusterId=:cluster')), status: 200 },
      {
        call: () => (h) =>
          t.http.post(`${API}/mandates`).set(h).send({ userId: sonLaId, role: 'head', unitId: sonLaId }),
        status: 403,
        code: 'forbidden',
      },
    ],
    [
      'person without a mandate',
      'khach@thidua.local',
      { call: () => get(path('/ledger/verify')), status: 200 },
      { call: () => get(path('/users')), status: 403, code: 'forbidden' },
    ],
  ];

  it.each(rows)('%s (%s): allowed and refused', async (_role, email, allowed, refused) => {
    const headers = await asUser(t, email);
    const ok = await allowed.call()(headers);
    expect({ status: ok.status, problem: ok.body.type }).toEqual({ status: allowed.status, problem: undefined });
    const no = await refused.call()(headers);
    expect({ status: no.status, code: no.body.code }).toEqual({ status: refused.status, code: refused.code });
  });

  it('anonymous callers reach only the public routes', async () => {
    expect((await t.http.get('/health')).status).toBe(200);
    const me = await t.http.get(`${API}/me`);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('access_token_missing');
    expect((await t.http.get(`${API}/clusters`)).status).toBe(401);
  });

  it('the head staffs their own unit; the secretariat grants no mandate', async () => {
    const head = await asUser(t, 'chutich.son-la@thidua.local');
    const person = await t.http.post(`${API}/users`).set(head).send({
      email: 'pho.son-la@thidua.local',
      fullName: 'Phó Chủ tịch Sơn La',
      locale: 'vi',
      password: DEMO_PASSWORD,
    });
    expect(person.status).toBe(201);
    const granted = await t.http
      .post(`${API}/mandates`)
      .set(head)
      .send({ userId: person.body.id, role: 'officer', unitId: sonLaId });
    expect(granted.status).toBe(201);
    const byHead = await t.http
      .post(`${API}/mandates`)
      .set(head)
      .send({ userId: person.body.id, role: 'secretariat', clusterId: otherClusterId });
    expect({ status: byHead.status, code: byHead.body.code }).toEqual({ status: 403, code: 'mandate_grant_forbidden' });
    const bySecretariat = await t.http
      .post(`${API}/mandates`)
      .set(await asUser(t, 'thuky1@thidua.local'))
      .send({ userId: person.body.id, role: 'delegate', unitId: sonLaId });
    expect({ status: bySecretariat.status, code: bySecretariat.body.code }).toEqual({ status: 403, code: 'forbidden' });
  });
});
