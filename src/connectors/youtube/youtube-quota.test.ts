import { describe, expect, it } from 'vitest';
import { nextPacificMidnight } from '../google/google-errors';
import { QuotaLedger, quotaDay, readShare, searchGapMs, searchRoundDue, searchShare } from './youtube-quota';

const HOUR = 3_600_000;

describe('YouTube quota planning', () => {
  it('gives searches half the day, spread by the number of queries, and reads the rest', () => {
    expect(searchShare(10_000)).toBe(5000);
    expect(readShare(10_000, true)).toBe(5000);
    expect(readShare(10_000, false)).toBe(10_000);
    // 5,000 units = 50 searches a day: one query every 28.8 minutes, three queries a round every 86.4 minutes.
    expect(searchGapMs(10_000, 1)).toBe(0.48 * HOUR);
    expect(searchGapMs(10_000, 3)).toBe(1.44 * HOUR);
    expect(searchGapMs(150, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('postpones a round until the gap has passed, and for good once the searches share is spent', () => {
    const now = new Date('2026-03-10T18:00:00Z');
    const day = quotaDay(undefined, now, 10_000);
    const last = new Date(now.getTime() - HOUR).toISOString();
    expect(searchRoundDue({ day, queries: 2, lastRoundAt: last, now })).toBe(true);
    expect(searchRoundDue({ day, queries: 3, lastRoundAt: last, now })).toBe(false);
    expect(searchRoundDue({ day, queries: 0, lastRoundAt: undefined, now })).toBe(false);
    const spent = { ...day, used: 5000, searchUsed: 5000 };
    expect(searchRoundDue({ day: spent, queries: 1, lastRoundAt: undefined, now })).toBe(false);
  });

  it('counts per Pacific day and refuses the read that would pass its share', () => {
    const now = new Date('2026-07-01T06:59:00Z'); // 23:59 in California (PDT)
    const day = quotaDay(undefined, now, 100);
    expect(day.resetsAt).toBe('2026-07-01T07:00:00.000Z');
    const ledger = new QuotaLedger({ ...day, used: 99 }, false);
    expect(ledger.canRead()).toBe(true);
    ledger.read();
    expect(ledger.canRead()).toBe(false);
    const e = ledger.readsSpent();
    expect(e.kind).toBe('rate_limited');
    expect(e.details.resetAt).toEqual(nextPacificMidnight(now));
    expect(quotaDay(ledger.day, new Date('2026-07-01T07:00:01Z'), 100).used).toBe(0);
  });
});
