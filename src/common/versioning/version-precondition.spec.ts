import { CommonErrorCode, CommonException } from '../errors/common.exception';
import { assertVersion, etagOf, parseIfMatch } from './version-precondition';

function refusal(run: () => void): CommonException | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof CommonException) return error;
    throw error;
  }
}

describe('version preconditions', () => {
  it('reads the ETags a client may send back in If-Match', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('  ')).toBeUndefined();
    expect(parseIfMatch('*')).toBe('*');
    expect(parseIfMatch(etagOf(3))).toEqual([3]);
    expect(parseIfMatch('W/"3", "4"')).toEqual([3, 4]);
  });

  it('refuses an If-Match that is not an ETag of this API instead of ignoring it', () => {
    for (const header of ['3', '"abc"', '"0"', '"3', 'W/3', '"1",', '"12345678901"']) {
      expect(refusal(() => parseIfMatch(header))?.code).toBe(CommonErrorCode.IfMatchInvalid);
    }
  });

  it('checks each precondition sent, and only those', () => {
    expect(refusal(() => assertVersion('cycle', 3, {}))).toBeUndefined();
    expect(refusal(() => assertVersion('cycle', 3, { expectedVersion: 3, ifMatch: [2, 3] }))).toBeUndefined();
    expect(refusal(() => assertVersion('cycle', 3, { ifMatch: '*' }))).toBeUndefined();

    const stale = refusal(() => assertVersion('cycle', 3, { expectedVersion: 2 }, { phase: 'setup' }));
    expect(stale?.code).toBe(CommonErrorCode.VersionConflict);
    expect(stale?.extensions).toEqual({ resource: 'cycle', expectedVersion: 2, currentVersion: 3, phase: 'setup' });

    const staleHeader = refusal(() => assertVersion('meeting', 3, { expectedVersion: 3, ifMatch: [2] }));
    expect(staleHeader?.extensions).toMatchObject({ resource: 'meeting', expectedVersion: 2, currentVersion: 3 });
  });

  it('treats any precondition on a record that does not exist yet as stale', () => {
    expect(refusal(() => assertVersion('score_entry', null, {}))).toBeUndefined();
    const refused = refusal(() => assertVersion('score_entry', null, { ifMatch: '*' }));
    expect(refused?.extensions).toEqual({ resource: 'score_entry', expectedVersion: null, currentVersion: null });
  });
});
