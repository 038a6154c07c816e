import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { demoIds, DEMO_CODES, meetingSteps } from '../utils/elections-fixtures';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from '../utils/test-database';
import { API, type TestApp } from '../utils/test-app';
import { delegate } from '../utils/signed-in';

/**
 * A ballot writes no request-log line, however its path is spelled (issue #12 §1): the rule is read
 * from the route Fastify resolved, so `/polls/{id}/%62allots` — which reaches the same handler — is
 * not logged either, while other routes are.
 */
describe('the request log leaves ballots out by the resolved route', () => {
  const lines: { msg?: string; req?: { url?: string } }[] = [];
  let database: TestDatabase;
  let t: TestApp;
  let pollId: string;
  let previousLevel: string | undefined;

  // Its own app (not createTestApp): the request log is read from a stream, at level info.
  beforeAll(async () => {
    previousLevel = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    database = await createTestDatabase();
    const logStream = {
      write: (line: string) => {
        lines.push(JSON.parse(line) as (typeof lines)[number]);
      },
    };
    const app = await createApp({
      dataSourceOptions: database.options,
      log: { destination: logStream, level: 'info' },
    });
    const http = request(app.getHttpServer());
    const tokens = new Map<string, string>();
    t = {
      app,
      http,
      dataSource: app.get(DataSource),
      database,
      login: () => Promise.reject(new Error('this spec signs in through bearer()')),
      async bearer(email: string) {
        if (!tokens.has(email)) {
          const res = await http.post(`${API}/auth/login`).send({ email, password: DEMO_PASSWORD });
          tokens.set(email, `Bearer ${res.body.accessToken as string}`);
        }
        return tokens.get(email)!;
      },
      close: async () => {
        await app.close();
        await database.dispose();
      },
    };
    const ids = await demoIds(t);
    const s = meetingSteps(t, ids);
    const meetingId = await s.createMeeting();
    for (const code of DEMO_CODES) await s.checkIn(meetingId, code);
    pollId = (await s.createPoll(meetingId, { kind: 'motion', title: 'Nhật ký', motionText: 'Đồng ý?' })).body.id;
    await s.step(pollId, 'open');
  });
  afterAll(async () => {
    if (previousLevel === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = previousLevel;
    await t.close();
  });

  const logged = (fragment: string) => lines.filter((line) => line.req?.url?.includes(fragment));

  it('logs no ballot, spelled plainly or percent-encoded, and still logs other routes', async () => {
    const cast = async (path: string, code: string) =>
      t.http
        .post(`${API}/polls/${pollId}/${path}`)
        .set('Authorization', await t.bearer(delegate(code)))
        .set('Idempotency-Key', randomUUID())
        .send({ choice: 'yes' });
    expect((await cast('ballots', 'son-la')).status).toBe(201);
    const encoded = await cast('%62allots', 'lai-chau');
    // The encoded spelling reaches the ballot handler: it is a ballot, and must not be logged.
    expect(encoded.status).toBe(201);
    expect(encoded.body.receipt.pollId).toBe(pollId);
    expect(
      (await t.http.get(`${API}/polls/${pollId}/turnout`).set('Authorization', await t.bearer(delegate('son-la'))))
        .status,
    ).toBe(200);

    expect(logged('/turnout')).not.toHaveLength(0);
    expect(logged('allots')).toEqual([]);
  });
});
