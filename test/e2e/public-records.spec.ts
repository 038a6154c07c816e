import { API, createTestApp, type TestApp } from '../utils/test-app';
import { problem } from '../utils/problems';

/**
 * `GET /records/{digest}/bundle` for anyone (decision 036): what it refuses, its place in the
 * OpenAPI document and its limit per address. The bundles it serves — a sealed pledge, a certified
 * counting record, a completed handover — and the 404 for the same records before they are final
 * are checked where those records are made (records-pdf.spec.ts, records-pdf-signed.spec.ts).
 */
describe('the public bundle of a final record', () => {
  let t: TestApp;

  beforeAll(async () => {
    process.env.PUBLIC_READS_PER_ADDRESS = '4';
    t = await createTestApp();
  });
  afterAll(async () => {
    delete process.env.PUBLIC_READS_PER_ADDRESS;
    await t.close();
  });

  it('is in the OpenAPI document as public, with its bundle schema and problems', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const operation = doc.paths['/api/v1/records/{digest}/bundle'].get;
    expect(operation.security).toEqual([]);
    expect(operation.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/SignedBundleDto',
    );
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '404', '429']));
  });

  it('refuses a malformed digest, answers an unknown one as not found, then limits reads per address', async () => {
    // Four reads allowed per address (PUBLIC_READS_PER_ADDRESS), the refused one counted too.
    expect(problem(await t.http.get(`${API}/records/abc/bundle`))).toEqual({
      status: 400,
      code: 'record_digest_invalid',
    });
    const unknown = await t.http.get(`${API}/records/${'ab'.repeat(32)}/bundle`);
    expect(problem(unknown)).toEqual({ status: 404, code: 'final_record_not_found' });
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.http.get(`${API}/records/${'cd'.repeat(32)}/bundle`)).status).toBe(404);
    expect((await t.http.get(`${API}/records/${'ef'.repeat(32)}/bundle`)).status).toBe(404);
    const refused = await t.http.get(`${API}/records/${'ab'.repeat(32)}/bundle`);
    expect(problem(refused)).toEqual({ status: 429, code: 'too_many_requests' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
