import type { Response } from 'supertest';

/** The media type of every refusal (RFC 9457). */
export const PROBLEM_JSON = /^application\/problem\+json/;

/** A refusal as `{ status, code }`, to compare with `toEqual` in one line. */
export const problem = (res: { status: number; body: { code?: string } }) => ({
  status: res.status,
  code: res.body.code,
});

/** The answer is a problem+json refusal with this status and code. */
export function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: (res.body as { code?: string } | undefined)?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
}

/** Every error of the API, whatever produced it, has the same RFC 9457 shape: this status and code, and all its members. */
export function expectProblemDocument(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
  expect(res.body).toEqual(
    expect.objectContaining({
      type: `urn:thidua:problem:${code}`,
      title: expect.any(String),
      status,
      code,
      instance: expect.stringMatching(/^\//),
      requestId: res.headers['x-request-id'],
    }),
  );
}
