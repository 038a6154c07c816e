import { decode, sign } from 'jsonwebtoken';
import type { Response } from 'supertest';
import { API, createTestApp, type TestApp } from '../utils/test-app';

/**
 * The access-token check of `JwtAuthGuard` (fast-jwt, decision 033) against tokens an attacker
 * could make: unsigned, another algorithm, claims missing, not yet valid. Each is 401
 * `access_token_invalid`; the token the login gave still works, in any spelling of the scheme.
 */
describe('access token check', () => {
  let t: TestApp;
  let accessToken: string;
  let claims: { sub: string; sid: string };
  const secret = () => process.env.JWT_ACCESS_SECRET!;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    t = await createTestApp();
    ({ accessToken } = await t.login('thuky1@thidua.local'));
    const { sub, sid } = decode(accessToken) as { sub: string; sid: string };
    claims = { sub, sid };
  });
  afterAll(() => t.close());

  const me = (authorization: string) => t.http.get(`${API}/me`).set('Authorization', authorization);
  const expectInvalid = (res: Response) =>
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'access_token_invalid' });
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('accepts the token the login gave, the scheme in any case', async () => {
    expect((await me(`Bearer ${accessToken}`)).status).toBe(200);
    expect((await me(`bearer   ${accessToken}`)).status).toBe(200);
  });

  it('refuses an unsigned token (alg none) with the right claims', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, exp: now() + 600 })}.`;
    expectInvalid(await me(`Bearer ${unsigned}`));
  });

  it('refuses a token signed with the right secret but another algorithm (HS512)', async () => {
    const other = sign(claims, secret(), { algorithm: 'HS512', expiresIn: 600 });
    expectInvalid(await me(`Bearer ${other}`));
  });

  it('refuses a well-signed token without a session id, or without an expiry', async () => {
    expectInvalid(await me(`Bearer ${sign({ sub: claims.sub }, secret(), { algorithm: 'HS256', expiresIn: 600 })}`));
    expectInvalid(await me(`Bearer ${sign(claims, secret(), { algorithm: 'HS256' })}`));
  });

  it('refuses a well-signed token whose ids are not strings', async () => {
    const token = sign({ sub: 1, sid: { id: claims.sid } }, secret(), { algorithm: 'HS256', expiresIn: 600 });
    expectInvalid(await me(`Bearer ${token}`));
  });

  it('refuses a well-signed token that is not valid yet (nbf in an hour)', async () => {
    const early = sign({ ...claims, nbf: now() + 3600 }, secret(), { algorithm: 'HS256', expiresIn: 7200 });
    expectInvalid(await me(`Bearer ${early}`));
  });

  it('asks for a token when the scheme is not Bearer: 401 access_token_missing', async () => {
    const res = await me(`Basic ${accessToken}`);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'access_token_missing' });
  });
});
