import type { Response } from 'supertest';

/** How a client says which version it read: the `If-Match` header, the body's `expectedVersion`, or neither. */
export interface Precondition {
  ifMatch?: string;
  expectedVersion?: number;
}

/**
 * The contract every versioned resource keeps (docs/api.md, "Versions and concurrent changes"):
 * its GET sends `ETag: "<version>"`; a change with a stale `If-Match`, and one with a stale
 * `expectedVersion`, are each refused with 409 `version_conflict` naming the resource, the version
 * sent and the current one. Returns the ETag read, for the fresh change the caller then makes.
 */
export async function expectStaleVersionsRefused(
  resource: string,
  read: () => Promise<Response>,
  change: (precondition: Precondition) => Promise<Response>,
): Promise<{ version: number; etag: string }> {
  const current = await read();
  expect(current.status).toBe(200);
  const version = current.body.version as number;
  expect(Number.isInteger(version)).toBe(true);
  expect(current.headers.etag).toBe(`"${version}"`);

  const stale = version > 1 ? version - 1 : version + 1;
  for (const precondition of [{ ifMatch: `W/"${stale}"` }, { expectedVersion: stale }] as Precondition[]) {
    const refused = await change(precondition);
    expect({
      precondition,
      status: refused.status,
      code: refused.body.code,
      resource: refused.body.resource,
      expectedVersion: refused.body.expectedVersion,
      currentVersion: refused.body.currentVersion,
    }).toEqual({
      precondition,
      status: 409,
      code: 'version_conflict',
      resource,
      expectedVersion: stale,
      currentVersion: version,
    });
  }
  const malformed = await change({ ifMatch: `version ${version}` });
  expect([malformed.status, malformed.body.code]).toEqual([400, 'if_match_invalid']);
  return { version, etag: current.headers.etag as string };
}

/** Sets `If-Match` when the precondition has one, and merges `expectedVersion` into the body. */
export function withPrecondition<B extends object>(
  precondition: Precondition,
  body: B,
): { headers: Record<string, string>; body: B & { expectedVersion?: number } } {
  return {
    headers: precondition.ifMatch === undefined ? {} : { 'If-Match': precondition.ifMatch },
    body:
      precondition.expectedVersion === undefined ? body : { ...body, expectedVersion: precondition.expectedVersion },
  };
}
