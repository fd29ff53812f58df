import { describe, expect, it } from 'vitest';
import { accountDelayMs, decideAttempt, LOGIN_THROTTLE } from './login-throttle';

const now = new Date('2026-11-25T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const times = (n: number, msAgo: number) => Array.from({ length: n }, () => ago(msAgo));

describe('accountDelayMs', () => {
  it.each([
    [0, 0],
    [3, 0],
    [4, 1000],
    [5, 2000],
    [8, 16_000],
    [12, 256_000],
    [13, 300_000],
    [1000, 300_000],
  ])('after %i failures from one address waits %i ms', (failures, ms) => {
    expect(accountDelayMs(failures)).toBe(ms);
  });
});

describe('decideAttempt', () => {
  it('checks an address that has not failed for the account at once, however many failed elsewhere', () => {
    expect(decideAttempt({ fromAddress: [], forAccountFromAddress: [] }, now)).toEqual({ ok: true });
  });

  it('lets a typo be followed at once by the right password (three free failures per address)', () => {
    expect(decideAttempt({ fromAddress: times(3, 10), forAccountFromAddress: times(3, 10) }, now)).toEqual({
      ok: true,
    });
  });

  it('makes an address that failed more often wait the doubling delay after its last failure', () => {
    const failed = (msAgo: number) => ({ fromAddress: times(6, msAgo), forAccountFromAddress: times(6, msAgo) });
    expect(decideAttempt(failed(1000), now)).toEqual({ ok: false, retryAfterMs: 3000 });
    expect(decideAttempt(failed(4000), now)).toEqual({ ok: true });
  });

  it('refuses the 11th attempt from one address in the window until its oldest leaves the window', () => {
    const history = [ago(60_000), ...times(9, 1000)];
    expect(decideAttempt({ fromAddress: history, forAccountFromAddress: [] }, now)).toEqual({
      ok: false,
      retryAfterMs: LOGIN_THROTTLE.windowMs - 60_000,
    });
    expect(decideAttempt({ fromAddress: times(9, 1000), forAccountFromAddress: [] }, now)).toEqual({ ok: true });
  });

  it('forgets attempts older than the window', () => {
    const old = times(20, LOGIN_THROTTLE.windowMs + 1);
    expect(decideAttempt({ fromAddress: old, forAccountFromAddress: old }, now)).toEqual({ ok: true });
  });
});
