import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextPollAt, pollIntervalMs, statusAfterFailure } from './backoff';

const now = new Date('2026-11-25T12:00:00Z');
const waitOf = (d: Date) => d.getTime() - now.getTime();

describe('nextPollAt', () => {
  it('waits the interval after a success, give or take 10 % jitter', () => {
    expect(waitOf(nextPollAt({ now, intervalMs: 300_000, failures: 0, random: 0.5 }))).toBe(300_000);
    expect(waitOf(nextPollAt({ now, intervalMs: 300_000, failures: 0, random: 0 }))).toBe(270_000);
    expect(waitOf(nextPollAt({ now, intervalMs: 300_000, failures: 0, random: 1 }))).toBe(330_000);
  });

  it.each([
    [1, 60_000],
    [2, 120_000],
    [3, 240_000],
    [10, MAX_BACKOFF_MS],
  ])('backs off exponentially after %i failures', (failures, expected) => {
    expect(waitOf(nextPollAt({ now, intervalMs: 60_000, failures, kind: 'transient', random: 0.5 }))).toBe(expected);
  });

  it('waits for the rate-limit reset, however far', () => {
    const resetAt = new Date(now.getTime() + 14 * 60_000);
    expect(
      waitOf(nextPollAt({ now, intervalMs: 60_000, failures: 1, kind: 'rate_limited', resetAt, random: 0.5 })),
    ).toBe(14 * 60_000 + 1000);
  });

  it('waits the full cap when credentials are refused', () => {
    expect(waitOf(nextPollAt({ now, intervalMs: 60_000, failures: 1, kind: 'auth', random: 0.5 }))).toBe(
      MAX_BACKOFF_MS,
    );
  });
});

describe('statusAfterFailure', () => {
  it('is degraded for a first transient failure and failing after three or for bad credentials', () => {
    expect(statusAfterFailure(1, 'transient')).toBe('degraded');
    expect(statusAfterFailure(3, 'transient')).toBe('failing');
    expect(statusAfterFailure(1, 'auth')).toBe('failing');
  });
});

describe('pollIntervalMs', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it('polls a source the platform pushes to as a safety net: six times slower, at least every 30 minutes', () => {
    expect(pollIntervalMs(5 * 60_000, ago(60_000), now)).toBe(30 * 60_000);
    expect(pollIntervalMs(10 * 60_000, ago(60_000), now)).toBe(60 * 60_000);
    expect(pollIntervalMs(60_000, ago(60_000), now)).toBe(30 * 60_000);
  });
  it('polls at the own interval without webhooks, or when the last one is a day old', () => {
    expect(pollIntervalMs(5 * 60_000, null, now)).toBe(5 * 60_000);
    expect(pollIntervalMs(5 * 60_000, ago(24 * 3_600_000 + 1), now)).toBe(5 * 60_000);
  });
});
