// A limit of this file's own, set before the app (and its config) is loaded.
process.env.EVIDENCE_MAX_BYTES = String(2 * 1024 * 1024);

import { API, createTestApp, type TestApp } from '../utils/test-app';

/**
 * GET /evidence-limits: the portal refuses a file before uploading it with the server's own
 * limits, so they must be the ones the upload enforces (the configured size, the accepted kinds).
 */
describe('evidence limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('gives a signed-in person the configured size and every accepted kind with its extensions', async () => {
    const res = await t.http
      .get(`${API}/evidence-limits`)
      .set({ Authorization: await t.bearer('canbo.son-la@thidua.local') });
    expect(res.status).toBe(200);
    expect(res.body.maxBytes).toBe(2 * 1024 * 1024);
    const extensions = (res.body.types as { contentType: string; extensions: string[] }[]).flatMap(
      (type) => type.extensions,
    );
    expect(extensions).toEqual(
      expect.arrayContaining([
        'pdf',
        'png',
        'jpg',
        'jpeg',
        'gif',
        'webp',
        'docx',
        'xlsx',
        'pptx',
        'doc',
        'xls',
        'ppt',
        'odt',
      ]),
    );
    expect(extensions).not.toContain('html');
    expect(res.body.types).toContainEqual({ contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] });
  });

  it('is refused without signing in', async () => {
    const res = await t.http.get(`${API}/evidence-limits`);
    expect(res.status).toBe(401);
  });
});
