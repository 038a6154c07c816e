import { demoIds, meetingSteps, recordLeader2011, type DemoIds } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { expectStaleVersionsRefused, withPrecondition } from '../utils/versioned';
import { delegate, SECRETARIAT } from '../utils/signed-in';

/**
 * The meeting and its polls keep the one version contract (the other versioned resources are
 * checked in their modules' specs with the same helper): ETag on GET, a stale If-Match or
 * expectedVersion is 409 version_conflict, the fresh one goes through.
 */
describe('versions of meetings and polls', () => {
  let t: TestApp;
  let ids: DemoIds;
  let s: ReturnType<typeof meetingSteps>;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t);
    s = meetingSteps(t, ids);
    await recordLeader2011(t, ids);
    meetingId = await s.createMeeting();
  });
  afterAll(() => t.close());

  it('a meeting: ETag on GET, stale versions refused, the fresh If-Match changes it', async () => {
    const change = async (precondition: { ifMatch?: string; expectedVersion?: number }, patch: object) => {
      const { headers, body } = withPrecondition(precondition, patch);
      return t.http
        .patch(`${API}/meetings/${meetingId}`)
        .set(await s.as(SECRETARIAT))
        .set(headers)
        .send(body);
    };
    const { version, etag } = await expectStaleVersionsRefused(
      'meeting',
      () => s.get(`/meetings/${meetingId}`),
      (precondition) => change(precondition, { place: 'Nhà khách Tỉnh ủy Lạng Sơn' }),
    );
    const moved = await change({ ifMatch: etag }, { status: 'in_session' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'in_session', version: version + 1 });
    expect(moved.headers.etag).toBeUndefined();

    // Without either, nothing is checked: a client that does not track versions still works.
    const unchecked = await change({}, { place: 'Hội trường UBND tỉnh Lạng Sơn' });
    expect(unchecked.status).toBe(200);
    expect((await s.get(`/meetings/${meetingId}`)).headers.etag).toBe(`"${version + 2}"`);
  });

  it('an account: ETag on GET, stale versions refused, the fresh one changes it', async () => {
    const userId = ids.userIds[delegate('son-la')];
    const admin = async () => ({ Authorization: await t.bearer('admin@thidua.local') });
    const change = async (precondition: { ifMatch?: string; expectedVersion?: number }, patch: object) => {
      const { headers, body } = withPrecondition(precondition, patch);
      return t.http
        .patch(`${API}/users/${userId}`)
        .set(await admin())
        .set(headers)
        .send(body);
    };
    const { version, etag } = await expectStaleVersionsRefused(
      'user',
      async () => t.http.get(`${API}/users/${userId}`).set(await admin()),
      (precondition) => change(precondition, { locale: 'en' }),
    );
    const changed = await change({ ifMatch: etag, expectedVersion: version }, { locale: 'en' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ locale: 'en', version: version + 1 });
  });

  it('the served document declares the ETag with a schema and If-Match once, optional', async () => {
    const document = (await t.http.get('/docs-json')).body as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { name: string; in: string; required?: boolean }[] } & {
            responses: Record<string, { headers?: Record<string, { schema?: { type?: string } }> }>;
          }
        >
      >;
    };
    const meeting = document.paths[`${API}/meetings/{id}`];
    expect(meeting.get.responses['200'].headers?.ETag?.schema).toMatchObject({ type: 'string' });
    for (const [path, method] of [
      ['/meetings/{id}', 'patch'],
      ['/cycles/{id}/advance', 'post'],
      ['/approvals/{id}/acts', 'post'],
      ['/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}', 'put'],
    ]) {
      const headers = (document.paths[`${API}${path}`][method].parameters ?? []).filter(
        (p) => p.in === 'header' && p.name.toLowerCase() === 'if-match',
      );
      expect({ path, headers }).toEqual({
        path,
        headers: [expect.objectContaining({ name: 'If-Match', required: false })],
      });
    }
  });

  it('a poll: ETag on GET, stale versions refused when it opens, the fresh one opens it', async () => {
    for (const code of ['son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai', 'lang-son']) {
      expect((await s.checkIn(meetingId, code)).status).toBe(201);
    }
    const poll = await s.createPoll(meetingId, { kind: 'leader_election', title: 'Bầu cụm trưởng năm 2012' });
    expect(poll.status).toBe(201);
    const open = async (precondition: { ifMatch?: string; expectedVersion?: number }, email = SECRETARIAT) => {
      const { headers, body } = withPrecondition(precondition, {});
      return t.http
        .post(`${API}/polls/${poll.body.id}/open`)
        .set(await s.as(email))
        .set(headers)
        .send(body);
    };
    const { version, etag } = await expectStaleVersionsRefused(
      'poll',
      () => s.get(`/polls/${poll.body.id}`, delegate('son-la')),
      (precondition) => open(precondition),
    );
    const opened = await open({ ifMatch: etag, expectedVersion: version });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', version: version + 1 });
  });
});
