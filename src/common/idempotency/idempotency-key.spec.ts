import { IdempotencyErrorCode } from './idempotency.exception';
import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency-key';

describe(parseIdempotencyKey.name, () => {
  it('takes a bare token and the quoted string of the draft', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('"8e03978e-40d5"')).toBe('8e03978e-40d5');
    expect(parseIdempotencyKey('"a \\"b\\" c"')).toBe('a "b" c');
  });

  it.each([
    ['empty', ''],
    ['empty quoted', '""'],
    ['too long', 'k'.repeat(256)],
    ['a space inside a bare token', 'a b'],
    ['a control character', 'a\u0001b'],
    ['non-ASCII', 'khóa'],
    ['several values', undefined],
  ])('refuses %s', (_, value) => {
    expect(() => parseIdempotencyKey(value)).toThrow(
      expect.objectContaining({ code: IdempotencyErrorCode.KeyInvalid }),
    );
  });

  it('accepts 255 characters', () => {
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
  });
});

describe(requestFingerprint.name, () => {
  it('ignores the order of object keys, not the order of array items', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    const one = requestFingerprint('POST', '/api/v1/clusters', { name: 'A', code: 'x' });
    expect(requestFingerprint('post', '/api/v1/clusters', { code: 'x', name: 'A' })).toBe(one);
    expect(requestFingerprint('POST', '/api/v1/clusters', { code: 'x', name: 'B' })).not.toBe(one);
    expect(requestFingerprint('POST', '/api/v1/clusters?x=1', { code: 'x', name: 'A' })).not.toBe(one);
  });
});
