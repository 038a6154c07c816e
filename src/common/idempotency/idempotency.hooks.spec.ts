import { isFinalAnswer } from './idempotency.hooks';

describe(isFinalAnswer.name, () => {
  const problem = (code: string) => JSON.stringify({ code });

  it.each([
    [201, '{"id":"x"}'],
    [200, '{}'],
    [204, null],
    [403, problem('sheet_entry_forbidden')],
    [404, problem('cluster_not_found')],
    [409, problem('cluster_code_taken')],
    [422, problem('constraint_violation')],
  ])('keeps %d: a retry of the same request would get it again', (status, body) => {
    expect(isFinalAnswer(status, body)).toBe(true);
  });

  it.each([
    [500, problem('internal_error')],
    [503, problem('database_unavailable')],
    [400, problem('validation_failed')],
    [401, problem('access_token_expired')],
    [413, problem('payload_too_large')],
    [429, problem('too_many_requests')],
    [409, problem('concurrent_update')],
  ])('does not keep %d %s: a retry runs again', (status, body) => {
    expect(isFinalAnswer(status, body)).toBe(false);
  });
});
