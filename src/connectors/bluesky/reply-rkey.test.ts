import { describe, expect, it } from 'vitest';
import { replyRecordKey, tid, tidMicros } from './reply-rkey';

// The TID syntax of the atproto spec: 13 base32-sortable characters, the first one without the top bit.
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
const queuedAt = new Date('2026-03-01T12:00:00.123Z');

describe('replyRecordKey', () => {
  it('gives the same valid TID for the same reply on every attempt', () => {
    const key = replyRecordKey('7d9c1c1e-8a50-4f8e-9d5b-0f1b1f2a3c4d', queuedAt);
    expect(key).toMatch(TID);
    expect(replyRecordKey('7d9c1c1e-8a50-4f8e-9d5b-0f1b1f2a3c4d', new Date(queuedAt))).toBe(key);
  });

  it('gives different keys to replies queued in the same millisecond', () => {
    const keys = new Set(Array.from({ length: 200 }, (_, i) => replyRecordKey(`reply-${i}`, queuedAt)));
    expect(keys.size).toBe(200);
  });

  it('names the millisecond the reply was queued', () => {
    const micros = tidMicros(replyRecordKey('r1', queuedAt));
    expect(micros / 1000n).toBe(BigInt(queuedAt.getTime()));
  });

  it('writes a TID as the spec does', () => {
    // The spec's example: 0 microseconds, clock id 0.
    expect(tid(0n, 0)).toBe('2222222222222');
    expect(tidMicros(tid(1_700_000_000_000_000n, 5))).toBe(1_700_000_000_000_000n);
  });
});
