import { randomUUID } from 'node:crypto';
import { demoIds, meetingSteps, type DemoIds } from '../utils/elections-fixtures';
import { API, createTestApp, type TestApp } from '../utils/test-app';
import { SECRETARIAT } from '../utils/signed-in';

type OpenApiSchema = { type?: string; properties?: Record<string, unknown>; $ref?: string };
type OpenApiOperation = {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>;
};
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

/** The lists that answered a bare array before the contract of issue #13; each must now be a page. */
const CONVERTED = [
  '/clusters/{clusterId}/leaderships',
  '/approvals/workflows',
  '/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/history',
  '/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/evidence',
  '/cycles/{cycleId}/pledges',
  '/unit-pledges/{id}/progress-reports',
  '/cycles/{cycleId}/meetings',
  '/meetings/{id}/attendance',
  '/meetings/{meetingId}/polls',
];

/**
 * Every list route, found in the served OpenAPI document rather than listed by hand: each one
 * answers `{items, page, pageSize, total}`, honours `pageSize`, and refuses a query parameter it
 * does not know (400 validation_failed) — and no GET answers a bare array.
 */
describe('lists', () => {
  let t: TestApp;
  let ids: DemoIds;
  let meetingId: string;
  let document: OpenApiDocument;
  let listPaths: string[];
  const admin = async () => ({ Authorization: await t.bearer('admin@thidua.local') });

  /** A real id where the world has one, so that pages have rows; otherwise a random one (404). */
  function concrete(path: string): string {
    const byParam: Record<string, string> = {
      clusterId: ids.clusterId,
      cycleId: ids.cycleId,
      meetingId,
      unitId: ids.unitIds['son-la'],
      userId: ids.userIds[SECRETARIAT],
      itemCode: 'A1',
    };
    return path.replace(/\{(\w+)\}/g, (_match, name: string, offset: number) => {
      if (name !== 'id') return byParam[name] ?? randomUUID();
      const owner = path.slice(0, offset);
      if (owner.endsWith('/meetings/')) return meetingId;
      if (owner.endsWith('/clusters/')) return ids.clusterId;
      if (owner.endsWith('/cycles/')) return ids.cycleId;
      return randomUUID();
    });
  }

  beforeAll(async () => {
    t = await createTestApp();
    ids = await demoIds(t);
    const steps = meetingSteps(t, ids);
    meetingId = await steps.createMeeting();
    await steps.createMeeting();
    for (const code of ['son-la', 'lai-chau', 'dien-bien']) await steps.checkIn(meetingId, code);
    await steps.createPoll(meetingId, { kind: 'leader_election', title: 'Bầu cụm trưởng năm 2012' });
    const deputy = await t.http
      .post(`${API}/clusters/${ids.clusterId}/leaderships`)
      .set(await steps.as(SECRETARIAT))
      .send({ unitId: ids.unitIds['son-la'], role: 'deputy', termYear: 2011 });
    expect(deputy.status).toBe(201);

    document = (await t.http.get('/docs-json')).body as OpenApiDocument;
    listPaths = Object.entries(document.paths)
      .filter(([, item]) => {
        const schema = item.get?.responses['200']?.content?.['application/json']?.schema;
        return schema?.type === 'object' && schema.properties !== undefined && 'items' in schema.properties;
      })
      .map(([path]) => path.slice(API.length));
  });
  afterAll(() => t.close());

  it('no GET answers a bare array; the lists that did are pages now', () => {
    const arrays = Object.entries(document.paths)
      .filter(([, item]) => item.get?.responses['200']?.content?.['application/json']?.schema?.type === 'array')
      .map(([path]) => path);
    expect(arrays).toEqual([]);
    expect(listPaths).toEqual(expect.arrayContaining(CONVERTED));
    expect(listPaths.length).toBeGreaterThanOrEqual(CONVERTED.length + 14);
    for (const path of listPaths) {
      const parameters = document.paths[`${API}${path}`].get!.parameters ?? [];
      expect({ path, query: parameters.filter((p) => p.in === 'query').map((p) => p.name) }).toEqual({
        path,
        query: expect.arrayContaining(['page', 'pageSize', 'sort']),
      });
    }
  });

  it('every list refuses a query parameter it does not know, and a page size out of bounds', async () => {
    for (const path of listPaths) {
      const url = `${API}${concrete(path)}`;
      const unknown = await t.http.get(`${url}?foo=1`).set(await admin());
      expect({ path, status: unknown.status, code: unknown.body.code, errors: unknown.body.errors }).toEqual({
        path,
        status: 400,
        code: 'validation_failed',
        errors: [expect.objectContaining({ field: 'foo' })],
      });
      for (const pageSize of ['0', '101', 'two']) {
        const bad = await t.http.get(`${url}?pageSize=${pageSize}`).set(await admin());
        expect({ path, pageSize, status: bad.status, code: bad.body.code }).toEqual({
          path,
          pageSize,
          status: 400,
          code: 'validation_failed',
        });
      }
    }
  });

  it('every list honours pageSize and answers {items, page, pageSize, total}', async () => {
    const longer: string[] = [];
    for (const path of listPaths) {
      const res = await t.http.get(`${API}${concrete(path)}?pageSize=1`).set(await admin());
      if (res.status === 404) continue; // a random id: the shape is checked on the lists that have rows
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(Object.keys(res.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      expect({ path, page: res.body.page, pageSize: res.body.pageSize }).toEqual({ path, page: 1, pageSize: 1 });
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
      if (res.body.total >= 2) {
        longer.push(path);
        expect({ path, items: res.body.items.length }).toEqual({ path, items: 1 });
        const second = await t.http.get(`${API}${concrete(path)}?pageSize=1&page=2`).set(await admin());
        expect(second.body.items).toHaveLength(1);
        expect(second.body.items[0]).not.toEqual(res.body.items[0]);
      }
    }
    expect(longer).toEqual(
      expect.arrayContaining([
        '/clusters/{clusterId}/leaderships',
        '/approvals/workflows',
        '/cycles/{cycleId}/meetings',
        '/meetings/{id}/attendance',
      ]),
    );
  });

  it('a converted list sorts by its own fields and refuses others', async () => {
    const leaderships = `${API}/clusters/${ids.clusterId}/leaderships`;
    const byRole = await t.http.get(`${leaderships}?sort=role`).set(await admin());
    expect(byRole.body.items.map((l: { role: string }) => l.role)).toEqual(['deputy', 'leader']);
    const byDefault = await t.http.get(leaderships).set(await admin());
    expect(byDefault.body.items.map((l: { role: string }) => l.role)).toEqual(['leader', 'deputy']);
    const refused = await t.http.get(`${leaderships}?sort=note`).set(await admin());
    expect([refused.status, refused.body.code]).toEqual([400, 'validation_failed']);

    const workflows = await t.http.get(`${API}/approvals/workflows?sort=-key&pageSize=100`).set(await admin());
    const keys = workflows.body.items.map((w: { key: string }) => w.key);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(workflows.body.total).toBe(keys.length);
  });
});
