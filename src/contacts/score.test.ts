import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../core/i18n/translator';
import { scoreReasonText } from './reasons';
import { type ContactStats, scoreContact, scoreParts } from './score';
import type { ScoreReason } from './schema';

const NOW = new Date('2026-12-07T12:00:00Z');
const sum = (reasons: ScoreReason[]) => reasons.reduce((s, r) => s + r.points, 0);

const stats: fc.Arbitrary<ContactStats> = fc.record({
  followers: fc.nat({ max: 50_000_000 }),
  mentions: fc.nat({ max: 10_000 }),
  engagement: fc.nat({ max: 10_000_000 }),
  lastActivityAt: fc.option(
    fc.integer({ min: 0, max: 400 }).map((days) => new Date(NOW.getTime() - days * 86_400_000)),
    { nil: null },
  ),
  sentiment: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
  purchaseIntents: fc.nat({ max: 50 }),
  questions: fc.nat({ max: 50 }),
});

describe('scoreContact', () => {
  it('gives a score equal to the sum of the parts it lists, for any totals', () => {
    fc.assert(
      fc.property(stats, (s) => {
        const { score, reasons } = scoreContact(s, NOW);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(sum(reasons)).toBe(score);
      }),
      { numRuns: 2000 },
    );
  });

  it('lists what is cut off above 100 as a part of its own', () => {
    const { score, reasons } = scoreContact(
      {
        followers: 1_000_000,
        mentions: 40,
        engagement: 500_000,
        lastActivityAt: NOW,
        sentiment: 0.9,
        purchaseIntents: 5,
        questions: 6,
      },
      NOW,
    );
    expect(score).toBe(100);
    const limit = reasons.find((r) => r.code === 'limit')!;
    expect(limit.points).toBeLessThan(0);
    expect(limit.reason).toBe('Capped: a score is at most 100');
    expect(sum(reasons)).toBe(100);
  });

  it('lists what a cold contact would fall below 0 as a part of its own', () => {
    const { score, reasons } = scoreContact(
      {
        followers: 0,
        mentions: 1,
        engagement: 0,
        lastActivityAt: null,
        sentiment: -0.9,
        purchaseIntents: 0,
        questions: 0,
      },
      NOW,
    );
    expect(score).toBe(0);
    expect(reasons.map((r) => [r.code, r.points])).toEqual([
      ['activity', 2],
      ['sentiment', -13],
      ['limit', 11],
    ]);
    expect(scoreReasonText(ENGLISH, reasons[2]!)).toBe('Floor: a score is at least 0');
  });
});

describe('scoreParts', () => {
  const part = (points: number): ScoreReason => ({ code: 'reach', values: { followers: 1 }, points, reason: '' });

  it('adds up to any stored score, whatever parts were stored with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.array(fc.integer({ min: -30, max: 30 })), (score, points) => {
        expect(sum(scoreParts(score, points.map(part)))).toBe(score);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the stored parts as they are when they add up, and adds the cap a row scored before it lacks', () => {
    expect(scoreParts(42, [part(40), part(2)])).toEqual([part(40), part(2)]);
    // Stored by the rule before the limit part: clamped to 100 with parts summing to 108.
    const parts = scoreParts(100, [part(25), part(15), part(10), part(15), part(15), part(20), part(8)]);
    expect(parts.at(-1)).toMatchObject({ code: 'limit', values: { limit: 100 }, points: -8 });
    // Recomputed, never doubled: a stored limit part is replaced.
    expect(scoreParts(100, parts)).toEqual(parts);
  });
});
