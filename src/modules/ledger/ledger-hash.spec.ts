import { createHash } from 'node:crypto';
import { canonicalJson, entryHash, GENESIS_HASH, payloadDigest, type HashedEntryFields } from './ledger-hash';

const ENTRY: HashedEntryFields = {
  seq: '3',
  occurredAt: '2011-11-21T02:00:00.000Z',
  actorId: null,
  action: 'registry.unit_created',
  subjectType: 'unit',
  subjectId: '5f0c2a52-9d8e-4d8b-9a51-6f1f3c1d2b7e',
  payloadDigest: 'a'.repeat(64),
  prevHash: GENESIS_HASH,
};

describe('ledger-hash', () => {
  describe(canonicalJson.name, () => {
    it('gives the same bytes whatever the key order, at every depth', () => {
      const a = canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } });
      const b = canonicalJson({ a: { c: 'x', d: [2, { y: 2, z: 1 }] }, b: 1 });

      expect(a).toBe(b);
      expect(a).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    });

    it('keeps the order of array items, which is meaningful', () => {
      expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    });

    it('refuses a value JSON cannot represent', () => {
      expect(() => canonicalJson(undefined)).toThrow('Value cannot be canonicalised');
    });
  });

  describe(payloadDigest.name, () => {
    it('is the SHA-256 of the canonical form, so key order does not change it', () => {
      const digest = payloadDigest({ name: 'Lạng Sơn', code: 'lang-son' });

      expect(digest).toBe(createHash('sha256').update('{"code":"lang-son","name":"Lạng Sơn"}').digest('hex'));
      expect(payloadDigest({ code: 'lang-son', name: 'Lạng Sơn' })).toBe(digest);
      expect(payloadDigest({ code: 'lang-son', name: 'Lang Son' })).not.toBe(digest);
    });
  });

  describe(entryHash.name, () => {
    it('is a 64-digit hex SHA-256 that does not depend on key order', () => {
      const reversed = Object.fromEntries(Object.entries(ENTRY).reverse()) as unknown as HashedEntryFields;

      expect(entryHash(ENTRY)).toMatch(/^[0-9a-f]{64}$/);
      expect(entryHash(reversed)).toBe(entryHash(ENTRY));
    });

    it.each<[keyof HashedEntryFields, string | null]>([
      ['seq', '4'],
      ['occurredAt', '2011-11-21T02:00:00.001Z'],
      ['actorId', '0b7c1f7e-2f6d-4a6f-8a43-2d2f0f3b8c11'],
      ['action', 'registry.unit_renamed'],
      ['subjectType', 'cluster'],
      ['subjectId', '5f0c2a52-9d8e-4d8b-9a51-6f1f3c1d2b7f'],
      ['payloadDigest', 'b'.repeat(64)],
      ['prevHash', '1'.repeat(64)],
    ])('changes when %s changes', (field, value) => {
      expect(entryHash({ ...ENTRY, [field]: value })).not.toBe(entryHash(ENTRY));
    });
  });
});
