// Canonical request hashing for idempotency keys: key order and absent fields do not change the hash; values do.
import { describe, expect, it } from 'vitest';
import { canonicalJson, checkIdempotencyKey, requestHash } from '../../server/src/shared/idempotency.ts';

describe('idempotency request hash', () => {
  it('canonical JSON sorts keys at every level, drops undefined and writes dates as ISO', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined }, t: new Date('2026-11-22T00:00:00Z') })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1,"t":"2026-11-22T00:00:00.000Z"}',
    );
  });

  it('same input in another order → same hash; other values or another operation → another hash', () => {
    const h = requestHash('enterItemResults', { recordId: 'r', results: [{ checkItemId: 'i', code: 1, note: null }] });
    expect(requestHash('enterItemResults', { results: [{ note: null, code: 1, checkItemId: 'i' }], recordId: 'r' })).toBe(h);
    expect(requestHash('enterItemResults', { recordId: 'r', results: [{ checkItemId: 'i', code: 2, note: null }] })).not.toBe(h);
    expect(requestHash('saveRecord', { recordId: 'r', results: [{ checkItemId: 'i', code: 1, note: null }] })).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys: absent is fine, malformed is a typed input error', () => {
    expect(checkIdempotencyKey(undefined)).toBeNull();
    expect(checkIdempotencyKey('4b8f2c1e-0d3a-4e5f-9a7b-1c2d3e4f5a6b')).toBe('4b8f2c1e-0d3a-4e5f-9a7b-1c2d3e4f5a6b');
    expect(() => checkIdempotencyKey('short')).toThrow(/idempotencyKey/);
    expect(() => checkIdempotencyKey('has spaces in it')).toThrow(/idempotencyKey/);
  });
});
