import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { createApp } from '../../src/app.factory';
import { demoIds, meetingSteps, type DemoIds } from '../utils/elections-fixtures';
import { openEventStream, readAll, type SseConnection } from '../utils/sse';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { SECRETARIAT } from '../utils/signed-in';

// The meeting's live stream: what changed, heard by every instance of the service (PostgreSQL
// LISTEN/NOTIFY), refused as the meeting itself is refused, and never a figure or a choice.
describe('GET /meetings/{id}/events (server-sent events)', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;
  let baseA: string;
  let baseB: string;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    process.env.LIVE_TURNOUT_INTERVAL_MS = '250';
    t = await createTestApp();
    // A second instance of the service on the same database: the deployment model.
    second = await createApp({ dataSourceOptions: t.database.options });
    await t.app.listen(0, '127.0.0.1');
    await second.listen(0, '127.0.0.1');
    baseA = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}${API}`;
    baseB = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}${API}`;
    ids = await demoIds(t);
    s = meetingSteps(t, ids);
    meetingId = await s.createMeeting();
  });

  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    delete process.env.LIVE_TURNOUT_INTERVAL_MS;
    await second?.close();
    await t?.close();
  });

  async function open(base: string, email = SECRETARIAT, id = meetingId): Promise<SseConnection> {
    const stream = await openEventStream(`${base}/meetings/${id}/events`, { authorization: await t.bearer(email) });
    streams.push(stream);
    return stream;
  }

  it('streams what changed, whichever instance took the change', async () => {
    const stream = await open(baseA);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect((await stream.next('ready')).data).toEqual({ meetingId });

    // Sơn La's delegate checks in through the OTHER instance.
    const checkIn = await fetch(`${baseB}/meetings/${meetingId}/attendance/check-in`, {
      method: 'POST',
      headers: { authorization: await t.bearer('daibieu.son-la@thidua.local'), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(checkIn.status).toBe(201);
    expect((await stream.next('attendance')).data).toEqual({ meetingId });

    // The meeting itself changes (its status): heard as `meeting`.
    const current = await s.get(`/meetings/${meetingId}`);
    const patched = await t.http
      .patch(`${API}/meetings/${meetingId}`)
      .set(await s.as(SECRETARIAT))
      .send({ status: 'in_session', expectedVersion: current.body.version });
    expect(patched.status).toBe(200);
    expect((await stream.next('meeting')).data).toEqual({ meetingId });
  });

  it('tells of a poll opened and of turnout moving, never of a choice', async () => {
    const stream = await open(baseB, 'daibieu.son-la@thidua.local');
    await stream.next('ready');
    for (const code of ['lai-chau', 'dien-bien', 'ha-giang', 'cao-bang'])
      expect((await s.checkIn(meetingId, code)).status).toBe(201);
    const created = await s.createPoll(meetingId, {
      kind: 'motion',
      title: 'Thông qua chương trình',
      motionText: 'Đồng ý?',
    });
    expect(created.status).toBe(201);
    const pollId = created.body.id as string;
    expect((await stream.next('poll')).data).toEqual({ meetingId, pollId });
    expect((await s.step(pollId, 'open')).status).toBe(200);
    expect((await stream.next('poll')).data).toEqual({ meetingId, pollId });

    expect((await s.vote(pollId, 'son-la', { choice: 'yes' })).status).toBe(201);
    const turnout = await stream.next('turnout');
    expect(turnout.data).toEqual({ meetingId, pollId });
  });

  it('is refused as the meeting is refused, before the stream starts', async () => {
    const anonymous = await openEventStream(`${baseA}/meetings/${meetingId}/events`);
    expect(anonymous.response.statusCode).toBe(401);
    expect(anonymous.response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(await readAll(anonymous.response)).code).toBe('access_token_missing');

    const unknown = await openEventStream(`${baseA}/meetings/${randomUUID()}/events`, {
      authorization: await t.bearer(SECRETARIAT),
    });
    expect(unknown.response.statusCode).toBe(404);
    expect(JSON.parse(await readAll(unknown.response)).code).toBe('meeting_not_found');

    const malformed = await openEventStream(`${baseA}/meetings/not-a-uuid/events`, {
      authorization: await t.bearer(SECRETARIAT),
    });
    expect(malformed.response.statusCode).toBe(400);
    expect(JSON.parse(await readAll(malformed.response)).code).toBe('invalid_identifier');
  });
});
