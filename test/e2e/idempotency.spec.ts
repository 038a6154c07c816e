import { randomUUID } from 'node:crypto';
import { IdempotencyStore } from '../../src/common/idempotency/idempotency.store';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { asUser } from '../utils/signed-in';

/**
 * `Idempotency-Key` on the POSTs of signed-in people (decision 028): a retry gets the first
 * answer and creates nothing more; another request under the same key is refused; keys are
 * per person; two identical requests at once create one record.
 */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let admin: Record<string, string>;

  const countClusters = async (code: string) =>
    Number(
      (
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM clusters WHERE code = $1`, [code])) as { n: number }[]
      )[0].n,
    );
  const createCluster = (key: string, body: object) =>
    t.http.post(`${API}/clusters`).set(admin).set('Idempotency-Key', key).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await asUser(t, 'admin@thidua.local');
  });
  afterAll(() => t.close());

  it('answers a retried create with the first answer, without creating a second record', async () => {
    const key = randomUUID();
    const first = await createCluster(key, { code: 'cum-thu-lai', name: 'Cụm thử lại' });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // The same request, its body's keys in another order: the same request.
    const retry = await createCluster(key, { name: 'Cụm thử lại', code: 'cum-thu-lai' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toMatch(/^application\/json/);
    expect(retry.body).toEqual(first.body);
    expect(await countClusters('cum-thu-lai')).toBe(1);
  });

  it('accepts the key as the draft writes it, a quoted string', async () => {
    const key = randomUUID();
    const first = await createCluster(`"${key}"`, { code: 'cum-ngoac-kep', name: 'Cụm' });
    const retry = await createCluster(key, { code: 'cum-ngoac-kep', name: 'Cụm' });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('refuses the same key with another body or route: 422 idempotency_key_reused, nothing created', async () => {
    const key = randomUUID();
    expect((await createCluster(key, { code: 'cum-mot', name: 'Cụm một' })).status).toBe(201);

    const other = await createCluster(key, { code: 'cum-hai', name: 'Cụm hai' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await countClusters('cum-hai')).toBe(0);

    const otherRoute = await t.http
      .post(`${API}/me/signing-keys/challenges`)
      .set(admin)
      .set('Idempotency-Key', key)
      .send();
    expect(otherRoute.status).toBe(422);
    expect(otherRoute.body.code).toBe('idempotency_key_reused');
  });

  it('keeps keys per person: the same key from another person is another request', async () => {
    const key = randomUUID();
    const challenge = (headers: Record<string, string>) =>
      t.http.post(`${API}/me/signing-keys/challenges`).set(headers).set('Idempotency-Key', key).send();
    const officer = await asUser(t, 'canbo.son-la@thidua.local');
    const head = await asUser(t, 'chutich.son-la@thidua.local');

    const mine = await challenge(officer);
    const theirs = await challenge(head);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();

    const myRetry = await challenge(officer);
    expect(myRetry.body).toEqual(mine.body);
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM signing_key_challenges WHERE id = ANY($1::uuid[])`,
      [[mine.body.id, theirs.body.id]],
    )) as { n: number }[];
    expect(n).toBe(2);
  });

  it('runs two identical requests sent at once only once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => createCluster(key, { code: 'cum-dong-thoi', name: 'Cụm đồng thời' })),
    );
    expect(await countClusters('cum-dong-thoi')).toBe(1);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.body.id)).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('idempotency_key_in_progress');
    }
    // Once the first has finished, every retry gets its answer.
    const retry = await createCluster(key, { code: 'cum-dong-thoi', name: 'Cụm đồng thời' });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(created[0].body.id);
  });

  it('answers 409 idempotency_key_in_progress while the first request still runs, then its answer', async () => {
    const key = randomUUID();
    const body = { code: 'cum-dang-chay', name: 'Cụm đang chạy' };
    // Behind the app's back, an uncommitted cluster with the same code: the first request waits on it.
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`INSERT INTO clusters (code, name) VALUES ($1, 'chặn')`, [body.code]);
    try {
      const first = createCluster(key, body).then((answer) => answer);
      // The first request has claimed the key once its row exists (no timing: poll the database).
      for (;;) {
        const rows = (await t.dataSource.query(`SELECT state FROM idempotency_keys WHERE key = $1`, [
          key,
        ])) as unknown[];
        if (rows.length > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const duplicate = await createCluster(key, body);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('idempotency_key_in_progress');
      await blocker.rollbackTransaction();
      const answer = await first;
      expect(answer.status).toBe(201);
      const retry = await createCluster(key, body);
      expect(retry.body).toEqual(answer.body);
      expect(await countClusters(body.code)).toBe(1);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  });

  it('keeps a final refusal (409) for retries, but not a malformed request (400)', async () => {
    const taken = randomUUID();
    expect((await createCluster(randomUUID(), { code: 'cum-trung', name: 'Cụm' })).status).toBe(201);
    const refused = await createCluster(taken, { code: 'cum-trung', name: 'Cụm' });
    expect(refused.status).toBe(409);
    const again = await createCluster(taken, { code: 'cum-trung', name: 'Cụm' });
    expect(again.status).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toEqual(refused.body);

    const key = randomUUID();
    const malformed = await createCluster(key, { code: 'cum-sua', name: '' });
    expect(malformed.status).toBe(400);
    const fixed = await createCluster(key, { code: 'cum-sua', name: 'Cụm đã sửa' });
    expect(fixed.status).toBe(201);
  });

  it.each([
    ['longer than 255 characters', 'k'.repeat(256)],
    ['with a space in a bare token', 'two words'],
    ['empty', '""'],
  ])('refuses a key %s: 400 idempotency_key_invalid, nothing created', async (_, key) => {
    const answer = await createCluster(key, { code: 'cum-khoa-sai', name: 'Cụm' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('idempotency_key_invalid');
    expect(await countClusters('cum-khoa-sai')).toBe(0);
  });

  it('ignores the header on public routes: each sign-in is a new session, never stored', async () => {
    const key = randomUUID();
    const login = () =>
      t.http
        .post(`${API}/auth/login`)
        .set('Idempotency-Key', key)
        .send({ email: 'admin@thidua.local', password: 'thidua-demo-2011' });
    const [one, two] = [await login(), await login()];
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(two.body.refreshToken).not.toBe(one.body.refreshToken);
    expect(await t.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);
  });

  it('forgets a key after 24 hours: swept, and a later request under it runs', async () => {
    const key = randomUUID();
    expect((await createCluster(key, { code: 'cum-het-han', name: 'Cụm' })).status).toBe(201);
    await t.dataSource.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [
      key,
    ]);
    // An expired key not yet swept is claimed afresh.
    expect((await createCluster(key, { code: 'cum-het-han-2', name: 'Cụm' })).status).toBe(201);
    await t.dataSource.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [
      key,
    ]);
    expect(await t.app.get(IdempotencyStore).sweepExpired()).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);
  });

  it('runs again a request whose first run died holding the key (its lease ended)', async () => {
    const key = randomUUID();
    const body = { code: 'cum-mo-coi', name: 'Cụm' };
    expect((await createCluster(key, body)).status).toBe(201);
    // As if the instance had died between the claim and the answer: in progress, lease over.
    await t.dataSource.query(
      `UPDATE idempotency_keys SET state = 'in_progress', response_status = NULL, response_headers = NULL,
              response_body = NULL, locked_until = now() - interval '1 second' WHERE key = $1`,
      [key],
    );
    await t.dataSource.query(`DELETE FROM clusters WHERE code = $1`, [body.code]);
    const again = await createCluster(key, body);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await countClusters(body.code)).toBe(1);
  });

  it('documents the header on POSTs of signed-in people, not on sign-in nor on the ballot', async () => {
    const document = (await t.http.get('/docs-json')).body as {
      paths: Record<string, { post?: { parameters?: { $ref?: string; name?: string; required?: boolean }[] } }>;
      components: { parameters: Record<string, { name: string; in: string }> };
    };
    const refs = (path: string) => (document.paths[path].post?.parameters ?? []).map((p) => p.$ref ?? p.name);
    expect(document.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
    expect(refs('/api/v1/clusters')).toContain('#/components/parameters/IdempotencyKey');
    expect(refs('/api/v1/cycles/{cycleId}/pledges')).toContain('#/components/parameters/IdempotencyKey');
    expect(refs('/api/v1/auth/login')).not.toContain('#/components/parameters/IdempotencyKey');
    const ballot = document.paths['/api/v1/polls/{id}/ballots'].post!.parameters!;
    expect(
      ballot.filter((p) => p.$ref === '#/components/parameters/IdempotencyKey' || p.name === 'Idempotency-Key'),
    ).toHaveLength(1);
    expect(ballot.find((p) => p.name === 'Idempotency-Key')?.required).toBe(true);
  });
});
